import type { HistoryEntry } from '../shared/roles';

/**
 * What the use cases need from the outside world. Adapters in src/adapters implement these with the
 * Forge SDKs; tests implement them in memory. Nothing here imports @forge/*.
 */

/** An issue as the app reads it: only the fields Accord uses. */
export interface IssueSnapshot {
  id: string;
  key: string;
  summary: string;
  issueType: { name: string; hierarchyLevel: number };
  status: { name: string; category: 'new' | 'indeterminate' | 'done' | 'undefined' };
  parentKey?: string;
  /** Issue properties that were asked for, by key. */
  properties: Record<string, unknown>;
  /** The issue's links, only when asked for with `links: true`. */
  links?: IssueLinkSnapshot[];
}

/** One issue link seen from the issue: `outward` means "this issue <type.outward> the other", e.g. blocks it. */
export interface IssueLinkSnapshot {
  type: string;
  direction: 'outward' | 'inward';
  issueKey: string;
}

export interface SearchPage {
  issues: IssueSnapshot[];
  nextPageToken?: string;
}

/** Jira, as one person (`asUser`) or as the app. Not-found and not-browsable both read as `null`. */
export interface IssueTracker {
  getIssue(key: string, opts: { properties?: string[]; links?: boolean }): Promise<IssueSnapshot | null>;
  searchIssues(
    jql: string,
    opts: { maxResults: number; nextPageToken?: string; properties?: string[] },
  ): Promise<SearchPage>;
  countIssues(jql: string): Promise<number>;
}

/** Project permissions Accord checks on one issue. */
export type IssuePermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADD_COMMENTS';

/** A plain-text and HTML notification, as Jira's notify API sends it. */
export interface IssueNotification {
  subject: string;
  textBody: string;
  htmlBody: string;
  accountIds: string[];
}

/**
 * Jira writes and checks on one issue, as one person (`asUser`) or as the app. A refusal by Jira surfaces as
 * AppError FORBIDDEN (403) or NOT_FOUND (404); anything else as UpstreamError.
 */
export interface IssueActions {
  /** Which of `permissions` the caller holds on the issue; `null` when the issue is missing or hidden. */
  permissions<P extends IssuePermission>(
    issueKey: string,
    permissions: readonly P[],
  ): Promise<Record<P, boolean> | null>;
  setProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void>;
  /** Deletes a property; a property that is already gone is not an error. */
  deleteProperty(issueKey: string, propertyKey: string): Promise<void>;
  /** Adds a comment with an ADF body; returns its id. */
  addComment(issueKey: string, body: unknown): Promise<{ id: string }>;
  notify(issueKey: string, notification: IssueNotification): Promise<void>;
}

/** One line of the roles audit log (KVS entity `roles-audit`, index `by-issue`). */
export interface RolesAuditRecord {
  issueKey: string;
  /** ISO 8601 instant; the index sorts on it. */
  at: string;
  accountId: string;
  action: HistoryEntry['action'];
  entry: HistoryEntry;
}

export interface RolesAuditLog {
  append(record: RolesAuditRecord): Promise<void>;
  /** The issue's records, newest first, at most `limit`. */
  list(issueKey: string, limit: number): Promise<RolesAuditRecord[]>;
}

/** An entity kept with a revision: writes state the revision they were based on. */
export interface Versioned<T> {
  value: T;
  revision: number;
}

export class RevisionConflict extends Error {
  constructor(readonly currentRevision: number | null) {
    super('The record changed since it was read.');
  }
}

/** App storage (Forge KVS). Keys are built by src/adapters/storage-keys.ts, never taken from a browser. */
export interface DocumentStore<T> {
  get(id: string): Promise<Versioned<T> | undefined>;
  /**
   * Writes `value` as revision `basedOn + 1`, only when the stored revision is still `basedOn`
   * (0 means "must not exist yet"). Throws RevisionConflict otherwise.
   */
  put(id: string, value: T, basedOn: number): Promise<Versioned<T>>;
}

/** A plain key-value record the app owns (audit trails, sweep state). */
export interface RecordStore<T> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(prefix: string): string;
}

/** What one person may do with a Confluence page. */
export type PageAccess = 'none' | 'view' | 'edit';

/** Confluence, as one person. */
export interface Wiki {
  pageAccess(pageId: string): Promise<PageAccess>;
}

// ---- Project page (matrix, bulk apply) -------------------------------------------------------------

