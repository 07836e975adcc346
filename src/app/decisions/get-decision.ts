import type { DecisionView } from '../../shared/decision';
import { AppError } from '../errors';
import type { Versioned, Wiki } from '../ports';
import { requirePageAccess } from '../page-access';
import type { DecisionStore, StoredDecision } from './decision-ports';
import { toDecisionView } from './decision-view';

export const decisionNotHere = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'This decision does not exist on this page. Edit the macro to create or pick one.',
  );

/** Loads a decision that must sit on `pageId` (the page comes from the platform context, never the payload). */
export async function loadDecisionOnPage(
  decisions: DecisionStore,
  decisionId: string,
  pageId: string,
): Promise<Versioned<StoredDecision>> {
  const stored = await decisions.get(decisionId);
  if (!stored || stored.value.pageId !== pageId) throw decisionNotHere();
  return stored;
}

/** Reads a decision for a person who can view the page it is on. */
export async function getDecision(
  deps: { decisions: DecisionStore; wiki: Wiki },
  input: { decisionId: string; pageId: string; accountId: string },
): Promise<DecisionView> {
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this decision is on. Ask its owner for access.',
  );
  const stored = await loadDecisionOnPage(deps.decisions, input.decisionId, input.pageId);
  return toDecisionView(stored, input.accountId, access);
}
