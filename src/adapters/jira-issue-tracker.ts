import type { IssueTracker, SearchPage } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { failure, isRawIssue, ISSUE_FIELDS, toSnapshot } from './jira-issue-shape';
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
