import type { ProgressCounter } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { failure } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** Jira's cheap searches for the roll-up: approximate counts and one-issue searches, never paging. */
export function createJiraProgressCounter(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): ProgressCounter {
  const post = (path: unknown, body: unknown) =>
    withRetries(
      () =>
        requester.requestJira(path, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }),
      retry,
    );
  return {
    async count(jql) {
      const res = await post(route`/rest/api/3/search/approximate-count`, { jql });
      if (!res.ok) throw await failure(res, 'count issues');
      const body = (await res.json()) as { count?: unknown };
      if (typeof body.count !== 'number')
        throw new UpstreamError('Jira answered the count with an unexpected shape.', 502);
      return body.count;
    },
    async firstDueDate(jql) {
      const res = await post(route`/rest/api/3/search/jql`, { jql, maxResults: 1, fields: ['duedate'] });
      if (!res.ok) throw await failure(res, 'run the search');
      const body = (await res.json()) as { issues?: Array<{ fields?: { duedate?: unknown } }> };
      if (!Array.isArray(body.issues))
        throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
      const due = body.issues[0]?.fields?.duedate;
      return typeof due === 'string' ? due : null;
    },
  };
}
