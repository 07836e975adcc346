import { parseEscalationPath } from '../../domain/escalation';
import type { EscalationPathView, SavePathPayload } from '../../shared/escalation';
import type { EscalationDefaultsRecord, EscalationPathStore, StoredPath } from '../escalation-ports';
import {
  RevisionConflict,
  type Clock,
  type DocumentStore,
  type IdGenerator,
  type CallerProjectPermissions,
  type SiteAdministration,
  type Wiki,
} from '../ports';
import { AppError } from '../errors';
import { requireJiraAdmin } from '../get-settings';
import { pathConflict, pathNotOnPage, siteDefaultPathMissing, toPathView } from './path-view';
import { DEFAULTS_ID, loadDefaults } from './escalation-defaults';

export interface SavePathDeps {
  paths: EscalationPathStore;
  clock: Clock;
  ids: IdGenerator;
}

/** Where the path is written and who may write it: a page (edit permission) or the site (Jira admin). */
export type PathPlace =
  | {
      kind: 'page';
      pageId: string;
      wiki: Wiki;
      /** The caller's Jira: an enabled path acts as the app, so whoever enables it must be able to act there. */
      jira: CallerProjectPermissions;
      admin: SiteAdministration;
    }
  | {
      kind: 'site';
      admin: SiteAdministration;
      defaults: DocumentStore<EscalationDefaultsRecord>;
    };

/**
 * Creates or updates an Escalation Path. The document is validated first (each problem a sentence with its
 * field, nothing written); then the caller's right to write is checked as them (page edit permission, or Jira
 * admin for the site default path); an update names the revision it was based on (a stale one is CONFLICT)
 * and must belong to the same page. An unchanged save writes nothing.
 */
export async function savePath(
  deps: SavePathDeps,
  place: PathPlace,
  input: SavePathPayload & { accountId: string },
): Promise<EscalationPathView> {
  const pathId = input.pathId ?? deps.ids.next('path');
  const { id: _ignored, ...document } = input.path as SavePathPayload['path'] & { id?: unknown };
  const parsed = parseEscalationPath({ ...document, id: pathId });
  if (!parsed.ok) {
    throw new AppError(
      'INVALID_INPUT',
      `The escalation path was not saved: ${parsed.problems.map((p) => p.message).join(' ')}`,
      { problems: parsed.problems },
    );
  }
  if (place.kind === 'page') {
    if ((await place.wiki.pageAccess(place.pageId)) !== 'edit') {
      throw new AppError(
        'FORBIDDEN',
        'Only people who can edit this page can change its escalation path. Ask the page owner to give you edit access.',
      );
    }
    if (input.enabled) await requireRightsToRun(place, parsed.path.scope.projects);
  } else {
    await requireJiraAdmin(place.admin, 'change the site default escalation path');
  }
  const pageId = place.kind === 'page' ? place.pageId : null;

  const current = input.pathId !== undefined ? await deps.paths.get(input.pathId) : undefined;
  if (input.pathId !== undefined) {
    if (!current || current.value.pageId !== pageId) {
      throw place.kind === 'page' ? pathNotOnPage() : siteDefaultPathMissing();
    }
    if (current.revision !== input.revision) throw pathConflict(current.revision);
    if (
      current.value.enabled === input.enabled &&
      JSON.stringify(current.value.path) === JSON.stringify(parsed.path)
    ) {
      return toPathView(pathId, current, true);
    }
  } else if (input.revision !== 0) {
    throw new AppError(
      'INVALID_INPUT',
      'A new escalation path starts at revision 0. Reload the page and try again.',
    );
  }

  const next: StoredPath = {
    path: parsed.path,
    enabled: input.enabled,
    pageId,
    ownerAccountId: current?.value.ownerAccountId ?? input.accountId,
    updatedAt: deps.clock.now().toISOString(),
  };
  let saved;
  try {
    saved = await deps.paths.put(pathId, next, input.revision);
  } catch (e) {
    if (e instanceof RevisionConflict) throw pathConflict(e.currentRevision);
    throw e;
  }
  if (place.kind === 'site') await rememberSitePath(place.defaults, pathId);
  return toPathView(pathId, saved, true);
}

/** What the engine does on a path's issues (comments, edits): whoever enables a page's path must be able to. */
export const PATH_RUN_PERMISSIONS = ['EDIT_ISSUES', 'ADD_COMMENTS'] as const;

/**
 * An enabled path makes the app comment on and edit issues, so enabling one from a page needs, as the caller,
 * edit and comment rights in every project it names; a scope of JQL alone can reach any project, so only a Jira
 * administrator may enable it. Drafts need only the page.
 */
async function requireRightsToRun(
  place: Extract<PathPlace, { kind: 'page' }>,
  projects: readonly string[],
): Promise<void> {
  if (projects.length === 0) {
    if (await place.admin.callerIsJiraAdmin()) return;
    throw new AppError(
      'FORBIDDEN',
      'A path whose scope is only a JQL can act on any project, so only a Jira administrator can enable it. Name its projects, or save it as a draft.',
    );
  }
  const lacking = await place.jira.lacking(projects, PATH_RUN_PERMISSIONS);
  if (lacking.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot edit and comment on issues in ${lacking.join(', ')}, so you cannot enable a path that acts there. Save it as a draft and ask someone who can to enable it.`,
    );
  }
}

/** The defaults record names the site default path; written only when it names another one. */
async function rememberSitePath(
  defaults: DocumentStore<EscalationDefaultsRecord>,
  pathId: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await loadDefaults(defaults);
    if (current.sitePathId === pathId) return;
    try {
      await defaults.put(DEFAULTS_ID, { calendar: current.calendar, sitePathId: pathId }, current.revision);
      return;
    } catch (e) {
      if (!(e instanceof RevisionConflict)) throw e;
    }
  }
  throw pathConflict(null);
}
