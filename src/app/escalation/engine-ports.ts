/** Ports of the escalation engine: Jira as the app (reads in bulk, the level actions), episode state and audit in KVS. */
import type { EpisodeState } from '../../domain/escalation';
import type { EscalationAuditEntry } from '../../shared/escalation';
import type { IssueNotification } from '../ports';

/** One issue as the engine reads it (named fields, the Accord properties, the status history). */
export interface EscalationIssue {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  issueType: { name: string; hierarchyLevel: number };
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  /** ISO instants. */
  created: string;
  /** Status history oldest first: the issue entered `status` at `since` (from the changelog). */
  statusHistory: Array<{ status: string; since: string }>;
  flagged: boolean;
  priority?: string;
  /** `yyyy-MM-dd`. */
  dueDate?: string;
  resolved: boolean;
  parentKey?: string;
  /** Raw issue properties that were asked for (`accord-roles`, `accord-decisions`, `accord-escalation`, `accord-brief`). */
  properties: Record<string, unknown>;
  /** Keys of linked issues whose type is Decision. */
  decisionLinks: string[];
}

export interface EscalationSearchPage {
  issues: EscalationIssue[];
  nextPageToken?: string;
}

/** Jira reads for the engine. As the app for triggers and the sweep; as the caller for the dry run. */
export interface EscalationIssueSource {
  search(jql: string, opts: { maxResults: number; nextPageToken?: string }): Promise<EscalationSearchPage>;
  /** Issues by key or id (one bulk call per 100); missing ones are left out. */
  fetch(keysOrIds: readonly string[]): Promise<EscalationIssue[]>;
}

/** Jira writes and site lookups the level actions need, as the app. Failures throw (after retries). */
export interface EscalationJira {
  /** Priority names, most urgent first. */
  priorities(): Promise<string[]>;
  groupMembers(group: string): Promise<string[]>;
  addComment(issueKey: string, body: unknown): Promise<void>;
  notify(issueKey: string, notification: IssueNotification): Promise<void>;
  addWatcher(issueKey: string, accountId: string): Promise<void>;
  /**
   * One `PUT /issue/{key}`: the level's field edits (priority, labels) and issue properties together
   * (`IssueUpdateDetails.properties`), so a level that edits the issue records its state in the same call.
   */
  editIssue(issueKey: string, edit: IssueEdit): Promise<void>;
  setProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void>;
  deleteProperty(issueKey: string, propertyKey: string): Promise<void>;
}

/** How long a run holds a level's claim before another run may take it over (a Forge invocation lasts < 15 min). */
export const CLAIM_HOLD_MS = 15 * 60_000;

/** Field edits and issue properties written in one issue edit. */
export interface IssueEdit {
  priority?: string;
  addLabels?: string[];
  properties?: Record<string, unknown>;
}

/**
 * What a level's claim says: this run holds it (with the actions an earlier, partly failed attempt already
 * completed, which must not run again), someone else is firing it now, or it fired (and when).
 */
export type ClaimOutcome =
  { kind: 'claimed'; done: string[] } | { kind: 'held' } | { kind: 'fired'; at: string };

/** Entity `escalation-episode`: the latest episode per issue and path, and the per-level firing claims. */
export interface EpisodeStore {
  get(issueKey: string, pathId: string): Promise<EpisodeState | undefined>;
  /** Every path's latest episode on the issue (index by issue). */
  listForIssue(issueKey: string): Promise<EpisodeState[]>;
  put(state: EpisodeState): Promise<void>;
  /**
   * Claims a level of an episode once (conditional write): of two concurrent deliveries only one gets
   * `claimed`. A claim is held for `CLAIM_HOLD_MS` from `now`; a claim left by a crashed run (held past that)
   * or by a partly failed one is taken over by an atomic swap, with the actions it had completed.
   */
  claim(state: EpisodeState, level: number, now: Date): Promise<ClaimOutcome>;
  /** Records, under the held claim, the actions that have succeeded so far (a crash then repeats none of them). */
  progress(state: EpisodeState, level: number, done: readonly string[], now: Date): Promise<void>;
  /** The claimed level's actions succeeded: the claim becomes the permanent record that it fired. */
  confirm(state: EpisodeState, level: number, at: string): Promise<void>;
  /** An action failed: frees the claim so a later sweep retries, keeping the actions that succeeded (`done`). */
  release(state: EpisodeState, level: number, done: readonly string[]): Promise<void>;
}

/** Entity `escalation-audit`: every step, by issue and by time. */
export interface EscalationAuditStore {
  append(entries: readonly EscalationAuditEntry[]): Promise<void>;
  listForIssue(issueKey: string, limit: number): Promise<EscalationAuditEntry[]>;
  /** The site's log, newest first. */
  page(opts: { limit: number; cursor?: string; issueKey?: string }): Promise<{
    entries: EscalationAuditEntry[];
    cursor: string | null;
  }>;
}

/** The owner of a brief (entity `brief`), for the `brief-owner` target. */
export interface BriefOwners {
  ownerOf(briefId: string): Promise<string | undefined>;
}
