/** One CSV record and the line it starts on (1-based), so errors can point at it. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A problem in the CSV text itself (as opposed to what the cells mean). */
export interface CsvSyntaxError {
  line: number;
  code: 'unterminated-quote' | 'stray-quote';
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
  delimiter: string;
}

/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF/LF/CR, newlines inside quotes) into records.
 * Never throws: malformed quoting is reported and the text is read as best it can be.
 */
export function parseCsvText(text: string, delimiter?: string): CsvParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = delimiter ?? sniffDelimiter(source);
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let afterQuote = false;
  let strayReported = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    strayReported = false;
  };

  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === sep) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (ch === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
    } else {
      if ((afterQuote || ch === '"') && !strayReported) {
        strayReported = true;
        errors.push({
          line,
          code: 'stray-quote',
          message: `Line ${line} has a quote in the middle of a cell. Put the whole cell in quotes and double any quote inside it.`,
        });
      }
      field += ch;
    }
  }
  if (quoted) {
    errors.push({
      line: quoteLine,
      code: 'unterminated-quote',
      message: `Line ${quoteLine} opens a quote that never closes. Add the closing quote.`,
    });
  }
  // A final newline ends the last record; only text after it starts another one.
  if (field !== '' || fields.length > 0 || quoted || afterQuote) endRecord();
  return { records, errors, delimiter: sep };
}

/** Writes one CSV record, quoting only the fields that need it. */
export function formatCsvRecord(fields: readonly string[], delimiter = ','): string {
  return fields.map((f) => quoteField(f, delimiter)).join(delimiter);
}

function quoteField(field: string, delimiter: string): string {
  // Quote both separators whatever we write with, so delimiter sniffing on read cannot be misled.
  const needsQuotes = field.includes(delimiter) || /[",;\r\n]/.test(field) || field !== field.trim();
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Spreadsheets in comma-decimal locales write `;`; pick whichever the first line uses outside quotes. */
function sniffDelimiter(text: string): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
