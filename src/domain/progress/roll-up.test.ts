import type { ProgressInput } from './progress-input';
import type { RagRules } from './rag-rules';
import { rollUp } from './roll-up';

const now = new Date('2026-12-01T11:00:00Z');

/** 20 items, 12 done, 4 a week → the 8 open ones take two weeks: forecast 15 Dec, five days before the baseline. */
const base: ProgressInput = {
  counts: { new: 4, indeterminate: 4, done: 12 },
  blocked: 0,
  blockedLong: 0,
  overdue: 0,
  openDueDates: { latest: '2026-12-10', withDueDate: 5 },
  throughput: [4, 4, 4, 4],
  baseline: { date: '2026-12-20' },
  escalations: [],
  decisions: [],
};

const decision = (requestedOn: string, dueOn: string | null) => ({
  title: 'Pricing tiers',
  requestedOn,
  dueOn,
});

type Row = [string, Partial<ProgressInput>, Partial<RagRules>, string, string];

describe('RAG rules (defaults unless a rule is named)', () => {
  test.each<Row>([
    ['on track', {}, {}, 'green', 'Green: 60% done; forecast 5 days before baseline'],
    [
      'forecast on the baseline',
      { baseline: { date: '2026-12-15' } },
      {},
      'green',
      'Green: 60% done; forecast on baseline 15 Dec',
    ],
    [
      'forecast 1 day late',
      { baseline: { date: '2026-12-14' } },
      {},
      'amber',
      'Amber: forecast 1 day after baseline',
    ],
    [
      'forecast 7 days late',
      { baseline: { date: '2026-12-08' } },
      {},
      'amber',
      'Amber: forecast 7 days after baseline',
    ],
    [
      'forecast 8 days late',
      { baseline: { date: '2026-12-07' } },
      {},
      'red',
      'Red: forecast 8 days after baseline',
    ],
    [
      'slip allowed by the rules is still said',
      { baseline: { date: '2026-12-12' } },
      { amberSlipDays: 3 },
      'green',
      'Green: 60% done; forecast 3 days after baseline',
    ],
    [
      '3 items blocked for long',
      { blocked: 3, blockedLong: 3 },
      {},
      'amber',
      'Amber: 3 items blocked > 2 business days',
    ],
    [
      'blocked, but not for long',
      { blocked: 3, blockedLong: 0 },
      {},
      'green',
      'Green: 60% done; forecast 5 days before baseline',
    ],
    [
      'the example of the brief',
      { blocked: 3, blockedLong: 3, baseline: { date: '2026-12-06' } },
      { redSlipDays: 10 },
      'amber',
      'Amber: 3 items blocked > 2 business days; forecast 9 days after baseline',
    ],
    [
      'escalation at level 2',
      { escalations: [{ level: 2, open: 1 }] },
      {},
      'red',
      'Red: 1 escalation open at level 2',
    ],
    [
      'escalation at level 1',
      { escalations: [{ level: 1, open: 2 }] },
      {},
      'amber',
      'Amber: 2 escalations open at level 1',
    ],
    [
      'escalations at levels 2 and 3',
      {
        escalations: [
          { level: 3, open: 2 },
          { level: 2, open: 1 },
          { level: 1, open: 0 },
        ],
      },
      {},
      'red',
      'Red: 3 escalations open at levels 2 to 3',
    ],
    [
      'escalation at level 2 with the red line at 3',
      { escalations: [{ level: 2, open: 1 }] },
      { redEscalationLevel: 3 },
      'amber',
      'Amber: 1 escalation open at level 2',
    ],
    [
      'a decision past its due date',
      { decisions: [decision('2026-11-20', '2026-11-29')] },
      {},
      'red',
      'Red: decision "Pricing tiers" overdue by 2 days',
    ],
    [
      'a decision past its due date, rule off',
      { decisions: [decision('2026-11-20', '2026-11-29')] },
      { redWhenDecisionOverdue: false },
      'amber',
      'Amber: decision "Pricing tiers" overdue by 2 days',
    ],
    [
      'a decision past half its time',
      { decisions: [decision('2026-11-21', '2026-12-05')] },
      {},
      'amber',
      'Amber: decision "Pricing tiers" waiting past half its time (due 5 Dec)',
    ],
    [
      'a decision within half its time',
      { decisions: [decision('2026-11-28', '2026-12-12')] },
      {},
      'green',
      'Green: 60% done; forecast 5 days before baseline',
    ],
    [
      'a decision without a deadline',
      { decisions: [decision('2026-10-01', null)] },
      {},
      'green',
      'Green: 60% done; forecast 5 days before baseline',
    ],
    [
      'two decisions overdue',
      { decisions: [decision('2026-11-20', '2026-11-29'), decision('2026-11-01', '2026-11-10')] },
      {},
      'red',
      'Red: 2 decisions overdue',
    ],
    ['1 of 8 open items overdue', { overdue: 1 }, {}, 'amber', 'Amber: 1 item past its due date'],
    [
      'overdue items, rule off',
      { overdue: 1 },
      { amberOverdueShare: 0 },
      'green',
      'Green: 60% done; forecast 5 days before baseline',
    ],
    [
      're-dated later',
      { baseline: { date: '2026-12-20', original: '2026-12-08', movedOn: '2026-11-03' } },
      {},
      'amber',
      'Amber: baseline moved 12 days later on 3 Nov',
    ],
    [
      're-dated later, rule off: still said',
      { baseline: { date: '2026-12-20', original: '2026-12-08', movedOn: '2026-11-03' } },
      { amberWhenRebaselined: false },
      'green',
      'Green: 60% done; forecast 5 days before baseline; baseline moved 12 days later on 3 Nov',
    ],
    [
      're-dated earlier',
      { baseline: { date: '2026-12-20', original: '2026-12-24', movedOn: '2026-11-03' } },
      {},
      'green',
      'Green: 60% done; forecast 5 days before baseline',
    ],
    ['no baseline', { baseline: null }, {}, 'green', 'Green: 60% done; forecast 15 Dec; no baseline set'],
    [
      'no throughput, no due dates, baseline ahead',
      { throughput: [0, 0, 0, 0], openDueDates: null },
      {},
      'amber',
      'Amber: no forecast, as nothing was finished lately',
    ],
    [
      'no throughput, baseline passed',
      { throughput: [0, 0, 0, 0], openDueDates: null, baseline: { date: '2026-11-20' } },
      {},
      'red',
      'Red: baseline passed 11 days ago with 8 items open',
    ],
    [
      'red and amber together: red first',
      { blocked: 3, blockedLong: 3, escalations: [{ level: 2, open: 1 }] },
      {},
      'red',
      'Red: 1 escalation open at level 2; 3 items blocked > 2 business days',
    ],
    [
      'all done',
      { counts: { new: 0, indeterminate: 0, done: 20 }, baseline: { date: '2026-11-01' } },
      {},
      'green',
      'Green: all 20 items done',
    ],
    [
      'no work',
      { counts: { new: 0, indeterminate: 0, done: 0 } },
      {},
      'grey',
      'Grey: no work in scope yet; the JQL finds no issues.',
    ],
    ['no data', { counts: null }, {}, 'grey', 'Grey: no data; the counts could not be read from Jira.'],
    [
      'malformed input',
      { blocked: -1 },
      {},
      'grey',
      'Grey: the progress data could not be read. The blocked count is -1; expected a whole number of 0 or more.',
    ],
    [
      'malformed rules',
      {},
      { redSlipDays: -3 },
      'grey',
      'Grey: the progress data could not be read. Days of slip for red must be a whole number from 0 to 3650; it is -3.',
    ],
  ])('%s', (_name, change, rules, rag, reason) => {
    const result = rollUp({ ...base, ...change }, now, rules);
    expect(result.rag).toBe(rag);
    expect(result.reason).toBe(reason);
  });
});

