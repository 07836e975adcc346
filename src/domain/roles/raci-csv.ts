import type { Framework, Role } from '../../shared/roles';
import { formatCsvRecord, parseCsvText } from './csv-text';
import { quoteInput } from './people-names';
import { ROLE_LABELS, rolesOf } from './role-catalog';

/** A responsibility matrix: one row per activity, one column per role holder, a set of roles per cell. */
export interface RaciMatrix {
  framework: Framework;
  /** Heading of the first column, e.g. "Activity". */
  activityLabel: string;
  /** Column headings after the first: people or role holders such as "Business Owner". */
  holders: string[];
  rows: RaciMatrixRow[];
}

export interface RaciMatrixRow {
  activity: string;
  /** `cells[i]` are the roles of `holders[i]`, in letter order (A before R, as in "A/R"). */
  cells: Role[][];
}

export type RaciCsvErrorCode =
  | 'empty-file'
  | 'unterminated-quote'
  | 'stray-quote'
  | 'no-holders'
  | 'empty-holder'
  | 'duplicate-holder'
  | 'empty-activity'
  | 'wrong-cell-count'
  | 'unknown-letter'
  | 'single-accountable'
  | 'single-driver'
  | 'single-approver';

/** A problem found while reading the CSV; `column` is 1-based like a spreadsheet's. */
export interface RaciCsvError {
  line: number;
  column?: number;
  holder?: string;
  code: RaciCsvErrorCode;
  message: string;
}

export interface ParsedRaciRow extends RaciMatrixRow {
  line: number;
  errors: RaciCsvError[];
}

/** The matrix as read, with errors beside the rows they belong to and all of them in `errors`. */
export interface RaciCsvParseResult extends RaciMatrix {
  rows: ParsedRaciRow[];
  /** Errors of the file and its header (not of a row). */
  headerErrors: RaciCsvError[];
  /** Every error, header and rows, in line order. */
  errors: RaciCsvError[];
}

export interface RaciCsvOptions {
  /** Which letters the cells use; RACI unless told. */
  framework?: Framework;
  /** Field separator; sniffed from the header (`,` or `;`) unless told. */
  delimiter?: string;
}

/** Letters each framework writes in a cell, in the order a combined cell lists them. */
export const MATRIX_LETTERS: Readonly<Record<Framework, ReadonlyArray<readonly [string, Role]>>> = {
  RACI: [
    ['A', 'accountable'],
    ['R', 'responsible'],
    ['C', 'consulted'],
    ['I', 'informed'],
  ],
  DACI: [
    ['D', 'driver'],
    ['A', 'approver'],
    ['C', 'contributor'],
    ['I', 'informed'],
  ],
};

/** Roles at most one holder may have per row; a second one is an error like a refused save. */
const SINGLE_ROLE_RULES: Readonly<Record<Framework, ReadonlyArray<readonly [Role, RaciCsvErrorCode]>>> = {
  RACI: [['accountable', 'single-accountable']],
  DACI: [
    ['driver', 'single-driver'],
    ['approver', 'single-approver'],
  ],
};

/** Reads a RACI (or DACI) matrix from CSV text; never throws, every problem becomes an error on its row. */
export function parseRaciCsv(text: string, options: RaciCsvOptions = {}): RaciCsvParseResult {
  const framework = options.framework ?? 'RACI';
  const csv = parseCsvText(text, options.delimiter);
  const syntaxErrors: RaciCsvError[] = csv.errors.map((e) => ({
    line: e.line,
    code: e.code,
    message: e.message,
  }));
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const headerErrors: RaciCsvError[] = [];
  const [header, ...body] = records;

  if (!header) {
    headerErrors.push({
      line: 1,
      code: 'empty-file',
      message: 'The file is empty. Export a matrix and try again.',
    });
    return result(framework, '', [], [], headerErrors, syntaxErrors);
  }

  const headerFields = header.fields.map(readName);
  while (headerFields.length > 1 && headerFields[headerFields.length - 1] === '') headerFields.pop();
  const activityLabel = headerFields[0] ?? '';
  const holders = headerFields.slice(1);
  if (holders.length === 0) {
    headerErrors.push({
      line: header.line,
      code: 'no-holders',
      message: `Line ${header.line} names no people or roles after the first column. Add one column per person.`,
    });
  }
  const firstColumn = new Map<string, number>();
  holders.forEach((holder, i) => {
    const column = i + 2;
    if (holder === '') {
      headerErrors.push({
        line: header.line,
        column,
        code: 'empty-holder',
        message: `Column ${column} of the header has no name. Name the person or role it stands for.`,
      });
      return;
    }
    const key = holder.toLowerCase();
    const first = firstColumn.get(key);
    if (first === undefined) {
      firstColumn.set(key, column);
    } else {
      headerErrors.push({
        line: header.line,
        column,
        holder,
        code: 'duplicate-holder',
        message: `Columns ${first} and ${column} are both named ${quoteInput(holder)}. Give each column its own name.`,
      });
    }
  });

  const rows = body.map((record) => readRow(framework, holders, record.line, record.fields));
  return result(framework, activityLabel, holders, rows, headerErrors, syntaxErrors);
}

