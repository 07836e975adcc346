/** Project Brief contract between the brief macro apps and the macro resolver. Type-only. */
export type BriefStatusValue = 'draft' | 'in-review' | 'approved';

export interface BriefSummary {
  id: string;
  title: string;
  problem: string;
  ownerAccountId: string | null;
  status: BriefStatusValue;
  revision: number;
  updatedAt: string;
}

/** The brief's free-text sections, in page order (`problem` is the summary's `problem`). */
export type BriefTextSectionKey =
  'problem' | 'goals' | 'scope' | 'engineering' | 'legal' | 'cost' | 'marketing' | 'risks';

export interface BriefMilestoneView {
  id: string;
  name: string;
  /** `YYYY-MM-DD`: the date committed to. */
  baselineDate: string;
  /** `YYYY-MM-DD`, or null when nobody re-forecast it. */
  forecastDate: string | null;
  done: boolean;
}

/** The brief's Jira work: this is also the executive view's initiative scope (one truth). */
export interface BriefLinkedWorkView {
  epicKeys: string[];
  jql: string;
}

export interface BriefReferencesView {
  stakeholderGridId: string | null;
  raciMatrixId: string | null;
  decisionIds: string[];
  escalationPathId: string | null;
}

export interface BriefSectionScore {
  id: string;
  title: string;
  state: 'filled' | 'thin' | 'empty';
  reason: string;
}

export interface BriefCompletenessView {
  filled: number;
  total: number;
  label: string;
  percent: number;
  sections: BriefSectionScore[];
}

/**
 * One linked document as `brief/get` names it: its name (and status) when the caller may view its page,
 * `hidden` when it is on a page they cannot view, `missing` when it no longer exists.
 */
export type BriefReferenceName =
  | { id: string; state: 'named'; name: string; status?: string }
  | { id: string; state: 'hidden' }
  | { id: string; state: 'missing' };

/** The brief's references by name (`brief/get` only; `brief/save` leaves it out). */
export interface BriefReferencedView {
  stakeholderGrid: BriefReferenceName | null;
  raciMatrix: BriefReferenceName | null;
  /** The first 50 linked decisions; `moreDecisions` counts the rest. Status is open/decided/deferred/revoked. */
  decisions: BriefReferenceName[];
  moreDecisions: number;
  /** Status is `Enabled` or `Draft`. */
  escalationPath: BriefReferenceName | null;
}

/** `brief/get` and `brief/save`: the whole brief, its completeness, and whether the caller may edit it. */
export interface BriefDetail extends BriefSummary {
  pageId: string;
  sections: Record<BriefTextSectionKey, string>;
  milestones: BriefMilestoneView[];
  linkedWork: BriefLinkedWorkView;
  references: BriefReferencesView;
  /** The references by name, read as the caller (present on `brief/get`). */
  referenced?: BriefReferencedView;
  completeness: BriefCompletenessView;
  /** Whether the caller may edit the page (and so the brief); the server checks again on save. */
  canEdit: boolean;
}

/** `brief/get`: the macro config holds only the id. */
export interface GetBriefPayload {
  briefId: string;
}

/**
 * `brief/save`: create (no briefId, revision 0) or update (briefId and the revision it was based on).
 * Parts left out keep their stored value (or are empty on create); `problem` is the problem section.
 */
export interface SaveBriefPayload {
  briefId?: string;
  revision: number;
  title: string;
  status: BriefStatusValue;
  problem?: string;
  ownerAccountId?: string | null;
  sections?: Partial<Record<BriefTextSectionKey, string>>;
  milestones?: BriefMilestoneView[];
  linkedWork?: BriefLinkedWorkView;
  references?: BriefReferencesView;
}

/** What the page's macro config stores. */
export interface BriefMacroConfig {
  briefId: string;
}

/** The `accord-brief` issue property on each linked epic: "part of brief X" in Jira. */
export interface BriefIssueProperty {
  briefId: string;
  title: string;
  pageId: string;
}
