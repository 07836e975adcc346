import {
  APPROVER,
  CHANNEL_DECISION as OPEN,
  DRIVER,
  ENGINEER,
  FINANCE,
  LEGAL,
  STRANGER,
  T1,
  T2,
} from './__fixtures__/channel-decision';
import type { Decision, DecisionStatus } from './decision';
import {
  approve,
  defer,
  recordInput,
  reject,
  reopen,
  reviseDecision,
  revoke,
  type DecisionRefusalCode,
  type DecisionResult,
} from './decision-transitions';

const withStatus = (status: DecisionStatus): Decision =>
  status === 'decided'
    ? { ...OPEN, status, outcome: { optionId: 'in-app', rationale: 'Ships sooner.' } }
    : { ...OPEN, status };
const DECIDED = withStatus('decided');
const DEFERRED = withStatus('deferred');
const REVOKED = withStatus('revoked');

const value = (result: DecisionResult): Decision => {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.decision;
};

describe('refusals: each says why, with the envelope code', () => {
  test.each<[string, DecisionResult, DecisionRefusalCode, string]>([
    // recordInput
    [
      'input from the Approver, who is neither a Contributor nor the Driver',
      recordInput(OPEN, APPROVER, 'x', T1),
      'FORBIDDEN',
      'Only Contributors can add input to this decision; ask the Driver to add you as a Contributor.',
    ],
    [
      'input from an Informed person',
      recordInput(OPEN, FINANCE, 'x', T1),
      'FORBIDDEN',
      'Only Contributors can add input to this decision; ask the Driver to add you as a Contributor.',
    ],
    [
      'input on a decided decision',
      recordInput(DECIDED, LEGAL, 'x', T1),
      'RULE_VIOLATION',
      'This decision is decided, so input is closed; ask the Driver to reopen it.',
    ],
    [
      'input on a deferred decision',
      recordInput(DEFERRED, LEGAL, 'x', T1),
      'RULE_VIOLATION',
      'This decision is deferred, so input is closed; ask the Driver to reopen it.',
    ],
    [
      'blank input',
      recordInput(OPEN, LEGAL, '   ', T1),
      'INVALID_INPUT',
      'Write your input before you send it.',
    ],
    [
      'oversize input',
      recordInput(OPEN, LEGAL, 'x'.repeat(5_001), T1),
      'INVALID_INPUT',
      'Keep it to 5,000 characters; link longer material.',
    ],
    [
      'input with a zone-less time',
      recordInput(OPEN, LEGAL, 'x', '2025-04-02T10:00:00'),
      'INVALID_INPUT',
      'The time of this step must be an ISO instant such as 2025-03-04T09:30:00Z.',
    ],
    // approve
    [
      'approval by the Driver',
      approve(OPEN, DRIVER, 'sms', 'ok', T1),
      'FORBIDDEN',
      'Only the Approver can approve this decision.',
    ],
    [
      'approval by a Contributor',
      approve(OPEN, LEGAL, 'sms', 'ok', T1),
      'FORBIDDEN',
      'Only the Approver can approve this decision.',
    ],
    [
      'approval without an Approver',
      approve({ ...OPEN, approver: null }, APPROVER, 'sms', 'ok', T1),
      'RULE_VIOLATION',
      'This decision has no Approver yet; the Driver must name one first.',
    ],
    [
      'approval of a decided decision',
      approve(DECIDED, APPROVER, 'sms', 'ok', T1),
      'RULE_VIOLATION',
      'This decision is already decided; reopen it before you approve an option.',
    ],
    [
      'approval of a deferred decision',
      approve(DEFERRED, APPROVER, 'sms', 'ok', T1),
      'RULE_VIOLATION',
      'This decision is deferred; reopen it before you approve an option.',
    ],
    [
      'approval of a revoked decision',
      approve(REVOKED, APPROVER, 'sms', 'ok', T1),
      'RULE_VIOLATION',
      'This decision is revoked; reopen it before you approve an option.',
    ],
    [
      'approval of an unknown option',
      approve(OPEN, APPROVER, 'fax', 'ok', T1),
      'INVALID_INPUT',
      'That option is not part of this decision; pick one of the listed options.',
    ],
    [
      'approval without a rationale',
      approve(OPEN, APPROVER, 'sms', ' ', T1),
      'INVALID_INPUT',
      'Say why you chose this option: the rationale is what people read later.',
    ],
    [
      'approval at a bad time',
      approve(OPEN, APPROVER, 'sms', 'ok', 'now'),
      'INVALID_INPUT',
      'The time of this step must be an ISO instant such as 2025-03-04T09:30:00Z.',
    ],
    // reject
    [
      'rejection by the Driver',
      reject(OPEN, DRIVER, 'sms', 'no', T1),
      'FORBIDDEN',
      'Only the Approver can reject this decision.',
    ],
    [
      'rejection of a decided decision',
      reject(DECIDED, APPROVER, 'sms', 'no', T1),
      'RULE_VIOLATION',
      'This decision is already decided; reopen it before you reject an option.',
    ],
    [
      'rejection without a comment',
      reject(OPEN, APPROVER, null, '', T1),
      'INVALID_INPUT',
      'Say why you reject it, so the Driver knows what to change.',
    ],
    [
      'rejection of an unknown option',
      reject(OPEN, APPROVER, 'fax', 'no', T1),
      'INVALID_INPUT',
      'That option is not part of this decision; pick one of the listed options.',
    ],
    // defer
    [
      'deferral by a Contributor',
      defer(OPEN, LEGAL, 'later', T1),
      'FORBIDDEN',
      'Only the Driver or the Approver can defer this decision.',
    ],
    [
      'deferral of a decided decision',
      defer(DECIDED, DRIVER, 'later', T1),
      'RULE_VIOLATION',
      'This decision is decided; a decided decision can only be reopened.',
    ],
    [
      'deferral of a deferred decision',
      defer(DEFERRED, DRIVER, 'later', T1),
      'RULE_VIOLATION',
      'This decision is already deferred; only an open decision can be deferred.',
    ],
    [
      'deferral without a reason',
      defer(OPEN, DRIVER, '', T1),
      'INVALID_INPUT',
      'Say why the decision is deferred; the log keeps the reason.',
    ],
    // revoke
    [
      'revocation by a stranger',
      revoke(OPEN, STRANGER, 'moot', T1),
      'FORBIDDEN',
      'Only the Driver or the Approver can revoke this decision.',
    ],
    [
      'revocation of a decided decision',
      revoke(DECIDED, APPROVER, 'moot', T1),
      'RULE_VIOLATION',
      'This decision is decided; reopen it first if it no longer holds, then revoke it.',
    ],
    [
      'revocation of a revoked decision',
      revoke(REVOKED, DRIVER, 'moot', T1),
      'RULE_VIOLATION',
      'This decision is already revoked.',
    ],
    // reopen
    [
      'reopening an open decision',
      reopen(OPEN, DRIVER, 'again', T1),
      'RULE_VIOLATION',
      'This decision is already open.',
    ],
    [
      'the Driver reopening a decided decision',
      reopen(DECIDED, DRIVER, 'again', T1),
      'FORBIDDEN',
      'Only the Approver can reopen a decided decision.',
    ],
    [
      'a Contributor reopening a deferred decision',
      reopen(DEFERRED, LEGAL, 'again', T1),
      'FORBIDDEN',
      'Only the Driver or the Approver can reopen this decision.',
    ],
    [
      'reopening without a reason',
      reopen(DEFERRED, DRIVER, ' ', T1),
      'INVALID_INPUT',
      'Say why the decision is reopened; the log keeps the reason.',
    ],
  ])('%s', (_name, result, code, message) => {
    expect(result).toEqual({ ok: false, code, message });
  });
});

