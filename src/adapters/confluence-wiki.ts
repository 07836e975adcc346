import type { PageAccess, Wiki } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { defaultRetryPolicy, withRetries, type MinimalResponse, type RetryPolicy } from './retrying-fetch';
import type { RouteBuilder } from './jira-issue-tracker';

export interface ConfluenceRequester {
  requestConfluence(
    path: unknown,
    init?: { method?: string; headers?: Record<string, string> },
  ): Promise<MinimalResponse>;
}

/** Wiki over Confluence REST v2: a page the person cannot view answers 404; `operations` lists "update". */
export function createConfluenceWiki(
  requester: ConfluenceRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): Wiki {
  return {
    async pageAccess(pageId): Promise<PageAccess> {
      const res = await withRetries(
        () => requester.requestConfluence(route`/wiki/api/v2/pages/${pageId}/operations`),
        retry,
      );
      if (res.status === 404 || res.status === 403) return 'none';
      if (!res.ok)
        throw new UpstreamError(
          `Confluence refused to check page ${pageId} (HTTP ${res.status}).`,
          res.status,
        );
      const body = (await res.json()) as { operations?: Array<{ operation?: string; targetType?: string }> };
      const ops = Array.isArray(body.operations) ? body.operations : [];
      return ops.some((o) => o.operation === 'update') ? 'edit' : 'view';
    },
  };
}
