/**
 * The demo's Escalation Path (`path-launch-blocked`, written on the launch brief page), covering the demo's
 * Blocked item LAUNCH-3. Its levels resolve roles when they fire: LAUNCH-3's Accountable (erik, seeded in
 * `roles-seed.ts`) at level 1, the LAUNCH-1 epic's Accountable (priya) and the brief's owner at level 2.
 */
import { parseEscalationPath } from '../../src/domain/escalation';
import { PEOPLE } from './people';

export const DEMO_PATH_ID = 'path-launch-blocked';

/** The path as a PM writes it in the Escalation Path macro. */
export const demoEscalationPath = {
  id: DEMO_PATH_ID,
  name: 'Blocked launch work',
  scope: { projects: ['LAUNCH'] },
  match: 'all',
  conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
  calendar: {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    hours: { start: '09:00', end: '17:00' },
    holidays: { country: 'DE' },
    pausedStatuses: [],
  },
  levels: [
    {
      name: 'Accountable',
      after: 'P1D',
      targets: [{ kind: 'role', role: 'issue-accountable' }],
      actions: ['comment', 'notify'],
    },
    {
      name: 'Epic owner and brief owner',
      after: 'P3D',
      targets: [
        { kind: 'role', role: 'epic-accountable' },
        { kind: 'role', role: 'brief-owner' },
      ],
      actions: ['comment', 'add-watchers', 'raise-priority'],
    },
  ],
};

export async function seedEscalation(now: Date, briefPageId: string): Promise<void> {
  const parsed = parseEscalationPath(demoEscalationPath);
  if (!parsed.ok) throw new Error(`The demo escalation path is invalid: ${JSON.stringify(parsed.problems)}`);
  const paths = (
    require('../../src/forge/compose-escalation-paths') as typeof import('../../src/forge/compose-escalation-paths')
  ).escalationPathStore();
  if (!(await paths.get(DEMO_PATH_ID))) {
    await paths.put(
      DEMO_PATH_ID,
      {
        path: parsed.path,
        enabled: true,
        pageId: briefPageId,
        ownerAccountId: PEOPLE.priya.accountId,
        updatedAt: now.toISOString(),
      },
      0,
    );
  }
}
