import type { SiteAdministration } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';

/**
 * Jira's global permissions for the person making the request (`asUser()`): `ADMINISTER` is the
 * "Administer Jira" global permission, not any project's ADMINISTER_PROJECTS.
 */
export function createJiraSiteAdministration(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): SiteAdministration {
  return {
    async callerIsJiraAdmin() {
      const res = await withRetries(
        () =>
          requester.requestJira(route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`, {
            headers: { Accept: 'application/json' },
          }),
        retry,
      );
      if (!res.ok) {
        throw new UpstreamError(
          `Jira refused to say whether you are a Jira administrator (HTTP ${res.status}). Try again in a minute.`,
          res.status,
        );
      }
      const body = (await res.json()) as { permissions?: { ADMINISTER?: { havePermission?: unknown } } };
      return body.permissions?.ADMINISTER?.havePermission === true;
    },
  };
}
