import type { BriefList, BriefListItem } from '../shared/settings';
import type { Brief } from '../domain/brief/brief';
import type { Feed, PageDirectory, PageLink } from './ports';

export const LIST_BRIEFS_LIMITS = {
  /** Briefs read per KVS query. */
  pageSize: 100,
  /** Briefs read per listing at most (newest first); older ones are left out and `truncated` says so. */
  maxBriefs: 1000,
  /** Confluence calls in flight at once. */
  parallel: 5,
};

/**
 * The briefs a person may see, newest first: read through the KVS `by-updated` index page by page, then
 * each brief's Confluence page checked as that person in bulk (one call per up to 250 pages). A brief
 * whose page the person cannot view is not listed, so the overview never leaks a confidential title.
 */
export async function listBriefs(
  deps: { briefs: Feed<Brief>; pages: PageDirectory },
  limits: typeof LIST_BRIEFS_LIMITS = LIST_BRIEFS_LIMITS,
): Promise<BriefList> {
  const found: Array<{ id: string; value: Brief }> = [];
  let cursor: string | undefined;
  do {
    const page = await deps.briefs.page({
      limit: Math.min(limits.pageSize, limits.maxBriefs - found.length),
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && found.length < limits.maxBriefs);

  const viewable = await viewablePages(
    deps.pages,
    [...new Set(found.map((b) => b.value.pageId))],
    limits.parallel,
  );
  const briefs: BriefListItem[] = [];
  for (const { id, value } of found) {
    const link = viewable.get(value.pageId);
    if (!link) continue;
    briefs.push({
      id,
      title: value.title,
      status: value.status,
      ownerAccountId: value.ownerAccountId || null,
      updatedAt: value.updatedAt,
      pageId: value.pageId,
      pageUrl: link.url,
    });
  }
  return { briefs, truncated: cursor !== undefined };
}

/** Asks about the pages in batches of the directory's size, a few batches at a time. */
async function viewablePages(
  directory: PageDirectory,
  pageIds: string[],
  parallel: number,
): Promise<Map<string, PageLink>> {
  const batches: string[][] = [];
  for (let i = 0; i < pageIds.length; i += directory.batchSize) {
    batches.push(pageIds.slice(i, i + directory.batchSize));
  }
  const viewable = new Map<string, PageLink>();
  for (let i = 0; i < batches.length; i += parallel) {
    const answers = await Promise.all(batches.slice(i, i + parallel).map((b) => directory.viewablePages(b)));
    for (const answer of answers) for (const [id, link] of answer) viewable.set(id, link);
  }
  return viewable;
}