describe('transitions', () => {
  test.each<[string, DecisionResult, DecisionStatus, Decision['outcome'], object]>([
    [
      'a Contributor adds input',
      recordInput(OPEN, ENGINEER, '  Batching makes SMS feasible.  ', T1),
      'open',
      null,
      { kind: 'input', by: ENGINEER, text: 'Batching makes SMS feasible.' },
    ],
    [
      'the Approver approves',
      approve(OPEN, APPROVER, 'in-app', 'Ships without a privacy review.', T1),
      'decided',
      { optionId: 'in-app', rationale: 'Ships without a privacy review.' },
      { kind: 'approved', by: APPROVER, optionId: 'in-app', comment: 'Ships without a privacy review.' },
    ],
    [
      'the Approver rejects one option',
      reject(OPEN, APPROVER, 'sms', 'Privacy risk too high.', T1),
      'open',
      null,
      { kind: 'rejected', optionId: 'sms', comment: 'Privacy risk too high.' },
    ],
    [
      'the Approver rejects all options',
      reject(OPEN, APPROVER, null, 'Neither works.', T1),
      'open',
      null,
      { kind: 'rejected', optionId: null },
    ],
    [
      'the Driver defers',
      defer(OPEN, DRIVER, 'Waiting for the DPIA.', T1),
      'deferred',
      null,
      { kind: 'status', from: 'open', to: 'deferred', reason: 'Waiting for the DPIA.' },
    ],
    [
      'the Approver defers',
      defer(OPEN, APPROVER, 'Budget freeze.', T1),
      'deferred',
      null,
      { kind: 'status', by: APPROVER },
    ],
    [
      'the Driver revokes an open decision',
      revoke(OPEN, DRIVER, 'Feature cut.', T1),
      'revoked',
      null,
      { kind: 'status', from: 'open', to: 'revoked' },
    ],
    [
      'the Approver revokes a deferred decision',
      revoke(DEFERRED, APPROVER, 'Feature cut.', T1),
      'revoked',
      null,
      { from: 'deferred', to: 'revoked' },
    ],
    [
      'the Approver reopens a decided decision, clearing the outcome',
      reopen(DECIDED, APPROVER, 'New data.', T1),
      'open',
      null,
      { from: 'decided', to: 'open', reason: 'New data.' },
    ],
    [
      'the Driver reopens a deferred decision',
      reopen(DEFERRED, DRIVER, 'DPIA done.', T1),
      'open',
      null,
      { from: 'deferred', to: 'open' },
    ],
    [
      'the Driver reopens a revoked decision',
      reopen(REVOKED, DRIVER, 'Back in scope.', T1),
      'open',
      null,
      { from: 'revoked', to: 'open' },
    ],
  ])('%s', (_name, result, status, outcome, entry) => {
    const next = value(result);
    expect(next.status).toBe(status);
    expect(next.outcome).toEqual(outcome);
    expect(next.log.length).toBeGreaterThan(0);
    expect(next.log.slice(0, -1)).toEqual(result.ok ? OPEN.log : []);
    expect(next.log[next.log.length - 1]).toMatchObject({ ...entry, at: T1 });
  });

  test('a full round: input, rejection, input, approval, reopening, approval again', () => {
    let d = value(recordInput(OPEN, ENGINEER, 'SMS needs batching.', T1));
    d = value(reject(d, APPROVER, 'sms', 'Not before the DPIA.', T1));
    d = value(recordInput(d, LEGAL, 'DPIA started.', T2));
    d = value(approve(d, APPROVER, 'in-app', 'In-app ships first.', T2));
    d = value(reopen(d, APPROVER, 'DPIA came back clean.', '2025-04-10T08:00:00Z'));
    d = value(approve(d, APPROVER, 'sms', 'SMS too.', '2025-04-11T08:00:00+02:00'));
    expect(d.log.map((e) => e.kind)).toEqual([
      'input',
      'input',
      'rejected',
      'input',
      'approved',
      'status',
      'approved',
    ]);
    expect(d.outcome).toEqual({ optionId: 'sms', rationale: 'SMS too.' });
    expect(d.log[d.log.length - 1]?.at).toBe('2025-04-11T06:00:00.000Z');
  });

  test('a step timed before the last entry is logged at the last entry’s time, keeping the log in order', () => {
    const d = value(recordInput(OPEN, ENGINEER, 'Late clock.', '2025-03-01T00:00:00Z'));
    expect(d.log[1]?.at).toBe(OPEN.log[0]?.at);
  });

  test('the input decision is never changed', () => {
    const before = structuredClone(OPEN);
    approve(OPEN, APPROVER, 'sms', 'Yes.', T1);
    recordInput(OPEN, LEGAL, 'More.', T1);
    expect(OPEN).toEqual(before);
  });
});

