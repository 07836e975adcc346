import type { JiraRequester, RouteBuilder } from '../../src/adapters/jira-issue-tracker';
import type { Exchange } from '../contract/openapi-contract';

/** Builds a path from a template, encoding each value, as `@forge/api`'s `route` does. */
export const route: RouteBuilder = (strings, ...values) =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );

/**
 * Jira as `accountId` over HTTP to the local site at `siteUrl`, recording the path of each call it makes and
 * keeping each exchange for the spec check (`calls[i]` and `exchanges[i]` are the same call).
 */
export const jiraAs = (siteUrl: (() => string) | string, accountId: string) => {
  const base = () => (typeof siteUrl === 'function' ? siteUrl() : siteUrl);
  const calls: string[] = [];
  const exchanges: Exchange[] = [];
  const requester: JiraRequester = {
    async requestJira(path, init = {}) {
      calls.push(String(path));
      const res = await fetch(base() + String(path), {
        method: init.method ?? 'GET',
        headers: { ...(init.headers ?? {}), 'x-forge-user': accountId },
        ...(init.body ? { body: init.body } : {}),
      });
      const url = new URL(base() + String(path));
      const text = await res.clone().text();
      exchanges.push({
        method: init.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        ...(init.body ? { requestBody: JSON.parse(String(init.body)) as unknown } : {}),
        status: res.status,
        ...(text ? { responseBody: JSON.parse(text) as unknown } : {}),
      });
      return res;
    },
  };
  return { requester, calls, exchanges };
};
