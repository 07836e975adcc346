import type { EscalationJira } from '../app/escalation/engine-ports';
import { UpstreamError } from '../app/errors';
import { createJiraIssueActions } from './jira-issue-actions';
import { failure } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
const GROUP_PAGE = 50;
/** A group larger than this is cut: a level should name a small group, not everyone. */
const MAX_GROUP_MEMBERS = 200;

/** A page of `GET /group/member`. */
interface Page {
  values?: unknown;
  isLast?: unknown;
}

/** An object whose `prop` is a string (a priority's name, a member's account id). */
const isNamed = <K extends string>(v: unknown, prop: K): v is Record<K, string> =>
  typeof v === 'object' && v !== null && typeof (v as Record<K, unknown>)[prop] === 'string';

/**
 * The level actions and site lookups as the app: comment, notify, watchers, priority, labels, the
 * `accord-escalation` property, the priority list and group members. 429 and 5xx are retried honouring
 * Retry-After; anything still failing throws, so the level is not marked fired.
 */
export function createJiraEscalationActions(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): EscalationJira {
  const base = createJiraIssueActions(requester, route, retry);
  const call = (path: unknown, init?: Parameters<JiraRequester['requestJira']>[1]) =>
    withRetries(() => requester.requestJira(path, init), retry);
  const edit = async (issueKey: string, body: unknown, what: string) => {
    const res = await call(route`/rest/api/3/issue/${issueKey}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    if (!res.ok) throw await failure(res, `${what} on ${issueKey}`);
  };
  return {
    async priorities() {
      const res = await call(route`/rest/api/3/priority`);
      if (!res.ok) throw await failure(res, 'read the priorities');
      const body: unknown = await res.json();
      if (!Array.isArray(body))
        throw new UpstreamError('Jira answered the priorities with an unexpected shape.', 502);
      return (body as unknown[]).flatMap((p) => (isNamed(p, 'name') ? [p.name] : []));
    },
    async groupMembers(group) {
      const out: string[] = [];
      let startAt = 0;
      for (;;) {
        const res = await call(
          route`/rest/api/3/group/member?groupname=${group}&startAt=${startAt}&maxResults=${GROUP_PAGE}`,
        );
        if (res.status === 404) return [];
        if (!res.ok) throw await failure(res, `read the members of ${group}`);
        const body: unknown = await res.json();
        const values: unknown = typeof body === 'object' && body !== null ? (body as Page).values : undefined;
        if (!Array.isArray(values))
          throw new UpstreamError(`Jira answered the members of ${group} with an unexpected shape.`, 502);
        (values as unknown[]).forEach((v) => isNamed(v, 'accountId') && out.push(v.accountId));
        if ((body as Page).isLast !== false || values.length === 0 || out.length >= MAX_GROUP_MEMBERS)
          return out;
        startAt += values.length;
      }
    },
    async addComment(issueKey, body) {
      await base.addComment(issueKey, body);
    },
    notify: (issueKey, n) => base.notify(issueKey, n),
    async addWatcher(issueKey, accountId) {
      const res = await call(route`/rest/api/3/issue/${issueKey}/watchers`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(accountId),
      });
      if (!res.ok) throw await failure(res, `add a watcher to ${issueKey}`);
    },
    editIssue: (issueKey, e) => {
      const labels = e.addLabels ?? [];
      const properties = Object.entries(e.properties ?? {});
      return edit(
        issueKey,
        {
          ...(e.priority ? { fields: { priority: { name: e.priority } } } : {}),
          ...(labels.length > 0 ? { update: { labels: labels.map((add) => ({ add })) } } : {}),
          ...(properties.length > 0
            ? { properties: properties.map(([key, value]) => ({ key, value })) }
            : {}),
        },
        'edit the issue',
      );
    },
    setProperty: (issueKey, key, value) => base.setProperty(issueKey, key, value),
    deleteProperty: (issueKey, key) => base.deleteProperty(issueKey, key),
  };
}
