import type { RaciIssueReader } from '../app/raci-matrix/raci-ports';
import { UpstreamError } from '../app/errors';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { createJiraBulkReader } from './jira-bulk-reader';
import { createJiraRolesBatch } from './jira-roles-batch';
import { failure, isRawIssue, ISSUE_FIELDS, jsonPoster, toSnapshot } from './jira-issue-shape';
import { defaultRetryPolicy, type RetryPolicy } from './retrying-fetch';

/** One `key in (…)` search reads at most this many keys (a matrix holds at most 100 activities). */
const SEARCH_KEYS_LIMIT = 100;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/;

/**
 * Jira for a RACI matrix's issue rows over REST v3, as whoever `requester` acts for (`asUser()`):
 * - `readIssues`: ONE `POST /search/jql` with `key in (…)`, the fields the roles use cases read (with links, for
 *   the "blocks other work" finding) and the asked properties. A key that no longer exists makes the JQL invalid
 *   (400); only then the rows are read with `issue/bulkfetch`, which simply leaves such issues out.
 * - `fetchIssues`: `issue/bulkfetch` (the ancestors of rows without roles of their own, one call per level).
 * - `editableIssueIds`: ONE `POST /permissions/check` for EDIT_ISSUES on every row.
 */
export function createJiraRaciRows(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): RaciIssueReader {
  const post = jsonPoster(requester, retry);
  const bulk = createJiraBulkReader(requester, route, retry);
  const batch = createJiraRolesBatch(requester, route, retry);

  return {
    async readIssues(keys, { properties }) {
      if (keys.length === 0) return [];
      if (keys.length > SEARCH_KEYS_LIMIT)
        throw new Error(`readIssues takes at most ${SEARCH_KEYS_LIMIT} keys.`);
      if (keys.some((k) => !ISSUE_KEY.test(k)))
        throw new Error('readIssues was given a malformed issue key.');
      const res = await post(route`/rest/api/3/search/jql`, {
        jql: `key in (${keys.join(', ')})`,
        maxResults: keys.length,
        fields: [...ISSUE_FIELDS, 'issuelinks'],
        properties,
      });
      if (res.status === 400) return bulk.fetchIssues(keys, { properties });
      if (!res.ok) throw await failure(res, 'read the matrix issues');
      const body = (await res.json()) as { issues?: unknown };
      if (!Array.isArray(body.issues))
        throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
      return body.issues.filter(isRawIssue).map(toSnapshot);
    },
    fetchIssues: (keys, opts) => bulk.fetchIssues(keys, opts),
    editableIssueIds: (issueIds) => batch.editableIssueIds(issueIds),
  };
}
