import type { IssueKeySearch } from '../app/compute-initiative-status';
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

/** Keys a page of `search/jql` returns when only `key` is asked for (Jira's own maximum). */
export const KEY_PAGE = 5000;

/**
 * Keys (and named issue properties) of the issues a JQL finds, as whoever `requester` acts for: `POST
 * /rest/api/3/search/jql` with `fields: ['key']`, 5,000 a page, following `nextPageToken`. Gives null as soon
 * as more than `max` issues are found, so a caller can count instead of listing.
 */
export function createJiraIssueKeySearch(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): IssueKeySearch {
  return {
    async find(jql, { properties = [], max }) {
      const found = new Map<string, Record<string, unknown>>();
      let token: string | undefined;
      for (;;) {
        const body = {
          jql,
          fields: ['key'],
          maxResults: Math.min(KEY_PAGE, max + 1),
          ...(properties.length > 0 ? { properties } : {}),
          ...(token ? { nextPageToken: token } : {}),
        };
        const res = await withRetries(
          () =>
            requester.requestJira(route`/rest/api/3/search/jql`, {
              method: 'POST',
              headers: JSON_HEADERS,
              body: JSON.stringify(body),
            }),
          retry,
        );
        if (!res.ok) throw await failure(res, 'run the search');
        const page = (await res.json()) as {
          issues?: Array<{ key?: unknown; properties?: unknown }>;
          nextPageToken?: unknown;
          isLast?: unknown;
        };
        if (!Array.isArray(page.issues))
          throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
        for (const issue of page.issues) {
          if (typeof issue.key !== 'string') continue;
          const props =
            typeof issue.properties === 'object' && issue.properties !== null
              ? (issue.properties as Record<string, unknown>)
              : {};
          found.set(issue.key, props);
        }
        if (found.size > max) return null;
        if (page.isLast !== false || typeof page.nextPageToken !== 'string' || page.nextPageToken === '')
          return found;
        token = page.nextPageToken;
      }
    },
  };
}
