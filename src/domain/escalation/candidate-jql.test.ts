import { jqlString, toCandidateJql } from './candidate-jql';
import type { Condition, EscalationPath } from './escalation-path';
import { LAUNCH_PATH, utc } from './__fixtures__/launch-path';

const NOW = utc('2025-01-15T11:00');
const pathWith = (conditions: Condition[], extra: Partial<EscalationPath> = {}): EscalationPath => ({
  ...LAUNCH_PATH,
  conditions,
  ...extra,
});
const BASE = 'project in ("LAUNCH") AND resolution is EMPTY AND statusCategory != Done';

test.each<[string, EscalationPath, string]>([
  [
    // Level 1 after 16 business hours ⇒ entered Blocked at least 16 calendar hours ago: 14 Jan 19:00Z, +14h, next whole day.
    'the demo path: Blocked, bounded by level 1',
    LAUNCH_PATH,
    `${BASE} AND status in ("Blocked") AND statusCategoryChangedDate <= "2025-01-16"`,
  ],
  [
    'time in status adds to the bound (16h + 24h = 40h before now)',
    pathWith([
      { kind: 'status-in', statuses: ['Blocked'] },
      { kind: 'time-in-status', atLeast: 'P3D' },
    ]),
    `${BASE} AND status in ("Blocked") AND statusCategoryChangedDate <= "2025-01-15"`,
  ],
  [
    'several statuses: a move between them keeps the episode, so no bound',
    pathWith([{ kind: 'status-in', statuses: ['Blocked', 'On "hold"'] }]),
    `${BASE} AND status in ("Blocked", "On \\"hold\\"")`,
  ],
  [
    'flagged, priority, no Accountable, due date',
    pathWith([
      { kind: 'flagged' },
      { kind: 'priority-at-least', priority: 'High' },
      { kind: 'no-accountable' },
      { kind: 'due-date-passed' },
    ]),
    `${BASE} AND flagged is not EMPTY AND priority >= "High" AND accordAccountable is EMPTY AND duedate < "2025-01-15"`,
  ],
  [
    'a decision condition cannot be said in JQL and adds nothing',
    pathWith([{ kind: 'decision-overdue' }]),
    BASE,
  ],
  [
    'any: the conditions become one OR group',
    pathWith([{ kind: 'flagged' }, { kind: 'status-in', statuses: ['Blocked'] }], { match: 'any' }),
    `${BASE} AND (flagged is not EMPTY OR status in ("Blocked"))`,
  ],
  [
    'any: one condition JQL cannot express drops the group',
    pathWith([{ kind: 'flagged' }, { kind: 'decision-overdue' }], { match: 'any' }),
    BASE,
  ],
  [
    'a JQL scope is kept in parentheses',
    pathWith([{ kind: 'flagged' }], { scope: { projects: [], jql: 'labels = launch OR labels = gtm' } }),
    '(labels = launch OR labels = gtm) AND resolution is EMPTY AND statusCategory != Done AND flagged is not EMPTY',
  ],
])('%s', (_name, path, jql) => {
  expect(toCandidateJql(path, NOW)).toBe(jql);
});

test('the due date is read in the path’s time zone (00:30 in Berlin is still the previous day in UTC)', () => {
  const path = pathWith([{ kind: 'due-date-passed' }]);
  expect(toCandidateJql(path, utc('2025-01-14T23:30'))).toContain('duedate < "2025-01-15"');
});

test('jqlString escapes quotes and backslashes', () => {
  expect(jqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
});

test('an invalid now is refused with a sentence', () => {
  expect(() => toCandidateJql(LAUNCH_PATH, new Date('x'))).toThrow(/current time as a valid date/);
});
