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
}

export interface SearchPage {
  issues: IssueSnapshot[];
  nextPageToken?: string;
}

/** Jira, as one person (`asUser`) or as the app. Not-found and not-browsable both read as `null`. */
export interface IssueTracker {
  getIssue(key: string, opts: { properties?: string[] }): Promise<IssueSnapshot | null>;
  searchIssues(
    jql: string,
    opts: { maxResults: number; nextPageToken?: string; properties?: string[] },
  ): Promise<SearchPage>;
  countIssues(jql: string): Promise<number>;
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