describe('reviseDecision', () => {
  const draft = (d: Decision) => {
    const { id: _id, status: _s, outcome: _o, log: _l, ...rest } = d;
    return rest;
  };

  test('an open decision takes the new draft, keeping id, status, outcome and log', () => {
    const edited = {
      ...draft(OPEN),
      question: 'Which channel first, really?',
      informed: [FINANCE, STRANGER],
    };
    expect(value(reviseDecision(OPEN, edited))).toEqual({
      ...OPEN,
      question: 'Which channel first, really?',
      informed: [FINANCE, STRANGER],
    });
  });

  test('a decided decision may change its people and due date', () => {
    const next = value(reviseDecision(DECIDED, { ...draft(DECIDED), informed: [], dueDate: null }));
    expect(next).toMatchObject({ status: 'decided', informed: [], dueDate: null, outcome: DECIDED.outcome });
  });

  test.each<[string, Decision, (d: ReturnType<typeof draft>) => ReturnType<typeof draft>, string]>([
    [
      'a decided question',
      DECIDED,
      (d) => ({ ...d, question: 'Other?' }),
      'This decision is decided: its question and options are the record. Reopen it to change them.',
    ],
    [
      'a decided option',
      DECIDED,
      (d) => ({ ...d, options: d.options.slice(1) }),
      'This decision is decided: its question and options are the record. Reopen it to change them.',
    ],
    [
      'a revoked question',
      REVOKED,
      (d) => ({ ...d, question: 'Other?' }),
      'This decision is revoked: its question and options are the record. Reopen it to change them.',
    ],
  ])('refuses to change %s', (_name, current, edit, message) => {
    expect(reviseDecision(current, edit(draft(current)))).toEqual({
      ok: false,
      code: 'RULE_VIOLATION',
      message,
    });
  });
});
