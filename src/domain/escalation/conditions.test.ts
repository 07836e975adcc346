import { evaluateConditions } from './conditions';
import type { Condition, EscalationPath } from './escalation-path';
import type { IssueFacts } from './issue-facts';
import { blockedFacts, LAUNCH_PATH, utc } from './__fixtures__/launch-path';

const NOW = utc('2025-01-15T11:00'); // Wednesday 12:00 in Berlin
const withConditions = (conditions: Condition[], match: 'all' | 'any' = 'all'): EscalationPath => ({
  ...LAUNCH_PATH,
  conditions,
  match,
});
const evaluate = (conditions: Condition[], facts: Partial<IssueFacts>, match: 'all' | 'any' = 'all') =>
  evaluateConditions(
    withConditions(conditions, match),
    blockedFacts({ statusSince: utc('2025-01-13T08:00'), ...facts }),
    NOW,
  );

describe('each condition on its own', () => {
  test.each<[string, Condition, Partial<IssueFacts>, boolean, RegExp]>([
    ['status in set', { kind: 'status-in', statuses: ['Blocked', 'On hold'] }, {}, true, /Status is Blocked/],
    ['status names ignore case', { kind: 'status-in', statuses: ['blocked'] }, {}, true, /Status is Blocked/],
    ['status not in set', { kind: 'status-in', statuses: ['On hold'] }, {}, false, /Blocked is not On hold/],
    ['flagged', { kind: 'flagged' }, { flagged: true }, true, /is flagged/],
    ['not flagged', { kind: 'flagged' }, {}, false, /not flagged/],
    [
      'priority above',
      { kind: 'priority-at-least', priority: 'High' },
      { priority: { name: 'Highest' } },
      true,
      /High or higher/,
    ],
    [
      'priority equal',
      { kind: 'priority-at-least', priority: 'High' },
      { priority: { name: 'High' } },
      true,
      /High or higher/,
    ],
    [
      'priority below',
      { kind: 'priority-at-least', priority: 'High' },
      { priority: { name: 'Medium' } },
      false,
      /below High/,
    ],
    [
      'custom priority by order',
      { kind: 'priority-at-least', priority: 'High' },
      { priority: { name: 'P0', order: 0 } },
      true,
      /P0 is High/,
    ],
    [
      'unknown threshold',
      { kind: 'priority-at-least', priority: 'Urgent' },
      { priority: { name: 'High' } },
      false,
      /not one of this site's priorities/,
    ],
    ['no priority', { kind: 'priority-at-least', priority: 'High' }, {}, false, /no priority/],
    ['due yesterday', { kind: 'due-date-passed' }, { dueDate: '2025-01-14' }, true, /2025-01-14 has passed/],
    [
      'due today is not passed',
      { kind: 'due-date-passed' },
      { dueDate: '2025-01-15' },
      false,
      /not passed yet/,
    ],
    ['no due date', { kind: 'due-date-passed' }, {}, false, /no due date/],
    [
      'malformed due date',
      { kind: 'due-date-passed' },
      { dueDate: '15/01/2025' },
      false,
      /"15\/01\/2025" is not a date/,
    ],
    [
      'in status 2 days 3 hours (Mon 09:00 → Wed 12:00)',
      { kind: 'time-in-status', atLeast: 'P2D' },
      {},
      true,
      /2 business days and 3 hours/,
    ],
    [
      'in status too short',
      { kind: 'time-in-status', atLeast: 'P3D' },
      {},
      false,
      /less than 3 business days/,
    ],
    [
      'decision past due, unapproved',
      { kind: 'decision-overdue' },
      { linkedDecisions: [{ key: 'DEC-1', dueDate: '2025-01-10', approved: false }] },
      true,
      /DEC-1 is past due/,
    ],
    [
      'decision past due but approved',
      { kind: 'decision-overdue' },
      { linkedDecisions: [{ key: 'DEC-1', dueDate: '2025-01-10', approved: true }] },
      false,
      /No linked decision/,
    ],
    [
      'decision not yet due',
      { kind: 'decision-overdue' },
      { linkedDecisions: [{ key: 'DEC-1', dueDate: '2025-01-20', approved: false }] },
      false,
      /No linked decision/,
    ],
    [
      'no Accountable',
      { kind: 'no-accountable' },
      { accountablePresent: false },
      true,
      /Nobody is Accountable/,
    ],
    ['has an Accountable', { kind: 'no-accountable' }, {}, false, /Someone is Accountable/],
  ])('%s', (_name, condition, facts, meets, reason) => {
    const result = evaluate([condition], facts);
    expect(result.meets).toBe(meets);
    expect(result.reasons.join(' ')).toMatch(reason);
  });
});

