import type { EscalationPathView } from '../../shared/escalation';
import type { EscalationPathStore } from '../escalation-ports';
import type { SiteAdministration, Wiki } from '../ports';
import { requireJiraAdmin } from '../get-settings';
import { pathNotOnPage, siteDefaultPathMissing, toPathView } from './path-view';
import { requirePageAccess } from '../page-access';

/**
 * Reads the path an Escalation Path macro shows, for a person who can view the page the macro sits on
 * (asked of Confluence as them). The page comes from the macro's context; a path of another page is NOT_FOUND.
 */
export async function getPath(
  deps: { paths: EscalationPathStore; wiki: Wiki },
  input: { pathId: string; pageId: string },
): Promise<EscalationPathView> {
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this escalation path is on. Ask its owner for access.',
  );
  const stored = await deps.paths.get(input.pathId);
  if (!stored || stored.value.pageId !== input.pageId) throw pathNotOnPage();
  return toPathView(input.pathId, stored, access === 'edit');
}

/** Reads the site default path (no page) for the admin page: Jira administrators only. */
export async function getSitePath(
  deps: { paths: EscalationPathStore; admin: SiteAdministration },
  input: { pathId: string },
): Promise<EscalationPathView> {
  await requireJiraAdmin(deps.admin, 'see the site default escalation path');
  const stored = await deps.paths.get(input.pathId);
  if (!stored || stored.value.pageId !== null) throw siteDefaultPathMissing();
  return toPathView(input.pathId, stored, true);
}
