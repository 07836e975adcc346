import type { CallerProjectPermissions, SiteAdministration } from '../app/ports';
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

/**
 * The caller's permissions in named projects (`asUser()`): one `GET /rest/api/3/mypermissions?projectKey=…`
 * per project (a path names a handful). A project Jira does not show them (404) lacks everything.
 */
export function createJiraCallerProjectPermissions(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): CallerProjectPermissions {
  return {
    async lacking(projectKeys, permissions) {
      const answers = await Promise.all(
        [...new Set(projectKeys)].map(async (key) => {
          const res = await withRetries(
            () =>
              requester.requestJira(
                route`/rest/api/3/mypermissions?projectKey=${key}&permissions=${permissions.join(',')}`,
                { headers: { Accept: 'application/json' } },
              ),
            retry,
          );
          if (res.status === 404 || res.status === 400) return { key, ok: false };
          if (!res.ok) {
            throw new UpstreamError(
              `Jira refused to say what you may do in ${key} (HTTP ${res.status}). Try again in a minute.`,
              res.status,
            );
          }
          const body = (await res.json()) as { permissions?: Record<string, { havePermission?: unknown }> };
          return { key, ok: permissions.every((p) => body.permissions?.[p]?.havePermission === true) };
        }),
      );
      return answers.filter((a) => !a.ok).map((a) => a.key);
    },
  };
}
