import type { IssueKeySearch } from '../app/compute-initiative-status';
import type { IssueDueDates } from '../app/key-set-rollup';
import { DUE_DATES_PER_PAGE, KEYS_PER_PAGE } from '../domain/progress/key-sets';
import type { ProgressCounter } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { failure } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

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
export const KEY_PAGE = KEYS_PER_PAGE;

/** One issue of a `search/jql` page, as far as these searches read it. */
interface FoundIssue {
  key?: unknown;
  properties?: unknown;
  fields?: { duedate?: unknown };
}

/**
 * `POST /rest/api/3/search/jql` with `body`, page after page (following `nextPageToken`), handing each page's
 * issues to `take` until it answers false or the search ends.
 */
async function searchPages(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy,
  body: Record<string, unknown>,
  take: (issues: FoundIssue[]) => boolean,
): Promise<void> {
  let token: string | undefined;
  for (;;) {
    const res = await withRetries(
      () =>
        requester.requestJira(route`/rest/api/3/search/jql`, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify({ ...body, ...(token ? { nextPageToken: token } : {}) }),
        }),
      retry,
    );
    if (!res.ok) throw await failure(res, 'run the search');
    const page = (await res.json()) as { issues?: unknown; nextPageToken?: unknown; isLast?: unknown };
    if (!Array.isArray(page.issues))
      throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
    const issues = page.issues.filter(
      (i): i is FoundIssue =>
        typeof i === 'object' && i !== null && typeof (i as FoundIssue).key === 'string',
    );
    if (!take(issues)) return;
    if (page.isLast !== false || typeof page.nextPageToken !== 'string' || page.nextPageToken === '') return;
    token = page.nextPageToken;
  }
}

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
      const body = {
        jql,
        fields: ['key'],
        maxResults: Math.min(KEY_PAGE, max + 1),
        ...(properties.length > 0 ? { properties } : {}),
      };
      await searchPages(requester, route, retry, body, (issues) => {
        for (const issue of issues) {
          const props =
            typeof issue.properties === 'object' && issue.properties !== null
              ? (issue.properties as Record<string, unknown>)
              : {};
          found.set(issue.key as string, props);
        }
        return found.size <= max;
      });
      return found.size > max ? null : found;
    },
  };
}

/**
 * Due dates of named issues as whoever `requester` acts for: `POST /rest/api/3/search/jql` with
 * `issuekey in (…)` and `fields: ['duedate']`, following `nextPageToken`. Issues the person may not browse are
 * simply absent.
 */
export function createJiraIssueDueDates(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): IssueDueDates {
  return {
    async dueDates(keys) {
      const due = new Map<string, string | null>();
      const valid = keys.filter((k) => ISSUE_KEY.test(k));
      if (valid.length === 0) return due;
      const body = {
        jql: `issuekey in (${valid.join(', ')})`,
        fields: ['duedate'],
        maxResults: DUE_DATES_PER_PAGE,
      };
      await searchPages(requester, route, retry, body, (issues) => {
        for (const issue of issues) {
          const d = issue.fields?.duedate;
          due.set(issue.key as string, typeof d === 'string' ? d : null);
        }
        return true;
      });
      return due;
    },
  };
}
