import type { EscalationIssue, EscalationIssueSource } from '../app/escalation/engine-ports';
import { ENGINE_PROPERTIES } from '../app/escalation/issue-facts-from-jira';
import { UpstreamError } from '../app/errors';
import { failure } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

/** Jira Cloud's "Flagged" field (a multi-checkbox custom field); its id is per site, this is the usual one. */
export const DEFAULT_FLAGGED_FIELD = 'customfield_10021';
/** The link type name of a decision issue. */
const DECISION_TYPE = 'decision';
const BULK_LIMIT = 100;
const CHANGELOG_PAGE = 100;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

interface RawHistory {
  created?: string;
  items?: Array<{ field?: string; toString?: string | null }>;
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

  const statusHistory = async (raw: RawEngineIssue): Promise<RawHistory[]> => {
    const log = raw.changelog;
    const histories = log?.histories ?? [];
    if (!log || log.total === undefined || log.total <= histories.length) return histories;
    // The search carries the first page only; the latest changes are on the last page.
    const startAt = Math.max(0, log.total - CHANGELOG_PAGE);
    const res = await call(
      route`/rest/api/3/issue/${raw.key}/changelog?startAt=${startAt}&maxResults=${CHANGELOG_PAGE}`,
    );
    if (!res.ok) throw await failure(res, `read the history of ${raw.key}`);
    const body = (await res.json()) as { values?: RawHistory[] };
    return body.values ?? histories;
  };

  const toIssue = async (raw: RawEngineIssue): Promise<EscalationIssue> => {
    const f = raw.fields ?? {};
    const category = f.status?.statusCategory?.key;
    const history = (await statusHistory(raw))
      .flatMap((h) =>
        (h.items ?? [])
          .filter((i) => i.field === 'status' && typeof i.toString === 'string' && h.created)
          .map((i) => ({ status: i.toString as string, since: new Date(h.created as string).toISOString() })),
      )
      .sort((a, b) => a.since.localeCompare(b.since));
    const flagged = f[flaggedField];
    const decisionLinks = (f.issuelinks ?? [])
      .map((l) => l.outwardIssue ?? l.inwardIssue)
      .filter((o): o is RawLinked => !!o?.key && o.fields?.issuetype?.name?.toLowerCase() === DECISION_TYPE)
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
      created: f.created ? new Date(f.created).toISOString() : new Date(0).toISOString(),
      statusHistory: history,
      flagged: Array.isArray(flagged) ? flagged.length > 0 : flagged !== undefined && flagged !== null,
      ...(f.priority?.name ? { priority: f.priority.name } : {}),
      ...(f.duedate ? { dueDate: f.duedate } : {}),
      resolved: f.resolution !== undefined && f.resolution !== null,
      ...(f.parent?.key ? { parentKey: f.parent.key } : {}),
      properties: raw.properties ?? {},
      decisionLinks: [...new Set(decisionLinks)],
    };
  };

  const parse = async (issues: unknown): Promise<EscalationIssue[]> => {
    if (!Array.isArray(issues)) throw new UpstreamError('Jira answered with an unexpected shape.', 502);
    const raws = issues.filter(
      (i): i is RawEngineIssue =>
        typeof i === 'object' && i !== null && typeof (i as RawEngineIssue).key === 'string',
    );
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
      const body = (await res.json()) as { issues?: unknown; nextPageToken?: unknown };
      return {
        issues: await parse(body.issues),
        ...(typeof body.nextPageToken === 'string' ? { nextPageToken: body.nextPageToken } : {}),
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
        const body = (await res.json()) as { issues?: unknown };
        out.push(...(await parse(body.issues ?? [])));
      }
      return out;
    },
  };
}