/** Writes a matrix as CSV text in the layout of the reference file (header row, "A/R" cells, final newline). */
export function formatRaciCsv(matrix: RaciMatrix, delimiter = ','): string {
  const letters = new Map(MATRIX_LETTERS[matrix.framework].map(([letter, role]) => [role, letter]));
  const order = MATRIX_LETTERS[matrix.framework].map(([, role]) => role);
  const lines = [formatCsvRecord([matrix.activityLabel, ...matrix.holders].map(writeName), delimiter)];
  for (const row of matrix.rows) {
    const cells = matrix.holders.map((_, i) => {
      const roles = new Set(row.cells[i] ?? []);
      return order
        .filter((role) => roles.has(role))
        .map((role) => letters.get(role) ?? '')
        .join('/');
    });
    lines.push(formatCsvRecord([writeName(row.activity), ...cells], delimiter));
  }
  return `${lines.join('\n')}\n`;
}

function readRow(
  framework: Framework,
  holders: readonly string[],
  line: number,
  fields: readonly string[],
): ParsedRaciRow {
  const errors: RaciCsvError[] = [];
  const activity = readName(fields[0] ?? '');
  if (activity === '') {
    errors.push({
      line,
      column: 1,
      code: 'empty-activity',
      message: `Line ${line} has roles but no activity. Name the activity in the first column.`,
    });
  }
  const given = fields.length - 1;
  const extra = fields.slice(holders.length + 1).filter((f) => f.trim() !== '');
  if (given < holders.length || extra.length > 0) {
    errors.push({
      line,
      code: 'wrong-cell-count',
      message: `Line ${line} has ${Math.max(given, 0)} role ${given === 1 ? 'cell' : 'cells'} but the header names ${holders.length} ${holders.length === 1 ? 'column' : 'columns'}. Make every row as wide as the header.`,
    });
  }
  const cells = holders.map((holder, i) =>
    readCell(framework, fields[i + 1] ?? '', line, i + 2, holder, errors),
  );

  for (const [role, code] of SINGLE_ROLE_RULES[framework]) {
    const holding = holders.filter((_, i) => cells[i]?.includes(role));
    if (holding.length > 1) {
      errors.push({
        line,
        code,
        message: `Line ${line} makes ${holding.map((h) => quoteInput(h)).join(', ')} all ${ROLE_LABELS[role]}. Only one can be: keep one ${letterOf(framework, role)} in the row.`,
      });
    }
  }
  return { line, activity, cells, errors };
}

function readCell(
  framework: Framework,
  raw: string,
  line: number,
  column: number,
  holder: string,
  errors: RaciCsvError[],
): Role[] {
  const found = new Set<Role>();
  for (const token of raw.split(/[/+,;&\s]+/).filter((t) => t !== '')) {
    const role = roleOfToken(framework, token);
    if (role) {
      found.add(role);
      continue;
    }
    const allowed = MATRIX_LETTERS[framework].map(([letter]) => letter);
    errors.push({
      line,
      column,
      holder,
      code: 'unknown-letter',
      message: `Line ${line}, column ${quoteInput(holder)}: ${quoteInput(token)} is not a ${framework} letter. Use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, or two joined by “/” such as “A/${allowed[0] === 'A' ? 'R' : 'C'}”.`,
    });
  }
  // Cells come back in letter order, so "R/A" and "A/R" read the same.
  return MATRIX_LETTERS[framework].map(([, role]) => role).filter((role) => found.has(role));
}

function roleOfToken(framework: Framework, token: string): Role | undefined {
  const upper = token.toUpperCase();
  const byLetter = MATRIX_LETTERS[framework].find(([letter]) => letter === upper);
  if (byLetter) return byLetter[1];
  // People also write the whole word ("Accountable", "approver").
  return rolesOf(framework).find((role) => ROLE_LABELS[role].toUpperCase() === upper);
}

function letterOf(framework: Framework, role: Role): string {
  return MATRIX_LETTERS[framework].find(([, r]) => r === role)?.[0] ?? '?';
}

/**
 * Names that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are written with a leading apostrophe
 * (OWASP "CSV injection"); reading strips exactly one apostrophe in front of such a name, so names round-trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

function writeName(name: string): string {
  return FORMULA_START.test(name) ? `'${name}` : name;
}

function readName(field: string): string {
  const trimmed = field.trim();
  return ESCAPED_FORMULA.test(trimmed) ? trimmed.slice(1) : trimmed;
}

function result(
  framework: Framework,
  activityLabel: string,
  holders: string[],
  rows: ParsedRaciRow[],
  headerErrors: RaciCsvError[],
  syntaxErrors: RaciCsvError[],
): RaciCsvParseResult {
  const errors = [...syntaxErrors, ...headerErrors, ...rows.flatMap((r) => r.errors)].sort(
    (a, b) => a.line - b.line,
  );
  return {
    framework,
    activityLabel,
    holders,
    rows,
    headerErrors: [...syntaxErrors, ...headerErrors],
    errors,
  };
}
