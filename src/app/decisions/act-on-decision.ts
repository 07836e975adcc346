import {
  approve,
  defer,
  recordInput,
  reject,
  reopen,
  revoke,
  type DecisionResult,
} from '../../domain/decision';
import type { ActOnDecisionPayload, DecisionView } from '../../shared/decision';
import { AppError } from '../errors';
import { requirePageAccess } from '../page-access';
import { RevisionConflict, type Clock, type Wiki } from '../ports';
import { linkSyncFailure, syncDecisionLinks } from './decision-links';
import type { DecisionLinksJira, DecisionStore, StoredDecision } from './decision-ports';
import { toDecisionView } from './decision-view';
import { loadDecisionOnPage } from './get-decision';
import { conflict } from './save-decision';

/**
 * One round of the decision: a Contributor's input, the Approver's approval or rejection, the Driver's
 * deferral, revocation or reopening. Who may act is decided against the STORED decision (never the payload),
 * and the caller must be able to view the page. A status change refreshes the linked issues' property.
 */
export async function actOnDecision(
  deps: { decisions: DecisionStore; wiki: Wiki; links: DecisionLinksJira; clock: Clock },
  input: ActOnDecisionPayload & { pageId: string; accountId: string },
): Promise<DecisionView> {
  // Access first, so a person who cannot view the page learns nothing about which decisions exist.
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this decision is on. Ask its owner for access.',
  );
  const current = await loadDecisionOnPage(deps.decisions, input.decisionId, input.pageId);
  const d = current.value.body;
  const at = deps.clock.now().toISOString();
  const by = input.accountId;
  const result: DecisionResult = (() => {
    switch (input.action) {
      case 'input':
        return recordInput(d, by, input.text, at);
      case 'approve':
        if (typeof input.optionId !== 'string') {
          return { ok: false, code: 'INVALID_INPUT', message: 'Pick the option you approve.' } as const;
        }
        return approve(d, by, input.optionId, input.text, at);
      case 'reject':
        return reject(d, by, input.optionId ?? null, input.text, at);
      case 'defer':
        return defer(d, by, input.text, at);
      case 'revoke':
        return revoke(d, by, input.text, at);
      case 'reopen':
        return reopen(d, by, input.text, at);
    }
  })();
  if (!result.ok) throw new AppError(result.code, result.message);
  const next = result.decision;
  const record: StoredDecision = { ...current.value, status: next.status, updatedAt: at, body: next };
  let saved;
  try {
    saved = await deps.decisions.put(next.id, record, current.revision);
  } catch (e) {
    if (e instanceof RevisionConflict) throw conflict(e);
    throw e;
  }
  if (next.status !== d.status && next.linkedIssueKeys.length > 0) {
    try {
      await syncDecisionLinks(deps.links, next, current.value.pageId, next.linkedIssueKeys);
    } catch (e) {
      throw linkSyncFailure(e);
    }
  }
  return toDecisionView(saved, by, access);
}
