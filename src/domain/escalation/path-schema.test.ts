import { parseEscalationPath } from './path-schema';
import { LAUNCH_PATH } from './__fixtures__/launch-path';

const doc = (): Record<string, unknown> => JSON.parse(JSON.stringify(LAUNCH_PATH));
const messages = (input: unknown): string[] => {
  const result = parseEscalationPath(input);
  return result.ok ? [] : result.problems.map((p) => `${p.field} | ${p.message}`);
};

test('the demo path is valid and reads back as written', () => {
  expect(parseEscalationPath(doc())).toEqual({ ok: true, path: LAUNCH_PATH });
});

test('normalises what a person types: project keys upper-cased, duplicate days and actions removed, match defaults to all', () => {
  const input = doc();
  const { match: _match, ...rest } = input;
  const result = parseEscalationPath({
    ...rest,
    scope: { projects: ['launch', 'LAUNCH'] },
    calendar: { ...LAUNCH_PATH.calendar, workingDays: [5, 1, 2, 3, 4, 1], holidays: { country: 'de' } },
  });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.path.scope.projects).toEqual(['LAUNCH']);
  expect(result.path.calendar.workingDays).toEqual([1, 2, 3, 4, 5]);
  expect(result.path.calendar.holidays).toEqual({ country: 'DE' });
  expect(result.path.match).toBe('all');
});

test.each<[string, (d: Record<string, any>) => unknown, RegExp]>([
  ['not an object', () => null, /An escalation path is an object/],
  ['no levels', (d) => ({ ...d, levels: [] }), /^levels \| Add at least one level/],
  ['no conditions', (d) => ({ ...d, conditions: [] }), /^conditions \| Add at least one condition/],
  [
    'levels not increasing',
    (d) => ({ ...d, levels: [d.levels[1], d.levels[0]] }),
    /^levels\.1\.after \| Level 2 must come later than level 1: 2 business days is not longer than 4 business days/,
  ],
  [
    'equal delays (PT16H = P2D)',
    (d) => ({ ...d, levels: [d.levels[0], { ...d.levels[1], after: 'PT16H' }] }),
    /Level 2 must come later/,
  ],
  [
    'unknown time zone',
    (d) => ({ ...d, calendar: { ...d.calendar, timeZone: 'Berlin' } }),
    /^calendar\.timeZone \| Calendar: "Berlin" is not a known time zone/,
  ],
  [
    'unknown country',
    (d) => ({ ...d, calendar: { ...d.calendar, holidays: { country: 'XX' } } }),
    /"XX" is not a country code with a holiday calendar/,
  ],
  [
    'unknown region',
    (d) => ({ ...d, calendar: { ...d.calendar, holidays: { country: 'DE', region: 'ZZ' } } }),
    /"ZZ" is not a region of Germany; use one of BB, BE/,
  ],
  [
    'working day out of range',
    (d) => ({ ...d, calendar: { ...d.calendar, workingDays: [0, 1] } }),
    /Working days are numbers from 1 \(Monday\) to 7/,
  ],
  [
    'no working days',
    (d) => ({ ...d, calendar: { ...d.calendar, workingDays: [] } }),
    /Choose at least one working day/,
  ],
  [
    'hours not HH:mm',
    (d) => ({ ...d, calendar: { ...d.calendar, hours: { start: '9am', end: '17:00' } } }),
    /start of the working day as HH:mm/,
  ],
  [
    'day ends before it starts',
    (d) => ({ ...d, calendar: { ...d.calendar, hours: { start: '17:00', end: '09:00' } } }),
    /must end after it starts/,
  ],
  [
    'unknown condition',
    (d) => ({ ...d, conditions: [{ kind: 'moon-phase' }] }),
    /Condition 1: Choose a condition/,
  ],
  [
    'repeated condition',
    (d) => ({ ...d, conditions: [d.conditions[0], d.conditions[0]] }),
    /Condition 2 repeats condition 1/,
  ],
  [
    'empty status list',
    (d) => ({ ...d, conditions: [{ kind: 'status-in', statuses: [] }] }),
    /Name at least one status/,
  ],
  [
    'bad delay',
    (d) => ({ ...d, levels: [{ ...d.levels[0], after: 'soon' }] }),
    /Level 1: "soon" is not a delay/,
  ],
  [
    'no targets',
    (d) => ({ ...d, levels: [{ ...d.levels[0], targets: [] }] }),
    /Level 1: Choose at least one person, group or role/,
  ],
  [
    'bad account id',
    (d) => ({ ...d, levels: [{ ...d.levels[0], targets: [{ kind: 'person', accountId: 'a b' }] }] }),
    /not an Atlassian account id/,
  ],
  [
    'unknown role',
    (d) => ({ ...d, levels: [{ ...d.levels[0], targets: [{ kind: 'role', role: 'ceo' }] }] }),
    /Choose a role/,
  ],
  [
    'unknown action',
    (d) => ({ ...d, levels: [{ ...d.levels[0], actions: ['email'] }] }),
    /Choose actions from comment/,
  ],
  [
    'add-label without a label',
    (d) => ({ ...d, levels: [d.levels[0], { ...d.levels[1], label: undefined }] }),
    /Level 2: enter the label/,
  ],
  [
    'label with a space',
    (d) => ({ ...d, levels: [d.levels[0], { ...d.levels[1], label: 'very late' }] }),
    /a Jira label has no spaces/,
  ],
  ['no scope', (d) => ({ ...d, scope: { projects: [] } }), /name a project or write a JQL filter/],
  [
    'bad project key',
    (d) => ({ ...d, scope: { projects: ['launch team'] } }),
    /A project key is capital letters/,
  ],
  [
    'ORDER BY in the filter',
    (d) => ({ ...d, scope: { projects: [], jql: 'labels = x ORDER BY created' } }),
    /Remove ORDER BY/,
  ],
  [
    'too many levels',
    (d) => ({
      ...d,
      levels: Array.from({ length: 11 }, (_, i) => ({ ...d.levels[0], after: `P${i + 1}D` })),
    }),
    /at most 10 levels/,
  ],
])('%s → a sentence', (_name, edit, message) => {
  const found = messages(edit(doc()));
  expect(found.length).toBeGreaterThan(0);
  expect(found.join('\n')).toMatch(message);
});
