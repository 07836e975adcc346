import type { Assignment, RaciRole } from '../../../src/shared/roles';

/** The letters a cell may hold, as the project page's CSV writes them. */
export const CELL_OPTIONS = ['', 'A', 'R', 'A/R', 'C', 'I'] as const;
const ROLE_OF: Record<string, RaciRole> = {
  A: 'accountable',
  R: 'responsible',
  C: 'consulted',
  I: 'informed',
};
const LETTER_OF: Record<string, string> = {
  accountable: 'A',
  responsible: 'R',
  consulted: 'C',
  informed: 'I',
};

/** The letters of one person's roles in a row ("A/R"). */
export function cellOf(assignments: readonly Assignment[], accountId: string): string {
  return ['accountable', 'responsible', 'consulted', 'informed']
    .filter((role) => assignments.some((a) => a.accountId === accountId && a.role === role))
    .map((role) => LETTER_OF[role])
    .join('/');
}

/** The row's assignments with one person's cell replaced by `letters`. */
export function withCell(
  assignments: readonly Assignment[],
  accountId: string,
  letters: string,
): Assignment[] {
  const others = assignments.filter((a) => a.accountId !== accountId);
  const roles = letters
    .split('/')
    .filter(Boolean)
    .map((l) => ROLE_OF[l])
    .filter((r): r is RaciRole => r !== undefined);
  return [...others, ...roles.map((role) => ({ accountId, role }))];
}
