import type { IssueLinkSnapshot, IssueSnapshot, IssueTracker, SearchPage } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { defaultRetryPolicy, withRetries, type MinimalResponse, type RetryPolicy } from './retrying-fetch';

/** What `asUser()` and `asApp()` of `@forge/api` give: one `requestJira`. */
export interface JiraRequester {
  requestJira(
    path: unknown,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<MinimalResponse>;
}

/** The route builder of `@forge/api`: escapes every value put into a path. */
export type RouteBuilder = (strings: TemplateStringsArray, ...values: unknown[]) => unknown;

const ISSUE_FIELDS = ['summary', 'issuetype', 'status', 'parent'];

interface RawIssue {
  id: string;
  key: string;
  fields?: {
    summary?: string;
    issuetype?: { name?: string; hierarchyLevel?: number };
    status?: { name?: string; statusCategory?: { key?: string } };
    parent?: { key?: string };
    issuelinks?: Array<{
      type?: { name?: string };
      outwardIssue?: { key?: string };
      inwardIssue?: { key?: string };
    }>;
  };
  properties?: Record<string, unknown>;
}

function toSnapshot(raw: RawIssue): IssueSnapshot {
  const f = raw.fields ?? {};
  const category = f.status?.statusCategory?.key;
  return {
    id: String(raw.id),
    key: raw.key,
    summary: f.summary ?? '',
    issueType: { name: f.issuetype?.name ?? 'Task', hierarchyLevel: f.issuetype?.hierarchyLevel ?? 0 },
    status: {
      name: f.status?.name ?? '',
      category:
        category === 'new' || category === 'indeterminate' || category === 'done' ? category : 'undefined',
    },
    ...(f.parent?.key ? { parentKey: f.parent.key } : {}),
    properties: raw.properties ?? {},
    ...(f.issuelinks ? { links: toLinks(f.issuelinks) } : {}),
  };
}

function toLinks(raw: NonNullable<NonNullable<RawIssue['fields']>['issuelinks']>): IssueLinkSnapshot[] {
  const links: IssueLinkSnapshot[] = [];
  for (const l of raw) {
    const type = l.type?.name ?? '';
    if (l.outwardIssue?.key) links.push({ type, direction: 'outward', issueKey: l.outwardIssue.key });
    else if (l.inwardIssue?.key) links.push({ type, direction: 'inward', issueKey: l.inwardIssue.key });
  }
  return links;
}

function isRawIssue(v: unknown): v is RawIssue {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as RawIssue).key === 'string' &&
    (v as RawIssue).id !== undefined
  );
}

async function failure(res: MinimalResponse, what: string): Promise<UpstreamError> {
  let detail = '';
  try {
    const body = (await res.json()) as { errorMessages?: string[] };
    detail = body.errorMessages?.join(' ') ?? '';
  } catch {
    // the body was not JSON; the status says enough
  }
  return new UpstreamError(`Jira refused to ${what} (HTTP ${res.status}). ${detail}`.trim(), res.status);
}

/** IssueTracker over Jira REST v3 through `@forge/api`. Every call names its fields. */
export function createJiraIssueTracker(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): IssueTracker {
  const call = (path: unknown, init?: Parameters<JiraRequester['requestJira']>[1]) =>
    withRetries(() => requester.requestJira(path, init), retry);

  return {
    async getIssue(key, { properties = [], links = false }) {
      const fields = links ? [...ISSUE_FIELDS, 'issuelinks'] : ISSUE_FIELDS;
      const res = await call(
        route`/rest/api/3/issue/${key}?fields=${fields.join(',')}&properties=${properties.join(',')}`,
      );
      if (res.status === 404 || res.status === 403) return null;
      if (!res.ok) throw await failure(res, `read issue ${key}`);
      const body = await res.json();
      if (!isRawIssue(body))
        throw new UpstreamError(`Jira answered issue ${key} with an unexpected shape.`, 502);
      return toSnapshot(body);
    },

    async searchIssues(jql, { maxResults, nextPageToken, properties = [] }) {
      const res = await call(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          jql,
          maxResults,
          fields: ISSUE_FIELDS,
          properties,
          ...(nextPageToken ? { nextPageToken } : {}),
        }),
      });
      if (!res.ok) throw await failure(res, 'run the search');
      const body = (await res.json()) as { issues?: unknown[]; nextPageToken?: string };
      if (!Array.isArray(body.issues))
        throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
      const page: SearchPage = { issues: body.issues.filter(isRawIssue).map(toSnapshot) };
      if (typeof body.nextPageToken === 'string') page.nextPageToken = body.nextPageToken;
      return page;
    },

    async countIssues(jql) {
      const res = await call(route`/rest/api/3/search/approximate-count`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ jql }),
      });
      if (!res.ok) throw await failure(res, 'count issues');
      const body = (await res.json()) as { count?: unknown };
      if (typeof body.count !== 'number')
        throw new UpstreamError('Jira answered the count with an unexpected shape.', 502);
      return body.count;
    },
  };
}
