/** The matrix as CSV (the reference RACI file's layout) and the column mapping an import starts from. */
import type { MatrixRow } from '../../../src/shared/matrix';
import type { Role } from '../../../src/shared/roles';
import { formatRaciCsv, MATRIX_LETTERS, type RaciMatrix } from '../../../src/domain/roles';

export const ACTIVITY_LABEL = 'Activity';

/** Column headings for people: their names, made unique when two people share one. */
export function holderNames(people: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const used = new Map<string, number>();
  return people.map((id) => {
    const base = names.get(id) ?? id;
    const n = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * One row per issue ("KEY summary"), one column per person, cells such as "A/R". Each row is written in its own
 * framework's letters (a Decision's "A" is its Approver), which is how the import reads it back.
 */
export function matrixToCsv(
  rows: readonly MatrixRow[],
  people: readonly string[],
  names: ReadonlyMap<string, string>,
): string {
  const holders = holderNames(people, names);
  const base: RaciMatrix = { framework: 'RACI', activityLabel: ACTIVITY_LABEL, holders, rows: [] };
  const header = formatRaciCsv(base);
  let out = header;
  for (const row of rows) {
    const cells = people.map((id) => row.assignments.filter((a) => a.accountId === id).map((a) => a.role));
    const text = formatRaciCsv({
      ...base,
      framework: row.framework,
      rows: [{ activity: `${row.issueKey} ${row.summary}`, cells }],
    });
    out += text.slice(header.length);
  }
  return out;
}

/** Column heading → account id, for every heading that names exactly one known person. */
export function guessColumns(
  headings: readonly string[],
  names: ReadonlyMap<string, string>,
): Record<string, string> {
  const byName = new Map<string, string[]>();
  for (const [id, name] of names)
    byName.set(name.toLowerCase(), [...(byName.get(name.toLowerCase()) ?? []), id]);
  const out: Record<string, string> = {};
  for (const heading of headings) {
    const ids = byName.get(heading.toLowerCase());
    if (ids?.length === 1) out[heading] = ids[0]!;
  }
  return out;
}

/** The letters of one cell, as the matrix shows them ("A/R"), in the framework's letter order. */
export function cellLetters(framework: MatrixRow['framework'], roles: readonly Role[]): string {
  const held = new Set(roles);
  return MATRIX_LETTERS[framework]
    .filter(([, role]) => held.has(role))
    .map(([letter]) => letter)
    .join('/');
}
