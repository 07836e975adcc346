import type { Assignment, Role } from '../../shared/roles';

/** One line of role history: a person gained or lost a role. */
export interface AssignmentChange {
  accountId: string;
  role: Role;
  change: 'added' | 'removed';
}

/** What changed from `before` to `after`, removals first, each in list order; duplicates count once. */
export function diffAssignments(
  before: readonly Assignment[],
  after: readonly Assignment[],
): AssignmentChange[] {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const changes: AssignmentChange[] = [];
  const emitted = new Set<string>();
  for (const a of before) {
    const key = keyOf(a);
    if (afterKeys.has(key) || emitted.has(key)) continue;
    emitted.add(key);
    changes.push({ accountId: a.accountId, role: a.role, change: 'removed' });
  }
  for (const a of after) {
    const key = keyOf(a);
    if (beforeKeys.has(key) || emitted.has(key)) continue;
    emitted.add(key);
    changes.push({ accountId: a.accountId, role: a.role, change: 'added' });
  }
  return changes;
}

/** Applies changes to a list: removed pairs go, added pairs join at the end (once). */
export function applyAssignmentChanges(
  before: readonly Assignment[],
  changes: readonly AssignmentChange[],
): Assignment[] {
  const removed = new Set(changes.filter((c) => c.change === 'removed').map(keyOf));
  const result: Assignment[] = [];
  const present = new Set<string>();
  const push = (a: Assignment): void => {
    const key = keyOf(a);
    if (present.has(key)) return;
    present.add(key);
    result.push({ accountId: a.accountId, role: a.role });
  };
  for (const a of before) if (!removed.has(keyOf(a))) push(a);
  for (const c of changes) if (c.change === 'added') push(c);
  return result;
}

function keyOf(a: { accountId: string; role: Role }): string {
  return `${a.accountId}\u0000${a.role}`;
}
