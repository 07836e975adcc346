/**
 * Where a Confluence page lives on the local site. `router.navigate({ target: 'contentView', contentId })` only
 * knows the page id; from a Jira issue view (the Roles panel's "Part of brief", its decisions) there is no
 * current space to borrow, so the host asks the emulated Confluence, as the viewer, which space the page is in.
 */
import type { ProductFetch } from './product-fetch';

/** The path the local site uses for a content-view target: resolved on the server, then redirected. */
export const CONTENT_VIEW_PATH = '/wiki/pages/viewpage.action';

/**
 * `/wiki/spaces/<key>/pages/<id>` for a page the viewer can see (two Confluence reads as them: the page, then
 * its space), or `undefined` when the page does not exist or is hidden from them.
 */
export async function pagePathOf(get: ProductFetch, pageId: string): Promise<string | undefined> {
  if (!/^[0-9]{1,20}$/.test(pageId)) return undefined;
  const pageAnswer = await get<{ id?: string; spaceId?: string }>(
    `/wiki/api/v2/pages/${encodeURIComponent(pageId)}`,
  );
  const spaceId = pageAnswer.status === 200 ? pageAnswer.body?.spaceId : undefined;
  if (!spaceId) return undefined;
  const spaceAnswer = await get<{ key?: string }>(`/wiki/api/v2/spaces/${encodeURIComponent(spaceId)}`);
  const key = spaceAnswer.status === 200 ? spaceAnswer.body?.key : undefined;
  if (!key) return undefined;
  return `/wiki/spaces/${encodeURIComponent(key)}/pages/${encodeURIComponent(pageId)}`;
}
