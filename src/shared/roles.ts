/** Roles contract between the static apps and the resolvers. Type-only. */
export type Framework = 'RACI' | 'DACI';
export type RaciRole = 'responsible' | 'accountable' | 'consulted' | 'informed';
export type DaciRole = 'driver' | 'approver' | 'contributor' | 'informed';
export type Role = RaciRole | DaciRole;

export interface Assignment {
  accountId: string;
  role: Role;
}

export interface Finding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** A Consulted person's sign-off or an Informed person's acknowledgement (issue property `accord-responses`). */
export interface RoleResponse {
  accountId: string;
  kind: 'sign-off' | 'acknowledge';
  at: string;
  /** The Jira comment that carries a sign-off's words, when there is one. */
  commentId?: string;
}

export interface RolesView {
  issueKey: string;
  framework: Framework;
  assignments: Assignment[];
  source: 'issue' | 'inherited' | 'none';
  inheritedFrom?: string;
  findings: Finding[];
  /** The revision a later `roles/set` must be based on; 0 when the issue has no roles of its own. */
  revision: number;
  /** Sign-offs and acknowledgements recorded on this issue. */
  responses?: RoleResponse[];
  /** Whether the person asking may change the roles (EDIT_ISSUES on the issue). */
  canEdit?: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

export interface GetRolesPayload {
  issueKey: string;
}

/** `roles/set`: refused with RULE_VIOLATION (details.violations) or CONFLICT (details.current: RolesView). */
export interface SetRolesPayload {
  issueKey: string;
  framework: Framework;
  assignments: Assignment[];
  /** The revision the edit was based on (0 when the issue had none of its own). */
  revision: number;
}

/** `roles/override` makes inherited roles the issue's own; `roles/reset` removes its own so it inherits again. */
export interface RevisionedIssuePayload {
  issueKey: string;
  revision: number;
}

export interface HistoryEntry {
  at: string;
  accountId: string;
  action: 'set' | 'override' | 'reset' | 'sign-off' | 'acknowledge' | 'ask' | 'tell' | 'bulk-apply';
  /** Role changes, for set/override/reset/bulk-apply. */
  changes?: Array<{ accountId: string; role: Role; change: 'added' | 'removed' }>;
  frameworkBefore?: Framework;
  frameworkAfter?: Framework;
  note?: string;
}

export interface RolesHistory {
  issueKey: string;
  entries: HistoryEntry[];
}

/** `roles/ask`: an ADF comment that mentions the Accountable (RACI) or the Approver (DACI). */
export interface AskPayload {
  issueKey: string;
  message: string;
}

/** `roles/tell`: Jira's notify API to every Informed person. */
export interface TellPayload {
  issueKey: string;
  subject: string;
  message: string;
}

/** `roles/respond`: the caller signs off (if Consulted) or acknowledges (if Informed). */
export interface RespondPayload {
  issueKey: string;
  kind: 'sign-off' | 'acknowledge';
  comment?: string;
}
