/** Test fixtures: the demo's "Launch blockers" path on a Berlin calendar, and issue facts to vary. */
import type { BusinessCalendar } from '../business-calendar';
import type { EscalationPath } from '../escalation-path';
import type { IssueFacts } from '../issue-facts';

export const BERLIN: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  holidays: { country: 'DE' },
  pausedStatuses: ['Waiting for vendor'],
};

export const LAUNCH_PATH: EscalationPath = {
  id: 'launch-blockers',
  name: 'Launch blockers',
  scope: { projects: ['LAUNCH'] },
  match: 'all',
  conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
  calendar: BERLIN,
  levels: [
    {
      name: 'Team lead',
      after: 'P2D',
      targets: [{ kind: 'role', role: 'issue-accountable' }],
      actions: ['comment', 'notify'],
    },
    {
      name: 'Director',
      after: { days: 4 },
      targets: [
        { kind: 'role', role: 'epic-accountable' },
        { kind: 'group', name: 'launch-directors' },
      ],
      actions: ['comment', 'add-watchers', 'add-label'],
      label: 'escalated',
    },
  ],
};

/** Instant from a UTC ISO string (tests name UTC explicitly so they never depend on the machine's zone). */
export const utc = (iso: string): Date => new Date(iso.endsWith('Z') ? iso : `${iso}Z`);

export function blockedFacts(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    issueKey: 'LAUNCH-7',
    projectKey: 'LAUNCH',
    status: { name: 'Blocked', category: 'indeterminate' },
    statusSince: utc('2024-12-19T09:00'), // Thursday 10:00 in Berlin
    flagged: false,
    accountablePresent: true,
    linkedDecisions: [],
    resolved: false,
    ...overrides,
  };
}

export const HOUR = 3_600_000;
