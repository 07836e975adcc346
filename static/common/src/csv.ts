/**
 * CSV for the exports: one rule for every app. Cells that contain a quote, comma or line break are quoted (quotes
 * doubled); a cell starting with = + - @ (or a tab / carriage return) would be run by a spreadsheet as a formula, so
 * it is prefixed with ' and quoted (CSV formula injection).
 */

export type CsvOptions = {
  /** Quote every cell, not only those that need it (the overview exports do). */
  quoteAll?: boolean;
};

/** What a cell may hold; `null`/`undefined` are empty. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell: `null`/`undefined` are empty, anything else is its string. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  const text = value === null || value === undefined ? '' : String(value);
  const formula = FORMULA_START.test(text);
  const safe = formula ? `'${text}` : text;
  return options.quoteAll || formula || NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (header first) as CSV: cells joined by commas, each line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  return rows.map((row) => row.map((value) => csvCell(value, options)).join(',')).join('\r\n') + '\r\n';
}
