import type { RolesBatchJira } from '../app/roles-batch-ports';
import { UpstreamError } from '../app/errors';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { createJiraIssueActions } from './jira-issue-actions';
import { createJiraBulkReader } from './jira-bulk-reader';
import { failure, isRawIssue, ISSUE_FIELDS, jsonPoster, toSnapshot } from './jira-issue-shape';
import { defaultRetryPolicy, type RetryPolicy } from './retrying-fetch';

/** One `issue in (…)` search reads at most this many keys (bulk batches hold 25). */
const SEARCH_KEYS_LIMIT = 100;
/** Jira's `permissions/check` takes at most 1,000 issue ids. */
const PERMISSION_CHECK_LIMIT = 1000;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/;

/**
 * Jira for one bulk-apply batch over REST v3, as whoever `requester` acts for (`asUser(owner)`):
 * - `readIssues`: ONE `POST /search/jql` with `issue in (…)`, the fields Accord reads and the asked properties.
 *   JQL refuses the whole query when one key no longer exists (deleted or moved since the job started); only
 *   then the batch falls back to `issue/bulkfetch`, which simply leaves such issues out.
 * - `editableIssueIds`: ONE `POST /permissions/check` for EDIT_ISSUES on every id (answers for the caller).
 * - `setProperty`: the property PUT, with Jira's refusals mapped as in `createJiraIssueActions`.
 */
export function createJiraRolesBatch(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): RolesBatchJira {
  const post = jsonPoster(requester, retry);
  const actions = createJiraIssueActions(requester, route, retry);
  const bulk = createJiraBulkReader(requester, route, retry);

  return {
    async readIssues(keys, { properties }) {
      if (keys.length === 0) return [];
      if (keys.length > SEARCH_KEYS_LIMIT)
        throw new Error(`readIssues takes at most ${SEARCH_KEYS_LIMIT} keys.`);
      const bad = keys.find((k) => !ISSUE_KEY.test(k));
      if (bad !== undefined) throw new Error(`readIssues was given a malformed issue key.`);
      const res = await post(route`/rest/api/3/search/jql`, {
        jql: `issue in (${keys.join(', ')})`,
        maxResults: keys.length,
        fields: ISSUE_FIELDS,
        properties,
      });
      // A key that no longer exists makes the JQL invalid (400): read the batch the tolerant way instead.
      if (res.status === 400) return bulk.fetchIssues(keys, { properties });
      if (!res.ok) throw await failure(res, 'read the issues');
      const body = (await res.json()) as { issues?: unknown };
      if (!Array.isArray(body.issues))
        throw new UpstreamError('Jira answered the search with an unexpected shape.', 502);
      return body.issues.filter(isRawIssue).map(toSnapshot);
    },

    async editableIssueIds(issueIds) {
      if (issueIds.length === 0) return new Set();
      if (issueIds.length > PERMISSION_CHECK_LIMIT)
        throw new Error(`editableIssueIds takes at most ${PERMISSION_CHECK_LIMIT} ids.`);
      const ids = [...new Set(issueIds.map(Number))];
      if (!ids.every((id) => Number.isSafeInteger(id) && id > 0))
        throw new Error('editableIssueIds was given an id that is not a Jira issue id.');
      const res = await post(route`/rest/api/3/permissions/check`, {
        projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: ids }],
      });
      if (!res.ok) throw await failure(res, 'check your permissions');
      const body = (await res.json()) as {
        projectPermissions?: Array<{ permission?: unknown; issues?: unknown }>;
      };
      const grant = (body.projectPermissions ?? []).find((p) => p.permission === 'EDIT_ISSUES');
      const granted = Array.isArray(grant?.issues) ? grant.issues : [];
      // Only ids that were asked about count, whatever else the answer holds.
      const asked = new Set(issueIds);
      return new Set(granted.map((id) => String(id)).filter((id) => asked.has(id)));
    },

    setProperty: (issueKey, propertyKey, value) => actions.setProperty(issueKey, propertyKey, value),
  };
}