/** Jira reads in bulk, as one person: issues by key (≤ 100 a call) and issue keys of a JQL (large pages). */
export interface IssueBulkReader {
  fetchIssues(keys: readonly string[], opts: { properties?: string[] }): Promise<IssueSnapshot[]>;
  listIssueKeys(
    jql: string,
    opts: { maxResults: number; nextPageToken?: string },
  ): Promise<{ keys: string[]; nextPageToken?: string }>;
}

/** A Forge queue (`@forge/events`): each event is delivered to the consumer at least once. */
export interface WorkQueue<T> {
  push(events: readonly T[]): Promise<void>;
}

/** A bulk-apply job as stored (entity `bulk-job`). Progress is not kept here: it is the sum of its batches. */
export interface StoredBulkJob {
  jobId: string;
  ownerAccountId: string;
  createdAt: string;
  projectKey: string;
  framework: 'RACI' | 'DACI';
  assignments: Array<{ accountId: string; role: import('../shared/roles').Role }>;
  mode: 'replace' | 'merge';
  total: number;
  batchCount: number;
}

/** What one batch did; written once per batch, so a redelivered batch cannot count twice. */
export interface BulkBatchResult {
  index: number;
  processed: number;
  applied: number;
  skipped: Array<{ issueKey: string; reason: string }>;
  failed: Array<{ issueKey: string; reason: string }>;
}

export interface BulkJobStore {
  create(job: StoredBulkJob): Promise<void>;
  get(jobId: string): Promise<StoredBulkJob | undefined>;
  /** Whether the batch has a result already (a redelivery). */
  hasBatch(job: StoredBulkJob, index: number): Promise<boolean>;
  /** Writes the batch's result only if none exists; false when one did (nothing written). */
  recordBatch(job: StoredBulkJob, result: BulkBatchResult): Promise<boolean>;
  listBatches(job: StoredBulkJob): Promise<BulkBatchResult[]>;
}

/** One page of an indexed KVS query, in the index's order. */
export interface FeedPage<T> {
  items: Array<{ id: string; value: T }>;
  nextCursor?: string;
}

/** Records read page by page through a KVS index (never list-and-filter). */
export interface Feed<T> {
  page(opts: { limit: number; cursor?: string }): Promise<FeedPage<T>>;
}

/** A Confluence page a person may view, with the address to open it at (relative to the site). */
export interface PageLink {
  id: string;
  title: string;
  url: string;
}

/** Confluence as one person, many pages at once: one bulk call per up to 250 ids. */
export interface PageDirectory {
  /** Largest number of ids one call may ask about. */
  readonly batchSize: number;
  /** The pages among `pageIds` that the person may view; the others are simply absent. */
  viewablePages(pageIds: readonly string[]): Promise<Map<string, PageLink>>;
}

/** Jira's global permissions, asked as the calling person. */
export interface SiteAdministration {
  callerIsJiraAdmin(): Promise<boolean>;
}

/** The caller's own project permissions (`asUser`). */
export interface CallerProjectPermissions {
  /** The keys among `projectKeys` where the caller lacks any of `permissions` (a project they cannot see, too). */
  lacking(projectKeys: readonly string[], permissions: readonly string[]): Promise<string[]>;
}

// ---- Executive view (progress roll-up, status report) ------------------------------------------------

/** Jira's cheap searches, as one person or as the app. A JQL Jira refuses throws UpstreamError (400). */
export interface ProgressCounter {
  /** `POST /rest/api/3/search/approximate-count`. */
  count(jql: string): Promise<number>;
  /** `POST /rest/api/3/search/jql` with `maxResults: 1`, `fields: [duedate]`: the first issue's due date. */
  firstDueDate(jql: string): Promise<string | null>;
}

/** Where a brief's initiative lives (epics, JQL, baseline): kept beside the brief entity. */
export interface InitiativeRecord {
  scope: { epics: string[]; jql?: string };
  baseline?: { date: string; original?: string; movedOn?: string };
}

/** Change counters per Jira project (`*` for any project); a trigger bumps them, caches compare them. */
export interface EpochStore {
  read(projects: readonly string[]): Promise<Record<string, number>>;
  bump(projects: readonly string[]): Promise<void>;
}

/** A cached value with its own lifetime (KVS TTL on Forge). */
export interface ExpiringStore<T> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T, ttlSeconds: number): Promise<void>;
}

/** One day of an initiative's trend (entity `progress-snapshot`, index `by-brief`). */
export interface SnapshotStore {
  history(briefId: string): Promise<import('../domain/progress').Snapshot[]>;
  /** Writes the day's snapshot (callers write only when it changed). */
  put(briefId: string, snapshot: import('../domain/progress').Snapshot): Promise<void>;
}
