/** A Status report as stored (entity `status-report`): the page it is on and its three sections. */
export interface StoredStatusReport {
  /** Absent when no initiative is chosen (the KVS refuses an empty string attribute). */
  briefId?: string;
  pageId: string;
  updatedAt: string;
  body: { problemAndImpact: string; rootCauseAndOptions: string; recommendation: string };
}

/** Longest text per section: a one-page brief, not a document store. */
export const STATUS_REPORT_SECTION_LIMIT = 10_000;
