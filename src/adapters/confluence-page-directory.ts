import type { PageDirectory, PageLink } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';
import type { ConfluenceRequester } from './confluence-wiki';
import type { RouteBuilder } from './jira-issue-tracker';

/** Confluence v2 `GET /pages?id=` takes at most 250 ids, and `limit` at most 250 results. */
const MAX_IDS = 250;
const PAGE_ID = /^[0-9]{1,20}$/;

interface RawPage {
  id?: unknown;
  title?: unknown;
  _links?: { webui?: unknown };
}

/**
 * Which pages one person may view, many at once: `GET /wiki/api/v2/pages?id=1,2,…&limit=n` as that person
 * answers only the pages they can see (current and archived ones), so one call covers up to 250 pages.
 */
export function createConfluencePageDirectory(
  requester: ConfluenceRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): PageDirectory {
  return {
    batchSize: MAX_IDS,
    async viewablePages(pageIds) {
      const ids = [...new Set(pageIds)].filter((id) => PAGE_ID.test(id));
      const viewable = new Map<string, PageLink>();
      if (ids.length === 0) return viewable;
      if (ids.length > MAX_IDS) throw new Error(`Ask about at most ${MAX_IDS} pages at once.`);
      const res = await withRetries(
        () =>
          requester.requestConfluence(route`/wiki/api/v2/pages?id=${ids.join(',')}&limit=${ids.length}`, {
            headers: { Accept: 'application/json' },
          }),
        retry,
      );
      if (!res.ok) {
        throw new UpstreamError(
          `Confluence refused to list the briefs' pages (HTTP ${res.status}). Try again in a minute.`,
          res.status,
        );
      }
      const body = (await res.json()) as { results?: unknown };
      if (!Array.isArray(body.results)) {
        throw new UpstreamError("Confluence answered the briefs' pages with an unexpected shape.", 502);
      }
      for (const raw of body.results as RawPage[]) {
        const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : undefined;
        if (!id || !ids.includes(id)) continue;
        const webui = typeof raw._links?.webui === 'string' ? raw._links.webui : undefined;
        viewable.set(id, {
          id,
          title: typeof raw.title === 'string' ? raw.title : '',
          // `webui` is relative to the wiki base (`https://site/wiki`); the site-relative address opens in Jira too.
          url: webui?.startsWith('/') ? `/wiki${webui}` : `/wiki/pages/viewpage.action?pageId=${id}`,
        });
      }
      return viewable;
    },
  };
}
