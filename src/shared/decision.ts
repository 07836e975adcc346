/** DACI decisions: the contract between the Decision macros and their resolvers. Type-only. */
export type DecisionStatus = 'open' | 'decided' | 'deferred' | 'revoked';

export interface DecisionOptionData {
  id: string;
  title: string;
  description: string;
  pros: string[];
  cons: string[];
}

/** What the Driver writes (the macro config's form); status, outcome and log change only through `decision/act`. */
export interface DecisionDraftData {
  question: string;
  context: string;
  driver: string | null;
  approver: string | null;
  contributors: string[];
  informed: string[];
  options: DecisionOptionData[];
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  linkedIssueKeys: string[];
  briefId: string | null;
}

export type DecisionLogEntryData =
  | { kind: 'input'; at: string; by: string; text: string }
  | { kind: 'approved'; at: string; by: string; optionId: string; comment: string }
  | { kind: 'rejected'; at: string; by: string; optionId: string | null; comment: string }
  | { kind: 'status'; at: string; by: string; from: DecisionStatus; to: DecisionStatus; reason: string };

export interface DecisionData extends DecisionDraftData {
  id: string;
  status: DecisionStatus;
  outcome: { optionId: string; rationale: string } | null;
  log: DecisionLogEntryData[];
}

/** What the viewer may do with this decision (computed on the server from the stored decision and the page). */
export interface DecisionAbilities {
  edit: boolean;
  input: boolean;
  approve: boolean;
  defer: boolean;
  revoke: boolean;
  reopen: boolean;
}

export interface DecisionView {
  decision: DecisionData;
  revision: number;
  pageId: string;
  updatedAt: string;
  can: DecisionAbilities;
}

export interface GetDecisionPayload {
  decisionId: string;
}

export interface SaveDecisionPayload {
  /** Absent when creating a new decision. */
  decisionId?: string;
  /** The revision the edit was based on (0 for a new decision). */
  revision: number;
  draft: DecisionDraftData;
}

export type DecisionAction = 'input' | 'approve' | 'reject' | 'defer' | 'revoke' | 'reopen';

export interface ActOnDecisionPayload {
  decisionId: string;
  action: DecisionAction;
  /** The input, the Approver's comment or the reason. */
  text: string;
  /** approve: the chosen option; reject: the rejected option or null for all of them. */
  optionId?: string | null;
}

/** Where a decision log looks: the current space (from the page's context) or one brief. */
export type DecisionLogScope = { kind: 'space' } | { kind: 'brief'; briefId: string };

export interface DecisionLogPayload {
  scope: DecisionLogScope;
  status: DecisionStatus;
}

export interface DecisionLogRow {
  id: string;
  question: string;
  status: DecisionStatus;
  dueDate: string | null;
  overdue: boolean;
  daysLeft: number | null;
  driver: string | null;
  approver: string | null;
  pageId: string;
  pageTitle: string;
  briefId: string | null;
}

export interface DecisionLog {
  rows: DecisionLogRow[];
  /** True when more decisions matched than one log shows. */
  truncated: boolean;
  asOf: string;
}

/** The issue property `accord-decisions` on every linked issue (the escalation engine reads it too). */
export interface IssueDecisionEntry {
  id: string;
  title: string;
  status: DecisionStatus;
  dueDate: string | null;
  approverAccountId: string | null;
  pageId: string;
}

export interface IssueDecisionsProperty {
  decisions: IssueDecisionEntry[];
}
