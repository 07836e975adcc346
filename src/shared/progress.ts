/** Executive view contract: initiative status, trend, status report, byline. Type-only. */
export type Rag = 'green' | 'amber' | 'red' | 'grey';

/** One number and the Jira search that produced it (so every figure can be opened in Jira). */
export interface Figure {
  key: string;
  label: string;
  value: number;
  jql: string;
}

export interface InitiativeStatus {
  briefId: string;
  title: string;
  ownerAccountId: string;
  pageId: string;
  rag: Rag;
  /** Always shown: "Amber: 3 items blocked > 2 business days; forecast 9 days after baseline". */
  reason: string;
  percentDone: number;
  counts: { todo: number; inProgress: number; done: number; total: number };
  blocked: number;
  blockedTooLong: number;
  overdue: number;
  /** YYYY-MM-DD */
  baseline?: string;
  originalBaseline?: string;
  forecast?: string;
  forecastNote?: string;
  slipDays?: number;
  escalationsByLevel: Record<string, number>;
  /** Open Jira issues of type Decision in scope (the `decisionsAwaiting` figure's JQL counts them). */
  decisionsAwaiting: number;
  /**
   * Optional (added by the DACI roll-up): the brief's open DACI decisions (Decision macro) on pages the viewer
   * may view, soonest due first, at most 5. "Decisions waiting" = `decisionsAwaiting` + `pendingDecisionsTotal`.
   */
  pendingDecisions?: PendingDecision[];
  /** How many such decisions there are in all (`pendingDecisions` lists at most 5 of them). */
  pendingDecisionsTotal?: number;
  figures: Figure[];
  /** The JQL that selects the initiative's work (linked epics and/or the brief's JQL). */
  scopeJql: string;
  asOf: string;
  /** Optional (added by the executive UI): recent daily snapshots for the table's trend sparkline. */
  trend?: TrendPoint[];
}

/** A DACI decision of the initiative's brief, open and waiting for its Approver. */
export interface PendingDecision {
  id: string;
  question: string;
  /** Null when the Driver has not named an Approver yet. */
  approverAccountId: string | null;
  /** YYYY-MM-DD; null without a due date. */
  dueDate: string | null;
  overdue: boolean;
  /** The Confluence page holding the Decision macro (open it to act). */
  pageId: string;
}

export interface Overview {
  initiatives: InitiativeStatus[];
  asOf: string;
}

export interface TrendPoint {
  date: string;
  total: number;
  done: number;
  forecast?: string;
  baseline?: string;
}

export interface InitiativeDetail {
  status: InitiativeStatus;
  history: TrendPoint[];
}

/** The Status report macro: the one-page brief for bad news, beside the live numbers of one initiative. */
export interface StatusReport {
  id: string;
  briefId: string | null;
  problemAndImpact: string;
  rootCauseAndOptions: string;
  recommendation: string;
  revision: number;
  updatedAt: string;
}

export interface SaveStatusReportPayload {
  reportId?: string;
  revision: number;
  briefId: string | null;
  problemAndImpact: string;
  rootCauseAndOptions: string;
  recommendation: string;
}

export interface StatusReportView {
  report: StatusReport;
  /** Live numbers of the chosen initiative, read as the viewer; null when none is chosen or it is not visible. */
  status: InitiativeStatus | null;
}

/** The page byline: the status of the brief(s) on the current page, or nothing. */
export interface BylineView {
  status: InitiativeStatus | null;
}
