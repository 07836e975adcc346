/** A Project Brief's stored fields (the foundation slice: title, problem, owner, status). */
export type BriefStatus = 'draft' | 'in-review' | 'approved';

export interface Brief {
  title: string;
  problem: string;
  ownerAccountId: string;
  status: BriefStatus;
  /** The Confluence page the brief was created on; edits are checked against that page. */
  pageId: string;
  updatedAt: string;
  /** The Jira work the brief is an initiative for: linked epics (their children count) and/or a JQL. */
  scope?: InitiativeScope;
  /** The date the initiative is committed to; `original` is the first one agreed, `movedOn` its last move. */
  baseline?: { date: string; original?: string; movedOn?: string };
  /**
   * The rest of the full brief document (every section but `problem`, milestones, links to other documents).
   * Absent on briefs saved before the full document existed; read them with `briefDocumentOf`.
   */
  document?: StoredBriefBody;
}

/** What the brief entity keeps beyond the foundation fields (linked work lives in the initiative record). */
export interface StoredBriefBody {
  sections: Record<string, string>;
  milestones: unknown[];
  references: unknown;
}

export interface InitiativeScope {
  epics: string[];
  jql?: string;
}
