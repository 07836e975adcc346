/** In-memory ports of the escalation engine, counting what a real adapter would cost. */
import {
  CLAIM_HOLD_MS,
  type BriefOwners,
  type ClaimOutcome,
  type EpisodeStore,
  type EscalationAuditStore,
  type EscalationIssue,
  type EscalationIssueSource,
  type EscalationJira,
  type IssueEdit,
} from '../../src/app/escalation/engine-ports';
import type { EpisodeState } from '../../src/domain/escalation';
import type { IssueNotification } from '../../src/app/ports';
import { UpstreamError } from '../../src/app/errors';
import type { EscalationAuditEntry } from '../../src/shared/escalation';

export const AMARA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e03';
export const GRACE = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e05';

/** The roles property as the Roles panel writes it. */
export const rolesProperty = (accountable: string[], framework: 'RACI' | 'DACI' = 'RACI') => ({
  version: 1,
  framework,
  assignments: accountable.map((accountId) => ({
    accountId,
    role: framework === 'DACI' ? 'approver' : 'accountable',
  })),
  revision: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: accountable[0] ?? 'nobody',
});

export function escalationIssue(over: Partial<EscalationIssue> & { key: string }): EscalationIssue {
  return {
    id: String(10_000 + Number(over.key.split('-')[1])),
    summary: `Summary of ${over.key}`,
    projectKey: over.key.split('-')[0] ?? 'LAUNCH',
    issueType: { name: 'Task', hierarchyLevel: 0 },
    status: { name: 'Blocked', category: 'indeterminate' },
    created: '2026-11-01T08:00:00.000Z',
    statusHistory: [],
    flagged: false,
    priority: 'Medium',
    resolved: false,
    properties: {},
    decisionLinks: [],
    ...over,
  };
}

