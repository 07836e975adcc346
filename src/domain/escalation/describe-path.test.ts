import { describePath } from './describe-path';
import type { EscalationPath } from './escalation-path';
import { LAUNCH_PATH } from './__fixtures__/launch-path';

test('the demo path reads as a document', () => {
  const description = describePath(LAUNCH_PATH);
  expect(description.title).toBe('Launch blockers');
  expect(description.text.split('\n')).toEqual([
    "When an issue in LAUNCH is Blocked (Berlin calendar, Mon–Fri 09:00–17:00, public holidays in Germany, clock paused while 'Waiting for vendor'):",
    "Level 1 (Team lead) after 2 business days → the issue's Accountable · comment + notify",
    "Level 2 (Director) after 4 business days → the epic's Accountable and the group launch-directors · comment + add as watchers + add label 'escalated'",
  ]);
  expect(description.lines[1]).toMatchObject({
    kind: 'level',
    level: 1,
    after: 'after 2 business days',
    actions: ['comment', 'notify'],
  });
});

test('status and time in status read as one phrase; people show by name when known', () => {
  const path: EscalationPath = {
    ...LAUNCH_PATH,
    scope: { projects: ['LAUNCH', 'MKT'], jql: 'labels = launch' },
    conditions: [
      { kind: 'status-in', statuses: ['Blocked', 'On hold'] },
      { kind: 'time-in-status', atLeast: 'P2D' },
      { kind: 'no-accountable' },
    ],
    calendar: {
      ...LAUNCH_PATH.calendar,
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4],
      holidays: { country: 'US', region: 'NY' },
      pausedStatuses: [],
    },
    levels: [
      {
        name: 'VP',
        after: 'PT0M',
        targets: [{ kind: 'person', accountId: '712020:vp' }],
        actions: ['notify'],
      },
    ],
  };
  const [when, level] = describePath(path, { '712020:vp': 'Vera Park' }).lines;
  expect(when?.text).toBe(
    'When an issue in LAUNCH or MKT matching `labels = launch` has been Blocked or On hold for 2 business days and has no Accountable (New York calendar, Mon–Thu 09:00–17:00, public holidays in United States of America (New York)):',
  );
  expect(level?.text).toBe('Level 1 (VP) at once → Vera Park · notify');
});

test('any-match paths join conditions with or; a calendar without holidays says so', () => {
  const path: EscalationPath = {
    ...LAUNCH_PATH,
    match: 'any',
    conditions: [
      { kind: 'flagged' },
      { kind: 'due-date-passed' },
      { kind: 'decision-overdue' },
      { kind: 'priority-at-least', priority: 'High' },
    ],
    calendar: {
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      hours: { start: '00:00', end: '24:00' },
      pausedStatuses: [],
    },
  };
  expect(describePath(path).lines[0]?.text).toBe(
    'When an issue in LAUNCH is flagged or is past its due date or has a linked decision past its due date without approval or has priority High or higher (UTC calendar, every day 00:00–24:00, no public holidays):',
  );
});
