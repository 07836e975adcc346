/** A DACI decision: who Drives, who Approves, who Contributes, who is Informed, and its log. Types only. */

export type DecisionStatus = 'open' | 'decided' | 'deferred' | 'revoked';

export const DECISION_STATUSES: readonly DecisionStatus[] = ['open', 'decided', 'deferred', 'revoked'];

export interface DecisionOption {
  id: string;
  title: string;
  description: string;
  pros: string[];
  cons: string[];
}

/** What the Approver chose and why. */
export interface DecisionOutcome {
  optionId: string;
  rationale: string;
}

/** A Contributor's input. */
export interface InputEntry {
  kind: 'input';
  at: string;
  by: string;
  text: string;
}

/** The Approver chose an option; the decision became decided. */
export interface ApprovedEntry {
  kind: 'approved';
  at: string;
  by: string;
  optionId: string;
  comment: string;
}

/** The Approver rejected an option (or, with `optionId: null`, the options as they stand); it stays open. */
export interface RejectedEntry {
  kind: 'rejected';
  at: string;
  by: string;
  optionId: string | null;
  comment: string;
}

/** A deferral, revocation or reopening. */
export interface StatusEntry {
  kind: 'status';
  at: string;
  by: string;
  from: DecisionStatus;
  to: DecisionStatus;
  reason: string;
}

/** One round of the decision log: `{ at, by, kind, ... }`. The log is append-only. */
export type DecisionLogEntry = InputEntry | ApprovedEntry | RejectedEntry | StatusEntry;

/** What the Driver writes and edits; the status, outcome and log only change through transitions. */
export interface DecisionDraft {
  question: string;
  /** Background the Contributors need; free text. */
  context: string;
  driver: string | null;
  approver: string | null;
  contributors: string[];
  informed: string[];
  options: DecisionOption[];
  /** `YYYY-MM-DD`, or null when the decision has no deadline. */
  dueDate: string | null;
  linkedIssueKeys: string[];
  /** The brief this decision belongs to, when it belongs to one. */
  briefId: string | null;
}

export interface Decision extends DecisionDraft {
  id: string;
  status: DecisionStatus;
  outcome: DecisionOutcome | null;
  log: DecisionLogEntry[];
}

export const DECISION_LIMITS = {
  question: 300,
  context: 20_000,
  options: 10,
  optionTitle: 200,
  optionDescription: 5_000,
  prosOrCons: 20,
  point: 500,
  contributors: 50,
  informed: 200,
  linkedIssues: 100,
  comment: 5_000,
  log: 1_000,
} as const;
