/**
 * The demo's roles (`accord-roles`, RACI), as the Roles panel would have saved them: the LAUNCH-1 epic is
 * Priya's (Accountable) with Erik Responsible, Lucia Consulted and Grace Informed; the blocked subtask LAUNCH-3
 * is Erik's (Accountable), with Fatima (finance) Informed. The demo escalation path's level 1 (the Accountable) therefore mentions Erik
 * and level 2 (the epic's Accountable) Priya. LAUNCH-2 and the rest inherit from LAUNCH-1 or have none (MKT).
 */
import { buildRolesProperty, type Assignment } from '../../src/domain/roles';
import { PEOPLE } from './people';

const { priya, erik, lucia, grace, fatima } = PEOPLE;

const roles = (assignments: Assignment[], updatedAt: string) =>
  buildRolesProperty({ framework: 'RACI', assignments, revision: 1, updatedAt, updatedBy: priya.accountId });

/** `accord-roles` per seeded issue key; seeded as issue properties (revision 1). */
export function demoRoles(now: Date): Record<string, Record<string, unknown>> {
  const at = new Date(now.getTime() - 10 * 86_400_000).toISOString();
  return {
    'LAUNCH-1': {
      'accord-roles': roles(
        [
          { accountId: priya.accountId, role: 'accountable' },
          { accountId: erik.accountId, role: 'responsible' },
          { accountId: lucia.accountId, role: 'consulted' },
          { accountId: grace.accountId, role: 'informed' },
        ],
        at,
      ),
    },
    'LAUNCH-3': {
      'accord-roles': roles(
        [
          { accountId: erik.accountId, role: 'accountable' },
          { accountId: fatima.accountId, role: 'informed' },
        ],
        at,
      ),
    },
  };
}