/** Issues by key; `search` returns those `matches` lets through (JQL is not interpreted), counting calls. */
export function memoryIssueSource(
  issues: EscalationIssue[],
  matches: (issue: EscalationIssue, jql: string) => boolean = () => true,
): EscalationIssueSource & { calls: number; jqls: string[]; issues: Map<string, EscalationIssue> } {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const source = {
    calls: 0,
    jqls: [] as string[],
    issues: byKey,
    async search(jql: string, opts: { maxResults: number; nextPageToken?: string }) {
      source.calls++;
      source.jqls.push(jql);
      const all = [...byKey.values()].filter((i) => matches(i, jql));
      const start = Number(opts.nextPageToken ?? 0);
      const page = all.slice(start, start + opts.maxResults);
      const next = start + opts.maxResults < all.length ? String(start + opts.maxResults) : undefined;
      return { issues: page.map(clone), ...(next ? { nextPageToken: next } : {}) };
    },
    async fetch(keys: readonly string[]) {
      source.calls++;
      return [...byKey.values()].filter((i) => keys.includes(i.key) || keys.includes(i.id)).map(clone);
    },
  };
  return source;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export type JiraCall =
  | { kind: 'comment'; issueKey: string; body: unknown }
  | { kind: 'notify'; issueKey: string; notification: IssueNotification }
  | { kind: 'watcher'; issueKey: string; accountId: string }
  /** One `PUT /issue/{key}`: priority and labels with issue properties. */
  | { kind: 'edit'; issueKey: string; edit: IssueEdit }
  | { kind: 'set-property'; issueKey: string; key: string; value: unknown }
  | { kind: 'delete-property'; issueKey: string; key: string };

/** Jira's writes, recorded; `fail` makes an action throw as Jira's 503 would after retries. */
export function recordingJira(
  source?: { issues: Map<string, EscalationIssue> },
  groups: Record<string, string[]> = {},
): EscalationJira & { calls: JiraCall[]; fail: Set<JiraCall['kind']>; lookups: number } {
  const jira = {
    calls: [] as JiraCall[],
    fail: new Set<JiraCall['kind']>(),
    lookups: 0,
    record(call: JiraCall) {
      if (jira.fail.has(call.kind)) throw new UpstreamError('Jira refused (HTTP 503).', 503);
      jira.calls.push(call);
      // Keep the issue's stored properties in step, as Jira would.
      const issue = source?.issues.get(call.issueKey);
      if (issue && call.kind === 'set-property') issue.properties[call.key] = clone(call.value);
      if (issue && call.kind === 'delete-property') delete issue.properties[call.key];
      if (issue && call.kind === 'edit') {
        if (call.edit.priority) issue.priority = call.edit.priority;
        Object.assign(issue.properties, clone(call.edit.properties ?? {}));
      }
    },
    async priorities() {
      jira.lookups++;
      return ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
    },
    async groupMembers(name: string) {
      jira.lookups++;
      return groups[name] ?? [];
    },
    addComment: async (issueKey: string, body: unknown) => jira.record({ kind: 'comment', issueKey, body }),
    notify: async (issueKey: string, notification: IssueNotification) =>
      jira.record({ kind: 'notify', issueKey, notification }),
    addWatcher: async (issueKey: string, accountId: string) =>
      jira.record({ kind: 'watcher', issueKey, accountId }),
    editIssue: async (issueKey: string, edit: IssueEdit) => jira.record({ kind: 'edit', issueKey, edit }),
    setProperty: async (issueKey: string, key: string, value: unknown) =>
      jira.record({ kind: 'set-property', issueKey, key, value }),
    deleteProperty: async (issueKey: string, key: string) =>
      jira.record({ kind: 'delete-property', issueKey, key }),
  };
  return jira;
}

export type MemoryClaim =
  | { status: 'claimed'; done: string[]; until: string }
  | { status: 'failed'; done: string[] }
  | { status: 'fired'; at: string };

const holdUntil = (now: Date) => new Date(now.getTime() + CLAIM_HOLD_MS).toISOString();

/** Episodes and claims in memory; claims are atomic like KVS `FAIL_IF_EXISTS` (and the swap of a failed one). */
export function memoryEpisodeStore(): EpisodeStore & {
  data: Map<string, EpisodeState>;
  claims: Map<string, MemoryClaim>;
  writes: number;
} {
  const data = new Map<string, EpisodeState>();
  const claims = new Map<string, MemoryClaim>();
  const key = (issueKey: string, pathId: string) => `${issueKey}|${pathId}`;
  const claimKey = (s: EpisodeState, level: number) => `${s.issueKey}|${s.pathId}|${s.episodeId}|${level}`;
  const store = {
    data,
    claims,
    writes: 0,
    async get(issueKey: string, pathId: string) {
      const s = data.get(key(issueKey, pathId));
      return s ? clone(s) : undefined;
    },
    async listForIssue(issueKey: string) {
      return [...data.values()].filter((s) => s.issueKey === issueKey).map(clone);
    },
    async put(state: EpisodeState) {
      store.writes++;
      data.set(key(state.issueKey, state.pathId), clone(state));
    },
    async claim(state: EpisodeState, level: number, now: Date): Promise<ClaimOutcome> {
      const k = claimKey(state, level);
      const existing = claims.get(k);
      const free =
        !existing ||
        existing.status === 'failed' ||
        (existing.status === 'claimed' && Date.parse(existing.until) <= now.getTime());
      if (free) {
        store.writes++;
        const done = existing && existing.status !== 'fired' ? existing.done : [];
        claims.set(k, { status: 'claimed', done: [...done], until: holdUntil(now) });
        return { kind: 'claimed', done: [...done] };
      }
      return existing.status === 'fired' ? { kind: 'fired', at: existing.at } : { kind: 'held' };
    },
    async progress(state: EpisodeState, level: number, done: readonly string[], now: Date) {
      store.writes++;
      claims.set(claimKey(state, level), { status: 'claimed', done: [...done], until: holdUntil(now) });
    },
    async confirm(state: EpisodeState, level: number, at: string) {
      store.writes++;
      claims.set(claimKey(state, level), { status: 'fired', at });
    },
    async release(state: EpisodeState, level: number, done: readonly string[]) {
      store.writes++;
      if (done.length === 0) claims.delete(claimKey(state, level));
      else claims.set(claimKey(state, level), { status: 'failed', done: [...done] });
    },
  };
  return store;
}

export function memoryAudit(): EscalationAuditStore & { entries: EscalationAuditEntry[] } {
  const entries: EscalationAuditEntry[] = [];
  const newestFirst = () => [...entries].reverse().sort((a, b) => b.at.localeCompare(a.at));
  return {
    entries,
    async append(list) {
      entries.push(...list.map(clone));
    },
    async listForIssue(issueKey, limit) {
      return newestFirst()
        .filter((e) => e.issueKey === issueKey)
        .slice(0, limit);
    },
    async page({ limit, cursor, issueKey }) {
      const all = newestFirst().filter((e) => !issueKey || e.issueKey === issueKey);
      const start = Number(cursor ?? 0);
      const next = start + limit < all.length ? String(start + limit) : null;
      return { entries: all.slice(start, start + limit), cursor: next };
    },
  };
}

export const briefOwners = (owners: Record<string, string> = {}): BriefOwners => ({
  ownerOf: async (briefId) => owners[briefId],
});
