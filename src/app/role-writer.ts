import type { Assignment, Framework, RolesView } from '../shared/roles';
import { isUniqueRole } from '../domain/roles';

/**
 * How the project page writes roles: always through the `setRoles` use case (bound to the person in the
 * composition root), so permission checks, hard rules, revisions and the audit are the Roles panel's own.
 */
export type WriteRoles = (input: {
  issueKey: string;
  accountId: string;
  framework: Framework;
  assignments: Assignment[];
  revision: number;
  action: 'bulk-apply';
}) => Promise<RolesView>;

/**
 * Merge mode of a bulk apply: the issue keeps its people and gains the new ones; a role only one person may
 * hold (Accountable, Driver, Approver) goes to the newcomer.
 */
export function mergeAssignments(
  framework: Framework,
  current: readonly Assignment[],
  added: readonly Assignment[],
): Assignment[] {
  const takenOver = new Set(added.filter((a) => isUniqueRole(framework, a.role)).map((a) => a.role));
  const out: Assignment[] = [];
  const seen = new Set<string>();
  for (const a of [...current.filter((c) => !takenOver.has(c.role)), ...added]) {
    const key = `${a.accountId}\u0000${a.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ accountId: a.accountId, role: a.role });
  }
  return out;
}

/** Runs `work` over `items`, at most `limit` at once, results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
