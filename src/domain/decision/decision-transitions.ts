import { normaliseInstant } from '../brief/iso-date';
import { isValidAccountId } from '../roles/account-id';
import {
  DECISION_LIMITS,
  type Decision,
  type DecisionDraft,
  type DecisionLogEntry,
  type DecisionStatus,
} from './decision';

/** Why a transition was refused; the codes are the resolver envelope's. */
export type DecisionRefusalCode = 'INVALID_INPUT' | 'FORBIDDEN' | 'RULE_VIOLATION';

/** A transition's answer: the new decision, or a refusal with a sentence that says what to do. */
export type DecisionResult =
  { ok: true; decision: Decision } | { ok: false; code: DecisionRefusalCode; message: string };

const refuse = (code: DecisionRefusalCode, message: string): DecisionResult => ({ ok: false, code, message });

const STATUS_WORD: Record<DecisionStatus, string> = {
  open: 'open',
  decided: 'decided',
  deferred: 'deferred',
  revoked: 'revoked',
};

/**
 * Checks the parts every transition shares and appends the entry. The time is clamped to the last entry's,
 * so the log stays in order even when two servers' clocks disagree by a moment.
 */
function append(
  decision: Decision,
  by: string,
  at: string,
  makeEntry: (at: string) => DecisionLogEntry,
  change: Partial<Pick<Decision, 'status' | 'outcome'>> = {},
): DecisionResult {
  const instant = normaliseInstant(at);
  if (instant === undefined) {
    return refuse(
      'INVALID_INPUT',
      'The time of this step must be an ISO instant such as 2025-03-04T09:30:00Z.',
    );
  }
  if (!isValidAccountId(by)) return refuse('INVALID_INPUT', 'We could not tell who you are; sign in again.');
  if (decision.log.length >= DECISION_LIMITS.log) {
    return refuse(
      'RULE_VIOLATION',
      `This decision log is full (${DECISION_LIMITS.log} entries); start a follow-up decision.`,
    );
  }
  const last = decision.log[decision.log.length - 1]?.at;
  const when = last !== undefined && last > instant ? last : instant;
  return { ok: true, decision: { ...decision, ...change, log: [...decision.log, makeEntry(when)] } };
}

/** A comment, reason or input: trimmed, required, and within the limit; or the sentence that refuses it. */
function words(value: unknown, missing: string): string | { refusal: DecisionResult } {
  if (typeof value !== 'string' || value.trim() === '') return { refusal: refuse('INVALID_INPUT', missing) };
  if (value.length > DECISION_LIMITS.comment) {
    return {
      refusal: refuse(
        'INVALID_INPUT',
        `Keep it to ${DECISION_LIMITS.comment.toLocaleString('en-US')} characters; link longer material.`,
      ),
    };
  }
  return value.trim();
}

const isDriverOrApprover = (d: Decision, by: string): boolean => by === d.driver || by === d.approver;

/** Records a Contributor's (or the Driver's) input. Only they may, and only while the decision is open. */
export function recordInput(decision: Decision, by: string, text: string, at: string): DecisionResult {
  if (!decision.contributors.includes(by) && by !== decision.driver) {
    return refuse(
      'FORBIDDEN',
      'Only Contributors can add input to this decision; ask the Driver to add you as a Contributor.',
    );
  }
  if (decision.status !== 'open') {
    return refuse(
      'RULE_VIOLATION',
      `This decision is ${STATUS_WORD[decision.status]}, so input is closed; ask the Driver to reopen it.`,
    );
  }
  const said = words(text, 'Write your input before you send it.');
  if (typeof said !== 'string') return said.refusal;
  return append(decision, by, at, (when) => ({ kind: 'input', at: when, by, text: said }));
}

/** Checks that `by` is the Approver and that the decision is open (shared by approve and reject). */
function approverGate(
  decision: Decision,
  by: string,
  verb: 'approve' | 'reject',
): DecisionResult | undefined {
  if (decision.approver === null) {
    return refuse('RULE_VIOLATION', 'This decision has no Approver yet; the Driver must name one first.');
  }
  if (by !== decision.approver) {
    return refuse('FORBIDDEN', `Only the Approver can ${verb} this decision.`);
  }
  if (decision.status === 'decided') {
    return refuse(
      'RULE_VIOLATION',
      `This decision is already decided; reopen it before you ${verb} an option.`,
    );
  }
  if (decision.status !== 'open') {
    return refuse(
      'RULE_VIOLATION',
      `This decision is ${STATUS_WORD[decision.status]}; reopen it before you ${verb} an option.`,
    );
  }
  return undefined;
}

const unknownOption = (): DecisionResult =>
  refuse('INVALID_INPUT', 'That option is not part of this decision; pick one of the listed options.');

