/** RACI matrix macro contract (`raci/*` keys of the macro resolver). Type-only. */
import type { Assignment, Finding } from './roles';

/** One activity of the matrix: a Jira issue (its cells ARE the issue's `accord-roles`) or a free-text activity. */
export interface RaciRowView {
  id: string;
  kind: 'issue' | 'text';
  /** Issue rows: the issue key. */
  issueKey?: string;
  /** Text rows: the activity; issue rows: the issue's summary (empty when the caller cannot see it). */
  name: string;
  assignments: Assignment[];
  /** The revision a cell edit must be based on: the issue's roles revision, or the text row's own. */
  revision: number;
  findings: Finding[];
  /** Whether the caller may change this row (EDIT_ISSUES on the issue; page edit for a text row). */
  canEdit: boolean;
  /** Issue rows: where the roles come from (`inherited` rows are saved as the issue's own on edit). */
  source?: 'issue' | 'inherited' | 'none';
  inheritedFrom?: string;
  /** Set when the row could not be read (an issue the caller cannot see); the row shows this sentence. */
  problem?: string;
}

export interface RaciMatrixView {
  id: string;
  briefId: string;
  pageId: string;
  title: string;
  /** The people columns, in order (account ids; names are read in the browser). */
  people: string[];
  rows: RaciRowView[];
  /** The matrix's own revision (columns, activities, text rows). */
  revision: number;
  /** Whether the caller may edit the page (and so the matrix's columns and text rows). */
  canEdit: boolean;
  updatedAt: string;
}

export interface GetRaciPayload {
  matrixId: string;
}

/** An activity as the editor sends it: an existing row keeps its id. */
export type RaciActivityInput =
  { id?: string; kind: 'issue'; issueKey: string } | { id?: string; kind: 'text'; name: string };

/** `raci/save`: create (no matrixId, revision 0) or change the matrix's title, people columns and activities. */
export interface SaveRaciPayload {
  matrixId?: string;
  revision: number;
  briefId: string;
  title: string;
  people: string[];
  activities: RaciActivityInput[];
}

/**
 * `raci/set-row`: the cells of one row. An issue row goes through `roles/set`'s use case (EDIT_ISSUES as the
 * caller, the issue's revision); a text row is checked with the same hard rules and its own revision.
 */
export interface SetRaciRowPayload {
  matrixId: string;
  rowId: string;
  assignments: Assignment[];
  revision: number;
}

/** `raci/import`: a CSV in the project page's format; `columns` maps each header to an account id ('' leaves it out). */
export interface ImportRaciPayload {
  matrixId: string;
  csv: string;
  columns: Record<string, string>;
}

export interface ImportRaciResult {
  matrix: RaciMatrixView;
  rows: Array<{
    line: number;
    activity: string;
    outcome: 'applied' | 'unchanged' | 'error';
    message?: string;
  }>;
  applied: number;
}

/** What the RACI matrix macro's config stores. */
export interface RaciMacroConfig {
  matrixId: string;
}
