import type { IssueSnapshot, RolesAuditRecord } from './ports';

/**
 * What bulk apply needs from Jira for one batch, as the job's owner (`asUser(owner)`): one read of the batch's
 * issues, one permission check for all of them, then one property write per issue that changes.
 */
export interface RolesBatchJira {
  /**
   * The issues among `keys` the person may browse, with the asked properties (one search of at most 100 keys).
   * Issues that are gone or hidden are simply absent.
   */
  readIssues(keys: readonly string[], opts: { properties: string[] }): Promise<IssueSnapshot[]>;
  /** The ids among `issueIds` the person may edit (EDIT_ISSUES), in one bulk check of at most 1,000 ids. */
  editableIssueIds(issueIds: readonly string[]): Promise<Set<string>>;
  /** Writes one issue property; Jira's refusal is AppError FORBIDDEN / NOT_FOUND, anything else UpstreamError. */
  setProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void>;
}

/** The audit log, many lines at once (one KVS batch of at most `batchSize` lines a call). */
export interface RolesAuditBatchLog {
  readonly batchSize: number;
  appendMany(records: readonly RolesAuditRecord[]): Promise<void>;
}
