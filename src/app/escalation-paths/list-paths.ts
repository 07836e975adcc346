import type { PathList } from '../../shared/escalation';
import type { EscalationPathStore } from '../escalation-ports';
import type { PageDirectory, SiteAdministration } from '../ports';
import { requireJiraAdmin } from '../get-settings';

/** The admin page lists at most this many paths (newest first). */
export const LIST_PATHS_LIMIT = 200;

/**
 * `escalation/paths`: every stored path, enabled or draft, newest first, for Jira administrators. Page links
 * are asked of Confluence as the admin in bulk, so a page they cannot view shows no link.
 */
export async function listPaths(deps: {
  paths: EscalationPathStore;
  admin: SiteAdministration;
  pages: PageDirectory;
}): Promise<PathList> {
  await requireJiraAdmin(deps.admin, 'see the escalation paths');
  const stored = await deps.paths.listAll(LIST_PATHS_LIMIT);
  const pageIds = [...new Set(stored.flatMap((s) => (s.value.pageId ? [s.value.pageId] : [])))];
  const links = new Map<string, { url: string }>();
  for (let i = 0; i < pageIds.length; i += deps.pages.batchSize) {
    const found = await deps.pages.viewablePages(pageIds.slice(i, i + deps.pages.batchSize));
    for (const [id, link] of found) links.set(id, link);
  }
  return {
    paths: stored.map(({ value }) => ({
      pathId: value.path.id,
      name: value.path.name,
      enabled: value.enabled,
      pageId: value.pageId,
      pageUrl: value.pageId ? (links.get(value.pageId)?.url ?? null) : null,
      ownerAccountId: value.ownerAccountId,
      updatedAt: value.updatedAt,
    })),
  };
}
