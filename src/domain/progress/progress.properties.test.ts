import fc from 'fast-check';
import { baselineVsForecast } from './baseline-vs-forecast';
import { burnUp } from './burn-up';
import { addDays } from './calendar-date';
import { forecast } from './forecast';
import { percentDone } from './percent-done';
import type { ProgressInput } from './progress-input';
import type { RagRules } from './rag-rules';
import { rollUp } from './roll-up';
import { appendSnapshot, type Snapshot } from './snapshot';

const NOW = new Date('2026-12-01T11:00:00Z');
const date = fc.integer({ min: -400, max: 400 }).map((n) => addDays('2026-12-01', n));
const count = fc.nat({ max: 500 });
/** Mostly well-formed values, with some that are out of range or of the wrong type. */
const wobbly = fc.oneof(
  { weight: 8, arbitrary: count },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 1.5, Number.NaN, '3', null, undefined) },
) as fc.Arbitrary<number>;

const input: fc.Arbitrary<ProgressInput> = fc.record(
  {
    counts: fc.option(fc.record({ new: wobbly, indeterminate: wobbly, done: wobbly }), { freq: 8 }),
    blocked: wobbly,
    blockedLong: wobbly,
    overdue: wobbly,
    openDueDates: fc.option(fc.record({ latest: fc.option(date), withDueDate: count })),
    throughput: fc.array(wobbly, { maxLength: 8 }),
    baseline: fc.option(
      fc.record({ date, original: fc.option(date), movedOn: fc.option(date) }, { requiredKeys: ['date'] }),
    ),
    escalations: fc.array(fc.record({ level: fc.integer({ min: 0, max: 5 }), open: count }), {
      maxLength: 4,
    }),
    decisions: fc.array(
      fc.record({ title: fc.string({ maxLength: 12 }), requestedOn: date, dueOn: fc.option(date) }),
      { maxLength: 4 },
    ),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles'),
  },
  { requiredKeys: ['counts', 'blocked', 'blockedLong', 'overdue', 'throughput'] },
);

const rules: fc.Arbitrary<Partial<RagRules>> = fc.record(
  {
    redSlipDays: fc.integer({ min: -2, max: 30 }),
    amberSlipDays: fc.integer({ min: 0, max: 10 }),
    redEscalationLevel: fc.integer({ min: 1, max: 4 }),
    amberBlockedItems: fc.integer({ min: 0, max: 4 }),
    amberDecisionShareOfTime: fc.double({ min: 0, max: 1, noNaN: true }),
    amberWhenRebaselined: fc.boolean(),
  },
  { requiredKeys: [] },
);

const WORD = { red: 'Red: ', amber: 'Amber: ', green: 'Green: ', grey: 'Grey: ' } as const;

