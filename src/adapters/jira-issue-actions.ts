import type { IssueActions, IssuePermission } from '../app/ports';
import { AppError, UpstreamError } from '../app/errors';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type MinimalResponse, type RetryPolicy } from './retrying-fetch';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

async function jiraMessage(res: MinimalResponse): Promise<string> {
  try {
    const body = (await res.json()) as { errorMessages?: string[]; errors?: Record<string, string> };
    return [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})].join(' ');
  } catch {
    return '';
  }
}

/** Jira's refusal as the error a person can act on; 401/403 mean the caller may not do this. */
async function refusal(res: MinimalResponse, issueKey: string, what: string): Promise<AppError> {
  const detail = await jiraMessage(res);
  if (res.status === 401 || res.status === 403) {
    return new AppError('FORBIDDEN', `Jira did not let you ${what} on ${issueKey}. ${detail}`.trim(), {
      status: res.status,
    });
  }
  if (res.status === 404) {
    return new AppError(
      'NOT_FOUND',
      `Issue ${issueKey} does not exist or you do not have permission to see it.`,
    );
  }
  return new UpstreamError(
    `Jira refused to ${what} on ${issueKey} (HTTP ${res.status}). ${detail}`.trim(),
    res.status,
  );
}

/** IssueActions over Jira REST v3: permissions, issue properties, comments and notify. */
export function createJiraIssueActions(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): IssueActions {
  const call = (path: unknown, init?: Parameters<JiraRequester['requestJira']>[1]) =>
    withRetries(() => requester.requestJira(path, init), retry);

  return {
    async permissions<P extends IssuePermission>(issueKey: string, keys: readonly P[]) {
      const res = await call(
        route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${keys.join(',')}`,
      );
      if (res.status === 404) return null;
      if (!res.ok) throw await refusal(res, issueKey, 'check your permissions');
      const body = (await res.json()) as { permissions?: Record<string, { havePermission?: unknown }> };
      const out = {} as Record<P, boolean>;
      for (const key of keys) out[key] = body.permissions?.[key]?.havePermission === true;
      return out;
    },

    async setProperty(issueKey, propertyKey, value) {
      const res = await call(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, {
        method: 'PUT',
        headers: JSON_HEADERS,
        body: JSON.stringify(value),
      });
      if (!res.ok) throw await refusal(res, issueKey, 'save the roles');
    },

    async deleteProperty(issueKey, propertyKey) {
      const res = await call(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, {
        method: 'DELETE',
      });
      // Already gone is what we wanted; only a missing issue is an error, and Jira says so the same way.
      if (res.status === 404) return;
      if (!res.ok) throw await refusal(res, issueKey, 'remove the roles');
    },

    async addComment(issueKey, body) {
      const res = await call(route`/rest/api/3/issue/${issueKey}/comment`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ body }),
      });
      if (!res.ok) throw await refusal(res, issueKey, 'add a comment');
      const created = (await res.json()) as { id?: unknown };
      if (typeof created.id !== 'string' && typeof created.id !== 'number') {
        throw new UpstreamError(
          `Jira answered the new comment on ${issueKey} with an unexpected shape.`,
          502,
        );
      }
      return { id: String(created.id) };
    },

    async notify(issueKey, n) {
      const res = await call(route`/rest/api/3/issue/${issueKey}/notify`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          subject: n.subject,
          textBody: n.textBody,
          htmlBody: n.htmlBody,
          to: {
            reporter: false,
            assignee: false,
            watchers: false,
            voters: false,
            users: n.accountIds.map((accountId) => ({ accountId })),
          },
        }),
      });
      if (!res.ok) throw await refusal(res, issueKey, 'send a notification');
    },
  };
}
