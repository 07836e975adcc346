import fc from 'fast-check';
import {
  APPROVER,
  CHANNEL_DECISION,
  DRIVER,
  ENGINEER,
  LEGAL,
  STRANGER,
} from './__fixtures__/channel-decision';
import type { Decision } from './decision';
import { isOverdue, openDecisionsByDue } from './decision-log-view';
import { parseDecision } from './decision-schema';
import {
  approve,
  defer,
  recordInput,
  reject,
  reopen,
  revoke,
  type DecisionResult,
} from './decision-transitions';

const START: Decision = { ...CHANNEL_DECISION, log: [] };
const person = fc.constantFrom(DRIVER, APPROVER, APPROVER, LEGAL, ENGINEER, STRANGER, 'not an id');
const words = fc.oneof(
  fc.constantFrom('', ' ', 'Because.', 'Budget.'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const time = fc.oneof(
  {
    arbitrary: fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((ms) => new Date(ms).toISOString()),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('later', '2025-04-02'), weight: 1 },
);
const optionId = fc.constantFrom('in-app', 'sms', 'sms', 'fax');

type Step = (d: Decision) => DecisionResult;
const step: fc.Arbitrary<{ name: string; run: Step }> = fc.oneof(
  fc
    .tuple(person, words, time)
    .map(([by, t, at]) => ({ name: 'input', run: (d: Decision) => recordInput(d, by, t, at) })),
  fc
    .tuple(person, optionId, words, time)
    .map(([by, o, c, at]) => ({ name: 'approve', run: (d: Decision) => approve(d, by, o, c, at) })),
  fc
    .tuple(person, fc.option(optionId), words, time)
    .map(([by, o, c, at]) => ({ name: 'reject', run: (d: Decision) => reject(d, by, o, c, at) })),
  fc
    .tuple(person, words, time)
    .map(([by, r, at]) => ({ name: 'defer', run: (d: Decision) => defer(d, by, r, at) })),
  fc
    .tuple(person, words, time)
    .map(([by, r, at]) => ({ name: 'revoke', run: (d: Decision) => revoke(d, by, r, at) })),
  fc
    .tuple(person, words, time)
    .map(([by, r, at]) => ({ name: 'reopen', run: (d: Decision) => reopen(d, by, r, at) })),
);

describe('decision transitions (properties)', () => {
  test('the log only grows: a success appends exactly one entry and keeps every earlier one; a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let d = START;
        for (const s of steps) {
          const result = s.run(d);
          if (result.ok) {
            expect(result.decision.log).toHaveLength(d.log.length + 1);
            expect(result.decision.log.slice(0, d.log.length)).toEqual(d.log);
            d = result.decision;
          } else {
            expect(result.message.length).toBeGreaterThan(10);
            expect(['INVALID_INPUT', 'FORBIDDEN', 'RULE_VIOLATION']).toContain(result.code);
          }
        }
      }),
    );
  });

  test('from decided, only reopen succeeds (and only by the Approver)', () => {
    let reachedDecided = 0;
    let triedFromDecided = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let d = START;
        for (const s of steps) {
          const result = s.run(d);
          if (d.status === 'decided') triedFromDecided += 1;
          if (result.ok) {
            if (d.status === 'decided') {
              reachedDecided += 1;
              expect(s.name).toBe('reopen');
              expect(result.decision.log.at(-1)?.by).toBe(APPROVER);
              expect(result.decision.status).toBe('open');
            }
            d = result.decision;
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generators must actually reach a decided decision and leave it, or the property says nothing.
    expect(reachedDecided).toBeGreaterThan(0);
    expect(triedFromDecided).toBeGreaterThan(reachedDecided);
  });

  test('every state reached is a valid stored decision, with an outcome exactly when decided, and the log in time order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let d = START;
        for (const s of steps) {
          const result = s.run(d);
          if (result.ok) d = result.decision;
        }
        expect(parseDecision(d)).toEqual({ ok: true, value: d });
        expect(d.outcome !== null).toBe(d.status === 'decided');
        const times = d.log.map((e) => e.at);
        expect([...times].sort()).toEqual(times);
      }),
    );
  });

  test('only Contributors (or the Driver) add input and only the Approver approves or rejects', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let d = START;
        for (const s of steps) {
          const result = s.run(d);
          if (result.ok) d = result.decision;
        }
        for (const e of d.log) {
          if (e.kind === 'input') expect([...START.contributors, START.driver]).toContain(e.by);
          if (e.kind === 'approved' || e.kind === 'rejected') expect(e.by).toBe(APPROVER);
        }
      }),
    );
  });
});

describe('decision log view (properties)', () => {
  const due = fc.option(
    fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10)),
  );
  const decisions = fc.array(
    fc.record({
      dueDate: due,
      status: fc.constantFrom('open', 'decided', 'deferred', 'revoked' as const),
      id: fc.stringMatching(/^d[0-9]{1,3}$/),
    }),
    { maxLength: 15 },
  );

  test('rows are the open decisions in due order, and overdue agrees with isOverdue', () => {
    fc.assert(
      fc.property(decisions, (list) => {
        const full = list.map((x) => ({ ...CHANNEL_DECISION, ...x, outcome: null }));
        const now = '2025-06-15T12:00:00Z';
        const rows = openDecisionsByDue(full, now);
        expect(rows).toHaveLength(full.filter((x) => x.status === 'open').length);
        const dues = rows.map((r) => r.decision.dueDate ?? '9999-99-99');
        expect([...dues].sort()).toEqual(dues);
        for (const r of rows) expect(r.overdue).toBe(isOverdue(r.decision, now));
      }),
    );
  });
});