describe('roll-up (properties)', () => {
  test('never throws; the reason always starts with the RAG word', () => {
    fc.assert(
      fc.property(input, rules, (i, r) => {
        const result = rollUp(i, NOW, r);
        expect(result.reason.startsWith(WORD[result.rag])).toBe(true);
        expect(result.reason.length).toBeGreaterThan(WORD[result.rag].length);
      }),
    );
  });

  test('percent done is a whole number in [0, 100], or null', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = rollUp(i, NOW).percentDone;
        if (p !== null) {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  test('finishing an open item never lowers percent done', () => {
    fc.assert(
      fc.property(count, count, count, fc.boolean(), (todo, doing, done, fromTodo) => {
        fc.pre(fromTodo ? todo > 0 : doing > 0);
        const base = { blocked: 0, blockedLong: 0, overdue: 0, throughput: [1] };
        const before = rollUp(
          { ...base, counts: { new: todo, indeterminate: doing, done } },
          NOW,
        ).percentDone;
        const after = rollUp(
          {
            ...base,
            counts: fromTodo
              ? { new: todo - 1, indeterminate: doing, done: done + 1 }
              : { new: todo, indeterminate: doing - 1, done: done + 1 },
          },
          NOW,
        ).percentDone;
        expect(after).not.toBeNull();
        expect(after!).toBeGreaterThanOrEqual(before!);
      }),
    );
  });

  test('more done (of the same total, or added work already done) never lowers the percent', () => {
    fc.assert(
      fc.property(count, count, count, (total, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        fc.pre(hi <= total && total > 0);
        expect(percentDone(hi, total)!).toBeGreaterThanOrEqual(percentDone(lo, total)!);
        expect(percentDone(lo + 1, total + 1)!).toBeGreaterThanOrEqual(percentDone(lo, total)!);
      }),
    );
  });

  test('only finished work shows 100, only no finished work shows 0', () => {
    fc.assert(
      fc.property(count, count, (done, open) => {
        fc.pre(done + open > 0);
        const p = percentDone(done, done + open);
        expect(p === 100).toBe(open === 0);
        expect(p === 0).toBe(done === 0);
      }),
    );
  });

  test('grey exactly when there is no work or no readable data', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = rollUp(i, NOW);
        const noWork = result.counts !== null && result.counts.total === 0;
        expect(result.rag === 'grey').toBe(noWork || result.counts === null);
      }),
    );
  });

  test('a re-dated project is never green without saying so', () => {
    fc.assert(
      fc.property(input, rules, (i, r) => {
        const result = rollUp(i, NOW, r);
        if (result.baseline && result.baseline.movedLaterDays > 0 && result.rag !== 'grey') {
          expect(result.reason).toContain(`baseline moved ${result.baseline.movedLaterDays} day`);
        }
      }),
    );
  });

  test('a forecast date is never before today, nor before the latest open due date', () => {
    fc.assert(
      fc.property(input, (i) => {
        const f = forecast(i, NOW);
        if (f.date === null) return;
        const today = rollUp(i, NOW).asOf;
        expect(f.date >= today).toBe(true);
        const latest = i.openDueDates?.latest;
        if (latest) expect(f.date >= latest).toBe(true);
      }),
    );
  });
});

const snapshot: fc.Arbitrary<Snapshot> = fc
  .record({ date, total: count, done: count, forecast: fc.option(date), baseline: fc.option(date) })
  .map((s) => ({ ...s, done: Math.min(s.done, s.total) }));
const frame = fc.record({
  width: fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.constant(Number.NaN)),
  height: fc.integer({ min: -10, max: 1000 }),
  margin: fc.record({
    top: fc.integer({ min: -20, max: 300 }),
    right: fc.integer({ min: -20, max: 300 }),
    bottom: fc.integer({ min: -20, max: 300 }),
    left: fc.integer({ min: -20, max: 300 }),
  }),
});

describe('snapshots and charts (properties)', () => {
  test('appending is idempotent, keeps one snapshot per day in order, and respects the cap', () => {
    fc.assert(
      fc.property(
        fc.array(snapshot, { maxLength: 30 }),
        snapshot,
        fc.integer({ min: 1, max: 20 }),
        (h, s, cap) => {
          const once = appendSnapshot(h, s, cap);
          const twice = appendSnapshot(once.history, s, cap);
          expect(twice).toEqual({ history: once.history, changed: false });
          const dates = once.history.map((x) => x.date);
          expect(new Set(dates).size).toBe(dates.length);
          expect([...dates].sort()).toEqual(dates);
          expect(once.history.length).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });

  test('burn-up points and ticks lie within the viewBox', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 20 }), frame, (h, f) => {
        const chart = burnUp(h, f);
        const [, , w, hgt] = chart.viewBox.split(' ').map(Number);
        for (const p of [...chart.done, ...chart.total]) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x).toBeLessThanOrEqual(w!);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeLessThanOrEqual(hgt!);
        }
        for (const t of chart.xTicks) expect(t.x >= 0 && t.x <= w!).toBe(true);
        for (const t of chart.yTicks) expect(t.y >= 0 && t.y <= hgt!).toBe(true);
        for (const p of chart.done)
          expect(p.y).toBeGreaterThanOrEqual(chart.total.find((q) => q.date === p.date)!.y);
      }),
    );
  });

  test('baseline-vs-forecast points lie within the viewBox', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 20 }), frame, (h, f) => {
        const chart = baselineVsForecast(h, f);
        for (const p of [...chart.baseline, ...chart.forecast]) {
          expect(p.x >= 0 && p.x <= chart.width).toBe(true);
          expect(p.y >= 0 && p.y <= chart.height).toBe(true);
        }
      }),
    );
  });
});