describe('since: when the issue started meeting the path', () => {
  test('status: when it entered the status', () => {
    expect(evaluate([{ kind: 'status-in', statuses: ['Blocked'] }], {}).since).toEqual(
      utc('2025-01-13T08:00'),
    );
  });
  test('time in status: when the business delay ran out (Mon 09:00 + 16h → Tue 17:00)', () => {
    expect(evaluate([{ kind: 'time-in-status', atLeast: 'P2D' }], {}).since).toEqual(utc('2025-01-14T16:00'));
  });
  test('due date: the end of the due day in the path’s time zone', () => {
    expect(evaluate([{ kind: 'due-date-passed' }], { dueDate: '2025-01-14' }).since).toEqual(
      utc('2025-01-14T23:00'),
    );
  });
  test('all: the latest start; unknown if any start is unknown', () => {
    const both = evaluate([{ kind: 'status-in', statuses: ['Blocked'] }, { kind: 'due-date-passed' }], {
      dueDate: '2025-01-10',
    });
    expect(both.since).toEqual(utc('2025-01-13T08:00'));
    const withFlag = evaluate([{ kind: 'status-in', statuses: ['Blocked'] }, { kind: 'flagged' }], {
      flagged: true,
    });
    expect(withFlag.meets).toBe(true);
    expect(withFlag.since).toBeUndefined();
  });
  test('any: the earliest known start among the conditions that hold', () => {
    const result = evaluate(
      [{ kind: 'status-in', statuses: ['Blocked'] }, { kind: 'due-date-passed' }],
      { dueDate: '2025-01-10' },
      'any',
    );
    expect(result.since).toEqual(utc('2025-01-10T23:00'));
  });
});

describe('combining and refusing', () => {
  test('all needs every condition, and says which failed', () => {
    const result = evaluate([{ kind: 'status-in', statuses: ['Blocked'] }, { kind: 'flagged' }], {});
    expect(result).toMatchObject({ meets: false, reasons: ['The issue is not flagged.'] });
  });
  test('any needs one', () => {
    expect(
      evaluate([{ kind: 'flagged' }, { kind: 'no-accountable' }], { accountablePresent: false }, 'any').meets,
    ).toBe(true);
  });
  test.each<[string, Partial<IssueFacts>, RegExp]>([
    ['resolved', { resolved: true }, /LAUNCH-7 is resolved/],
    ['a Done status counts as resolved', { status: { name: 'Done', category: 'done' } }, /is resolved/],
    ['another project', { projectKey: 'MKT' }, /outside the path's projects \(LAUNCH\)/],
    ['a broken status time', { statusSince: new Date('garbage') }, /not a valid date/],
  ])('%s never meets the path', (_name, facts, reason) => {
    const result = evaluate([{ kind: 'status-in', statuses: ['Blocked'] }], facts);
    expect(result.meets).toBe(false);
    expect(result.reasons.join(' ')).toMatch(reason);
  });
  test('a current paused status stops time in status', () => {
    const result = evaluate([{ kind: 'time-in-status', atLeast: 'PT1H' }], {
      status: { name: 'Waiting for vendor', category: 'indeterminate' },
    });
    expect(result.meets).toBe(false);
    expect(result.reasons[0]).toMatch(
      /In Waiting for vendor for 0 business hours so far, less than 1 business hour/,
    );
  });
});
