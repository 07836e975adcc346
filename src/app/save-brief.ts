import type { BriefDetail, BriefIssueProperty, SaveBriefPayload } from '../shared/brief';
import type { Brief } from '../domain/brief/brief';
import { emptyBriefDocument, type BriefDocument } from '../domain/brief/brief-document';
import { briefRecordOf, mergeBriefEdit, sameScope, scopeOf } from '../domain/brief/brief-record';
import {
  RevisionConflict,
  type Clock,
  type DocumentStore,
  type IdGenerator,
  type InitiativeRecord,
  type IssueActions,
  type RecordStore,
  type Wiki,
} from './ports';
import { AppError } from './errors';
import { loadBriefOnPage, toBriefDetail } from './get-brief';
import { createLimiter, type Limiter } from './concurrency';
import { requirePageAccess } from './page-access';

/** The issue property that tells Jira which brief an epic is part of. */
export const BRIEF_PROPERTY_KEY = 'accord-brief';
/** Jira calls in flight at once when linking or unlinking epics. */
const PARALLEL_JIRA_CALLS = 5;

export interface SaveBriefDeps {
  briefs: DocumentStore<Brief>;
  wiki: Wiki;
  clock: Clock;
  ids: IdGenerator;
  initiatives: RecordStore<InitiativeRecord>;
  /** Jira AS THE CALLER: the epics' EDIT_ISSUES check and the `accord-brief` property writes. */
  actions: IssueActions;
}

const list = (keys: readonly string[]) =>
  keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`;

/**
 * Creates or updates a brief. Only people who can edit the page may; an update must name the revision it was
 * based on, and a stale one is refused with CONFLICT so nobody's edit is silently lost. Parts of the document
 * left out of the payload keep their stored value. The linked work is the executive view's initiative scope
 * (written only when it changed), and each linked epic carries the `accord-brief` property so Jira shows
 * "part of brief X": the saver must be able to edit every epic that is linked or unlinked, or nothing is saved.
 */
export async function saveBrief(
  deps: SaveBriefDeps,
  input: SaveBriefPayload & { pageId: string; accountId: string },
): Promise<BriefDetail> {
  const access = await requirePageAccess(deps.wiki, input.pageId, 'edit', (access) =>
    access === 'none'
      ? 'You cannot view the page this brief is on. Ask its owner for access.'
      : 'You can view this page but not edit it, so the brief is read-only for you.',
  );

  let current: BriefDocument;
  let currentRecord: InitiativeRecord | undefined;
  if (input.briefId !== undefined) {
    const loaded = await loadBriefOnPage(
      deps,
      input.briefId,
      input.pageId,
      'This brief does not exist on this page; save it as a new brief instead.',
    );
    current = loaded.doc;
    currentRecord = loaded.record;
  } else {
    if (input.revision !== 0) throw new AppError('INVALID_INPUT', 'A new brief starts at revision 0.');
    current = emptyBriefDocument('', input.accountId);
  }

  const { briefId: _id, revision: _rev, ...edit } = input;
  const merged = mergeBriefEdit(current, edit);
  if (!merged.ok) {
    throw new AppError('INVALID_INPUT', merged.problems.map((p) => p.message).join(' '), {
      problems: merged.problems,
    });
  }
  const next = merged.value;
  const id = input.briefId ?? deps.ids.next('brief');

  const before = new Set(current.linkedWork.epicKeys);
  const after = new Set(next.linkedWork.epicKeys);
  const titleChanged = next.title !== current.title;
  const toWrite = next.linkedWork.epicKeys.filter((k) => titleChanged || !before.has(k));
  const toDelete = current.linkedWork.epicKeys.filter((k) => !after.has(k));
  const limit = createLimiter(PARALLEL_JIRA_CALLS);
  await checkEpics(deps.actions, toWrite, toDelete, limit);

  let saved;
  try {
    saved = await deps.briefs.put(
      id,
      briefRecordOf(next, input.pageId, deps.clock.now().toISOString()),
      input.revision,
    );
  } catch (e) {
    if (e instanceof RevisionConflict) {
      throw new AppError(
        'CONFLICT',
        'Someone changed this brief while you were editing. Reload to see their version.',
        { currentRevision: e.currentRevision },
      );
    }
    throw e;
  }

  // Written after the guarded brief write, so a stale save changes nothing; and only when it changed.
  const scope = scopeOf(next);
  if (!sameScope(currentRecord?.scope, scope)) {
    await deps.initiatives.set(id, { ...(currentRecord ?? {}), scope });
  }
  const property: BriefIssueProperty = { briefId: id, title: next.title, pageId: input.pageId };
  await Promise.all([
    ...toWrite.map((key) => limit(() => deps.actions.setProperty(key, BRIEF_PROPERTY_KEY, property))),
    ...toDelete.map((key) => limit(() => deps.actions.deleteProperty(key, BRIEF_PROPERTY_KEY))),
  ]);
  return toBriefDetail(id, saved, next, access);
}

/** Refuses the save when an epic to link is missing or any epic to (un)link is not editable by the caller. */
async function checkEpics(
  actions: IssueActions,
  toWrite: readonly string[],
  toDelete: readonly string[],
  limit: Limiter,
): Promise<void> {
  const keys = [...new Set([...toWrite, ...toDelete])];
  if (keys.length === 0) return;
  const answers = await Promise.all(
    keys.map((key) => limit(async () => ({ key, perms: await actions.permissions(key, ['EDIT_ISSUES']) }))),
  );
  const writing = new Set(toWrite);
  const missing = answers.filter((a) => a.perms === null && writing.has(a.key)).map((a) => a.key);
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${list(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist or you cannot see ${
        missing.length === 1 ? 'it' : 'them'
      }; check the epic keys.`,
      { missing },
    );
  }
  const refused = answers.filter((a) => a.perms !== null && !a.perms.EDIT_ISSUES).map((a) => a.key);
  if (refused.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot edit ${list(refused)}, so the brief cannot be linked to or unlinked from ${
        refused.length === 1 ? 'it' : 'them'
      }. Ask a project admin for edit access, or leave ${refused.length === 1 ? 'that epic' : 'those epics'} as they are.`,
      { refused },
    );
  }
}
