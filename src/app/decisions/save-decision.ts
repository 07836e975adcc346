import { newDecision, parseDecisionDraft, reviseDecision, type Decision } from '../../domain/decision';
import type { DecisionView, SaveDecisionPayload } from '../../shared/decision';
import { AppError } from '../errors';
import {
  RevisionConflict,
  type Clock,
  type IdGenerator,
  type IssueActions,
  type Versioned,
  type Wiki,
} from '../ports';
import { checkLinkPermissions, linkSyncFailure, syncDecisionLinks } from './decision-links';
import { dueKeyOf, type DecisionLinksJira, type DecisionStore, type StoredDecision } from './decision-ports';
import { toDecisionView } from './decision-view';
import { loadDecisionOnPage } from './get-decision';
import { requirePageAccess } from '../page-access';

export interface SaveDecisionDeps {
  decisions: DecisionStore;
  wiki: Wiki;
  /** Jira as the caller: EDIT_ISSUES on every issue being linked or unlinked. */
  actions: IssueActions;
  /** Jira for the `accord-decisions` property (as the app: the property mirrors Accord's own record). */
  links: DecisionLinksJira;
  clock: Clock;
  ids: IdGenerator;
}

export const conflict = (e: RevisionConflict): AppError =>
  new AppError(
    'CONFLICT',
    'Someone changed this decision while you were editing. Reload to see their version, then make your change again.',
    { currentRevision: e.currentRevision },
  );

/**
 * Creates or edits a decision (the Driver's content). Only people who can edit the page may; the draft is
 * validated with sentences; an edit names the revision it was based on (stale → CONFLICT); linking or
 * unlinking an issue needs EDIT_ISSUES on it, as the caller. Status, outcome and log never come from here.
 */
export async function saveDecision(
  deps: SaveDecisionDeps,
  input: SaveDecisionPayload & { pageId: string; spaceId: string; accountId: string },
): Promise<DecisionView> {
  const parsed = parseDecisionDraft(input.draft);
  if (!parsed.ok) {
    throw new AppError('INVALID_INPUT', parsed.problems.map((p) => p.message).join(' '), {
      problems: parsed.problems,
    });
  }
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'edit',
    'Only people who can edit this page can change its decision. Ask the page owner, or record your input instead.',
  );
  let current: Versioned<StoredDecision> | undefined;
  let next: Decision;
  if (input.decisionId !== undefined) {
    current = await loadDecisionOnPage(deps.decisions, input.decisionId, input.pageId);
    if (current.revision !== input.revision) throw conflict(new RevisionConflict(current.revision));
    const revised = reviseDecision(current.value.body, parsed.value);
    if (!revised.ok) throw new AppError(revised.code, revised.message);
    next = revised.decision;
  } else {
    if (input.revision !== 0) {
      throw new AppError(
        'INVALID_INPUT',
        'A new decision starts at revision 0. Reload the page and try again.',
      );
    }
    next = newDecision(deps.ids.next('decision'), parsed.value);
  }
  const previousKeys = current?.value.body.linkedIssueKeys ?? [];
  const changedKeys = [
    ...next.linkedIssueKeys.filter((k) => !previousKeys.includes(k)),
    ...previousKeys.filter((k) => !next.linkedIssueKeys.includes(k)),
  ];
  await checkLinkPermissions(deps.actions, changedKeys);

  const record: StoredDecision = {
    pageId: input.pageId,
    // A decision stays in the space it was created in, even when saved from a copy of the macro elsewhere.
    spaceId: current?.value.spaceId ?? input.spaceId,
    ...(next.briefId !== null ? { briefId: next.briefId } : {}),
    dueKey: dueKeyOf(next.dueDate),
    status: next.status,
    updatedAt: deps.clock.now().toISOString(),
    body: next,
  };
  let saved: Versioned<StoredDecision>;
  try {
    saved = await deps.decisions.put(next.id, record, input.revision);
  } catch (e) {
    if (e instanceof RevisionConflict) throw conflict(e);
    throw e;
  }
  try {
    await syncDecisionLinks(deps.links, next, input.pageId, previousKeys);
  } catch (e) {
    throw linkSyncFailure(e);
  }
  return toDecisionView(saved, input.accountId, access);
}