/** The Approver chooses an option, with the rationale as comment; the decision becomes decided. */
export function approve(
  decision: Decision,
  by: string,
  optionId: string,
  comment: string,
  at: string,
): DecisionResult {
  const gate = approverGate(decision, by, 'approve');
  if (gate) return gate;
  if (!decision.options.some((o) => o.id === optionId)) return unknownOption();
  const rationale = words(comment, 'Say why you chose this option: the rationale is what people read later.');
  if (typeof rationale !== 'string') return rationale.refusal;
  return append(
    decision,
    by,
    at,
    (when) => ({ kind: 'approved', at: when, by, optionId, comment: rationale }),
    { status: 'decided', outcome: { optionId, rationale } },
  );
}

/**
 * The Approver rejects an option (or all of them as they stand, with `optionId` null), saying why.
 * The decision stays open so the Driver can rework the options.
 */
export function reject(
  decision: Decision,
  by: string,
  optionId: string | null,
  comment: string,
  at: string,
): DecisionResult {
  const gate = approverGate(decision, by, 'reject');
  if (gate) return gate;
  if (optionId !== null && !decision.options.some((o) => o.id === optionId)) return unknownOption();
  const why = words(comment, 'Say why you reject it, so the Driver knows what to change.');
  if (typeof why !== 'string') return why.refusal;
  return append(decision, by, at, (when) => ({ kind: 'rejected', at: when, by, optionId, comment: why }));
}

function statusChange(
  decision: Decision,
  by: string,
  to: DecisionStatus,
  reason: string,
  at: string,
): DecisionResult {
  const verb = to === 'open' ? 'reopened' : STATUS_WORD[to];
  const why = words(reason, `Say why the decision is ${verb}; the log keeps the reason.`);
  if (typeof why !== 'string') return why.refusal;
  const from = decision.status;
  return append(decision, by, at, (when) => ({ kind: 'status', at: when, by, from, to, reason: why }), {
    status: to,
    outcome: to === 'decided' ? decision.outcome : null,
  });
}

/** Puts an open decision on hold (the Driver or the Approver), with a reason. */
export function defer(decision: Decision, by: string, reason: string, at: string): DecisionResult {
  if (!isDriverOrApprover(decision, by)) {
    return refuse('FORBIDDEN', 'Only the Driver or the Approver can defer this decision.');
  }
  if (decision.status !== 'open') {
    return refuse(
      'RULE_VIOLATION',
      decision.status === 'decided'
        ? 'This decision is decided; a decided decision can only be reopened.'
        : `This decision is already ${STATUS_WORD[decision.status]}; only an open decision can be deferred.`,
    );
  }
  return statusChange(decision, by, 'deferred', reason, at);
}

/** Withdraws an open or deferred decision (the Driver or the Approver), with a reason. */
export function revoke(decision: Decision, by: string, reason: string, at: string): DecisionResult {
  if (!isDriverOrApprover(decision, by)) {
    return refuse('FORBIDDEN', 'Only the Driver or the Approver can revoke this decision.');
  }
  if (decision.status === 'decided') {
    return refuse(
      'RULE_VIOLATION',
      'This decision is decided; reopen it first if it no longer holds, then revoke it.',
    );
  }
  if (decision.status === 'revoked') return refuse('RULE_VIOLATION', 'This decision is already revoked.');
  return statusChange(decision, by, 'revoked', reason, at);
}

/**
 * Opens a decided, deferred or revoked decision again, with a reason; its outcome moves to the log only.
 * Reopening a decided decision overturns the Approver's call, so only the Approver may; otherwise the
 * Driver may too.
 */
export function reopen(decision: Decision, by: string, reason: string, at: string): DecisionResult {
  if (decision.status === 'open') return refuse('RULE_VIOLATION', 'This decision is already open.');
  if (decision.status === 'decided' && by !== decision.approver) {
    return refuse('FORBIDDEN', 'Only the Approver can reopen a decided decision.');
  }
  if (!isDriverOrApprover(decision, by)) {
    return refuse('FORBIDDEN', 'Only the Driver or the Approver can reopen this decision.');
  }
  return statusChange(decision, by, 'open', reason, at);
}

/**
 * Applies the Driver's edit: the draft's fields replace the current ones, while the id, status, outcome and
 * log stay as stored (a client can never rewrite history). Once decided or revoked, the question and the
 * options are the record and cannot change; people, due date and links still can.
 */
export function reviseDecision(current: Decision, draft: DecisionDraft): DecisionResult {
  if (current.status === 'decided' || current.status === 'revoked') {
    const sameQuestion = draft.question === current.question;
    const sameOptions = JSON.stringify(draft.options) === JSON.stringify(current.options);
    if (!sameQuestion || !sameOptions) {
      return refuse(
        'RULE_VIOLATION',
        `This decision is ${STATUS_WORD[current.status]}: its question and options are the record. ` +
          'Reopen it to change them.',
      );
    }
  }
  if (current.status === 'decided' && current.outcome !== null) {
    const chosen = current.outcome.optionId;
    if (!draft.options.some((o) => o.id === chosen)) {
      return refuse('RULE_VIOLATION', 'The chosen option cannot be removed from a decided decision.');
    }
  }
  return {
    ok: true,
    decision: {
      ...draft,
      id: current.id,
      status: current.status,
      outcome: current.outcome,
      log: current.log,
    },
  };
}
