/** Project page contract (RACI matrix, CSV, bulk apply). Type-only. */
import type { Assignment, Framework } from './roles';

export interface MatrixRow {
  issueKey: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
  framework: Framework;
  source: 'issue' | 'inherited' | 'none';
  assignments: Assignment[];
  errors: number;
  warnings: number;
}

export interface MatrixPayload {
  jql: string;
  nextPageToken?: string;
  pageSize?: number;
}

export interface MatrixPage {
  rows: MatrixRow[];
  /** Every person named in the rows, for the columns. */
  people: string[];
  nextPageToken?: string;
}

/** CSV import, in the format of the RACI matrix export (activity = issue key + summary). */
export interface ImportCsvPayload {
  projectKey: string;
  csv: string;
  /** Column header → account id, chosen by the person importing. */
  columns: Record<string, string>;
  dryRun: boolean;
}

export interface ImportCsvResult {
  rows: Array<{
    line: number;
    issueKey?: string;
    outcome: 'applied' | 'would-apply' | 'skipped' | 'error';
    message?: string;
  }>;
  applied: number;
}

export interface BulkApplyPayload {
  jql: string;
  framework: Framework;
  assignments: Assignment[];
  mode: 'replace' | 'merge';
}

export interface BulkJob {
  jobId: string;
  total: number;
  done: number;
  applied: number;
  skipped: Array<{ issueKey: string; reason: string }>;
  failed: Array<{ issueKey: string; reason: string }>;
  finished: boolean;
}
