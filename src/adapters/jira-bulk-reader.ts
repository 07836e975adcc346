import type { IssueBulkReader } from '../app/ports';
import { UpstreamError } from '../app/errors';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, type RetryPolicy } from './retrying-fetch';

import { BULK_FETCH_LIMIT } from '../app/bulk-limits';
import { failure, isRawIssue, ISSUE_FIELDS, jsonPoster, toSnapshot } from './jira-issue-shape';

/** Bulk Jira reads over REST v3: `issue/bulkfetch` and key-only `search/jql` pages (up to 5,000 keys). */
export function createJiraBulkReader(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): IssueBulkReader {
  const post = jsonPoster(requester, retry);
  return {
    async fetchIssues(keys, { properties = [] }) {
      if (keys.length === 0) return [];
      if (keys.length > BULK_FETCH_LIMIT)
        throw new Error(`fetchIssues takes at most ${BULK_FETCH_LIMIT} keys.`);
      const res = await post(route`/rest/api/3/issue/bulkfetch`, {
        issueIdsOrKeys: keys,
        fields: ISSUE_FIELDS,
        properties,
      });
      if (!res.ok) throw await failure(res, 'read issues');
      const body = (await res.json()) as { issues?: unknown[] };
      // Issues the person may not browse come back in `issueErrors`: they are simply not there.
      return (body.issues ?? []).filter(isRawIssue).map(toSnapshot);
    },

    async listIssueKeys(jql, { maxResults, nextPageToken }) {
      const res = await post(route`/rest/api/3/search/jql`, {
        jql,
        maxResults,
        fields: ['key'],
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      if (!res.ok) throw await failure(res, 'run the search');
      const body = (await res.json()) as { issues?: unknown[]; nextPageToken?: string };
      if (!Array.isArray(body.issues))
        throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
      const keys = body.issues.filter(isRawIssue).map((i) => i.key);
      return typeof body.nextPageToken === 'string' ? { keys, nextPageToken: body.nextPageToken } : { keys };
    },
  };
}
