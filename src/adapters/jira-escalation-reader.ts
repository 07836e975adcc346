import type { EscalationIssue, EscalationIssueSource } from '../app/escalation/engine-ports';
import { ENGINE_PROPERTIES } from '../app/escalation/issue-facts-from-jira';
import { createLimiter } from '../app/concurrency';
import { UpstreamError } from '../app/errors';
import { failure, isRawIssue } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

/** Jira Cloud's "Flagged" field (a multi-checkbox custom field); its id is per site, this is the usual one. */
export const DEFAULT_FLAGGED_FIELD = 'customfield_10021';
/** The link type name of a decision issue. */
const DECISION_TYPE = 'decision';
const BULK_LIMIT = 100;
const CHANGELOG_PAGE = 100;
/** At most this many changelog reads are in flight at once, however many issues a page holds. */
const CHANGELOG_CONCURRENCY = 5;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

interface RawItem {
  field?: unknown;
  toString?: unknown;
}
interface RawHistory {
  created?: string;
  items?: RawItem[];
}
interface RawLinked {
  key?: string;
  fields?: { issuetype?: { name?: string } };
}
interface RawEngineIssue {
  id: string | number;
  key: string;
  fields?: {
    summary?: string;
    project?: { key?: string };
    issuetype?: { name?: string; hierarchyLevel?: number };
    status?: { name?: string; statusCategory?: { key?: string } };
    created?: string;
    priority?: { name?: string } | null;
    duedate?: string | null;
    resolution?: unknown;
    parent?: { key?: string };
    issuelinks?: Array<{ outwardIssue?: RawLinked; inwardIssue?: RawLinked }>;
    [field: string]: unknown;
  };
  properties?: Record<string, unknown>;
  changelog?: { histories?: RawHistory[]; total?: number; startAt?: number; maxResults?: number };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isDecision = (o: RawLinked): boolean => {
  const name: unknown = o.fields?.issuetype?.name;
  return typeof name === 'string' && name.toLowerCase() === DECISION_TYPE;
};

/** The instant as ISO, or undefined when Jira's value is missing or does not parse. */
function isoInstant(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The status changes of a changelog page, oldest first; entries without a parseable instant are skipped. */
function statusChanges(histories: readonly unknown[]): Array<{ status: string; since: string }> {
  return histories
    .flatMap((h) => {
      if (!isObject(h) || !Array.isArray(h.items)) return [];
      const since = isoInstant(h.created);
      if (!since) return [];
      return (h.items as unknown[]).flatMap((i) => {
        // `toString` is Jira's field name (the new value), a string only when Jira sent one.
        const item = isObject(i) ? (i as RawItem) : undefined;
        return item?.field === 'status' && typeof item.toString === 'string'
          ? [{ status: item.toString, since }]
          : [];
      });
    })
    .sort((a, b) => a.since.localeCompare(b.since));
}

/**
 * The engine's Jira reads (`/search/jql` and `/issue/bulkfetch`, named fields, the Accord properties and the
 * changelog in the same call). As the app for triggers and the sweep, as the caller for the dry run.
 */
export function createJiraEscalationReader(
  requester: JiraRequester,
  route: RouteBuilder,
  opts: { flaggedField?: string; retry?: RetryPolicy } = {},
): EscalationIssueSource {
  const retry = opts.retry ?? defaultRetryPolicy;
  const flaggedField = opts.flaggedField ?? DEFAULT_FLAGGED_FIELD;
  const fields = [
    'summary',
    'project',
    'issuetype',
    'status',
    'created',
    'priority',
    'duedate',
    'resolution',
    'parent',
    'issuelinks',
    flaggedField,
  ];
  const call = (path: unknown, init?: Parameters<JiraRequester['requestJira']>[1]) =>
    withRetries(() => requester.requestJira(path, init), retry);

  // Shared by every search and fetch of this reader, so a 100-issue page does not fire 100 reads at once.
  const limit = createLimiter(CHANGELOG_CONCURRENCY);

  const statusHistory = async (raw: RawEngineIssue): Promise<unknown[]> => {
    const log = raw.changelog;
    const histories: unknown[] = Array.isArray(log?.histories) ? log.histories : [];
    if (!log || typeof log.total !== 'number' || log.total <= histories.length) return histories;
    // The search carries the first page only; the latest changes are on the last page.
    const startAt = Math.max(0, log.total - CHANGELOG_PAGE);
    return limit(async () => {
      const res = await call(
        route`/rest/api/3/issue/${raw.key}/changelog?startAt=${startAt}&maxResults=${CHANGELOG_PAGE}`,
      );
      if (!res.ok) throw await failure(res, `read the history of ${raw.key}`);
      const body: unknown = await res.json();
      if (!isObject(body) || !Array.isArray(body.values))
        throw new UpstreamError(`Jira answered the history of ${raw.key} with an unexpected shape.`, 502);
      return body.values as unknown[];
    });
  };

  const toIssue = async (raw: RawEngineIssue): Promise<EscalationIssue> => {
    const f = isObject(raw.fields) ? raw.fields : {};
    const category = f.status?.statusCategory?.key;
    const history = statusChanges(await statusHistory(raw));
    const flagged = f[flaggedField];
    const links: unknown[] = Array.isArray(f.issuelinks) ? f.issuelinks : [];
    const decisionLinks = links
      .filter(isObject)
      .map((l) => (l.outwardIssue ?? l.inwardIssue) as RawLinked | undefined)
      .filter((o): o is RawLinked => isObject(o) && typeof o.key === 'string' && isDecision(o))
      .map((o) => o.key as string);
    return {
      id: String(raw.id),
      key: raw.key,
      summary: f.summary ?? '',
      projectKey: f.project?.key ?? raw.key.slice(0, raw.key.lastIndexOf('-')),
      issueType: { name: f.issuetype?.name ?? '', hierarchyLevel: f.issuetype?.hierarchyLevel ?? 0 },
      status: {
        name: f.status?.name ?? '',
        category: category === 'new' || category === 'done' ? category : 'indeterminate',
      },
      created: isoInstant(f.created) ?? new Date(0).toISOString(),
      statusHistory: history,
      flagged: Array.isArray(flagged) ? flagged.length > 0 : flagged !== undefined && flagged !== null,
      ...(f.priority?.name ? { priority: f.priority.name } : {}),
      ...(f.duedate ? { dueDate: f.duedate } : {}),
      resolved: f.resolution !== undefined && f.resolution !== null,
      ...(f.parent?.key ? { parentKey: f.parent.key } : {}),
      properties: isObject(raw.properties) ? raw.properties : {},
      decisionLinks: [...new Set(decisionLinks)],
    };
  };

  /** The issues of a search or bulk fetch answer; issues without an id or key are skipped. */
  const parse = async (body: unknown, what: string, missing: unknown): Promise<EscalationIssue[]> => {
    const issues = isObject(body) ? (body.issues ?? missing) : undefined;
    if (!Array.isArray(issues))
      throw new UpstreamError(`Jira answered ${what} with an unexpected shape.`, 502);
    const raws = issues.filter((i): i is RawEngineIssue => isRawIssue(i));
    return Promise.all(raws.map(toIssue));
  };

  return {
    async search(jql, { maxResults, nextPageToken }) {
      const res = await call(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          jql,
          maxResults,
          fields,
          properties: ENGINE_PROPERTIES,
          expand: 'changelog',
          ...(nextPageToken ? { nextPageToken } : {}),
        }),
      });
      if (!res.ok) throw await failure(res, 'search for escalation candidates');
      const body: unknown = await res.json();
      return {
        issues: await parse(body, 'the search', undefined),
        ...(isObject(body) && typeof body.nextPageToken === 'string'
          ? { nextPageToken: body.nextPageToken }
          : {}),
      };
    },
    async fetch(keysOrIds) {
      const out: EscalationIssue[] = [];
      const unique = [...new Set(keysOrIds)];
      for (let i = 0; i < unique.length; i += BULK_LIMIT) {
        const res = await call(route`/rest/api/3/issue/bulkfetch`, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify({
            issueIdsOrKeys: unique.slice(i, i + BULK_LIMIT),
            fields,
            properties: ENGINE_PROPERTIES,
            expand: ['changelog'],
          }),
        });
        if (!res.ok) throw await failure(res, 'read the issues');
        out.push(...(await parse(await res.json(), 'the issues', [])));
      }
      return out;
    },
  };
}
