import { rollUp } from './roll-up';
import { appendSnapshot, readHistory, snapshotOf, type Snapshot } from './snapshot';

const snap = (date: string, done = 1, total = 10): Snapshot => ({
  date,
  total,
  done,
  forecast: '2026-12-20',
  baseline: '2026-12-18',
});

describe('appendSnapshot', () => {
  test('adds the day at the end', () => {
    const result = appendSnapshot([snap('2026-11-29'), snap('2026-11-30')], snap('2026-12-01', 3));
    expect(result).toEqual({
      history: [snap('2026-11-29'), snap('2026-11-30'), snap('2026-12-01', 3)],
      changed: true,
    });
  });

  test('is idempotent: the same snapshot twice changes nothing', () => {
    const once = appendSnapshot([snap('2026-11-30')], snap('2026-12-01', 3));
    const twice = appendSnapshot(once.history, snap('2026-12-01', 3));
    expect(twice).toEqual({ history: once.history, changed: false });
  });

  test('keeps one snapshot per day: a later one of the same day replaces it', () => {
    const result = appendSnapshot([snap('2026-11-30'), snap('2026-12-01', 3)], snap('2026-12-01', 5));
    expect(result.history).toEqual([snap('2026-11-30'), snap('2026-12-01', 5)]);
    expect(result.changed).toBe(true);
  });

  test('puts a late day in date order', () => {
    const result = appendSnapshot([snap('2026-11-29'), snap('2026-12-01')], snap('2026-11-30'));
    expect(result.history.map((s) => s.date)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  test('keeps only the newest days up to the cap', () => {
    const history = ['2026-11-27', '2026-11-28', '2026-11-29'].map((d) => snap(d));
    const result = appendSnapshot(history, snap('2026-11-30'), 3);
    expect(result.history.map((s) => s.date)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });

  test('an old day beyond the cap does not push out a newer one', () => {
    const history = ['2026-11-28', '2026-11-29'].map((d) => snap(d));
    const result = appendSnapshot(history, snap('2026-11-01'), 2);
    expect(result).toEqual({ history, changed: false });
  });

  test('cleans up a damaged stored history (and reports the change, so it is written back once)', () => {
    const stored = [
      snap('2026-11-30'),
      { date: 'yesterday' },
      null,
      snap('2026-11-29'),
    ] as unknown as Snapshot[];
    const result = appendSnapshot(stored, snap('2026-12-01'));
    expect(result.history.map((s) => s.date)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(result.changed).toBe(true);
  });

  test.each<[string, Snapshot, string]>([
    [
      'a bad date',
      { ...snap('2026-12-01'), date: '2026-02-30' },
      'The snapshot date "2026-02-30" is not a date written as YYYY-MM-DD.',
    ],
    [
      'a negative count',
      { ...snap('2026-12-01'), done: -1 },
      'The snapshot of 2026-12-01 needs whole counts of 0 or more (total 10, done -1).',
    ],
    [
      'more done than total',
      snap('2026-12-01', 11, 10),
      'The snapshot of 2026-12-01 has more done (11) than in total (10).',
    ],
    [
      'a forecast that is no date',
      { ...snap('2026-12-01'), forecast: 'soon' },
      'The snapshot of 2026-12-01 has a forecast that is not a date: "soon".',
    ],
  ])('refuses %s with a sentence and leaves the history alone', (_name, bad, problem) => {
    const history = [snap('2026-11-30')];
    expect(appendSnapshot(history, bad)).toEqual({ history, changed: false, problem });
  });
});

describe('readHistory', () => {
  test('reads anything that is not a list as an empty history', () => {
    expect(readHistory(undefined)).toEqual([]);
    expect(readHistory({ date: '2026-12-01' })).toEqual([]);
  });

  test('keeps the last of duplicate days, in date order', () => {
    expect(readHistory([snap('2026-12-01', 2), snap('2026-11-30'), snap('2026-12-01', 4)])).toEqual([
      snap('2026-11-30'),
      snap('2026-12-01', 4),
    ]);
  });
});

describe('snapshotOf', () => {
  const input = {
    counts: { new: 4, indeterminate: 4, done: 12 },
    blocked: 0,
    blockedLong: 0,
    overdue: 0,
    throughput: [4, 4, 4, 4],
    baseline: { date: '2026-12-20' },
    timeZone: 'Pacific/Auckland',
  };

  test("records the roll-up's day in the site's time zone, with its forecast and baseline", () => {
    expect(snapshotOf(rollUp(input, new Date('2026-12-01T23:30:00Z')))).toEqual({
      date: '2026-12-02',
      total: 20,
      done: 12,
      forecast: '2026-12-16',
      baseline: '2026-12-20',
    });
  });

  test('takes no snapshot without counts', () => {
    expect(snapshotOf(rollUp({ ...input, counts: null }, new Date('2026-12-01T11:00:00Z')))).toBeUndefined();
  });
});