describe('rollUp', () => {
  test('gives the figures, the forecast and the slip', () => {
    const result = rollUp({ ...base, blocked: 2, blockedLong: 1, overdue: 1 }, now);
    expect(result).toMatchObject({
      percentDone: 60,
      counts: { total: 20, new: 4, indeterminate: 4, done: 12, open: 8 },
      blocked: { count: 2, longCount: 1, businessDays: 2 },
      overdue: 1,
      baseline: { date: '2026-12-20', original: null, movedLaterDays: 0, movedOn: null },
      forecast: {
        date: '2026-12-15',
        basis: 'throughput',
        confidence: 'normal',
        remaining: 8,
        weeklyThroughput: 4,
      },
      slipDays: -5,
      asOf: '2026-12-01',
      problems: [],
    });
  });

  test('every figure carries the JQL that produced it', () => {
    const result = rollUp(
      { ...base, sources: { done: 'project = A AND statusCategory = Done', total: 'project = A' } },
      now,
    );
    expect(result.figures.find((f) => f.key === 'done')).toEqual({
      key: 'done',
      label: 'Done',
      value: 12,
      jql: 'project = A AND statusCategory = Done',
    });
    expect(result.figures.find((f) => f.key === 'total')).toMatchObject({ value: 20, jql: 'project = A' });
    expect(result.figures.find((f) => f.key === 'blocked')).toMatchObject({ value: 0, jql: null });
  });

  test('clamps counts that disagree while Jira catches up', () => {
    const result = rollUp({ ...base, blocked: 30, blockedLong: 40, overdue: 50 }, now);
    expect(result.blocked).toEqual({ count: 8, longCount: 8, businessDays: 2 });
    expect(result.overdue).toBe(8);
  });

  test('merges and sorts escalations and ranks decisions by urgency', () => {
    const result = rollUp(
      {
        ...base,
        escalations: [
          { level: 2, open: 1 },
          { level: 1, open: 1 },
          { level: 2, open: 2 },
        ],
        decisions: [
          { title: 'Later', requestedOn: '2026-11-30', dueOn: '2026-12-30' },
          { title: 'Late', requestedOn: '2026-11-01', dueOn: '2026-11-30' },
          { title: 'Soon', requestedOn: '2026-11-20', dueOn: '2026-12-02' },
        ],
      },
      now,
    );
    expect(result.escalationsByLevel).toEqual([
      { level: 1, open: 1 },
      { level: 2, open: 3 },
    ]);
    expect(result.decisionsAwaiting.items.map((d) => [d.title, d.state, d.days])).toEqual([
      ['Late', 'overdue', 1],
      ['Soon', 'past-share', 1],
      ['Later', 'in-time', 29],
    ]);
    expect(result.decisionsAwaiting).toMatchObject({ count: 3, overdue: 1, pastShare: 1 });
  });

  test('an invalid time gives a grey roll-up, not a crash', () => {
    const result = rollUp(base, new Date(Number.NaN));
    expect(result.rag).toBe('grey');
    expect(result.reason).toBe(
      'Grey: the progress data could not be read. The current time is not a valid date.',
    );
  });

  test("speaks of today in the site's time zone", () => {
    const late = new Date('2026-12-01T23:30:00Z');
    expect(rollUp({ ...base, timeZone: 'Pacific/Auckland' }, late).asOf).toBe('2026-12-02');
    expect(rollUp({ ...base, timeZone: 'Mars/Olympus' }, late).reason).toBe(
      'Grey: the progress data could not be read. The time zone "Mars/Olympus" is not known; use a name such as Europe/Berlin.',
    );
  });
});
