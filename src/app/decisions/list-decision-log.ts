import { isOverdue } from '../../domain/decision';
import { calendarDateIn, daysBetween } from '../../domain/brief/iso-date';
import type { DecisionLog, DecisionLogRow } from '../../shared/decision';
import type { DecisionStatus } from '../../domain/decision';
import type { Clock, PageDirectory, PageLink } from '../ports';
import type { DecisionScope, DecisionStore } from './decision-ports';

/** How many decisions one log shows: one index page, and one bulk page-permission call. */
export const DECISION_LOG_LIMIT = 100;

/**
 * The decision log of a space or a brief: decisions with one status, soonest due first (so overdue ones lead),
 * read through an index, keeping only those on pages the viewer may view (one bulk Confluence call as them).
 */
export async function listDecisionLog(
  deps: { decisions: DecisionStore; pages: PageDirectory; clock: Clock },
  input: { scope: DecisionScope; status: DecisionStatus },
): Promise<DecisionLog> {
  const now = deps.clock.now().toISOString();
  const { items, truncated } = await deps.decisions.list(input.scope, input.status, DECISION_LOG_LIMIT);
  const pageIds = [...new Set(items.map((i) => i.value.pageId))];
  const viewable: Map<string, PageLink> =
    pageIds.length === 0 ? new Map<string, PageLink>() : await deps.pages.viewablePages(pageIds);
  const today = calendarDateIn(now, 'UTC') ?? now.slice(0, 10);
  const rows: DecisionLogRow[] = items
    .filter((i) => viewable.has(i.value.pageId))
    .map(({ id, value }) => {
      const d = value.body;
      return {
        id,
        question: d.question,
        status: d.status,
        dueDate: d.dueDate,
        overdue: isOverdue(d, now),
        daysLeft: d.dueDate === null ? null : daysBetween(today, d.dueDate),
        driver: d.driver,
        approver: d.approver,
        pageId: value.pageId,
        pageTitle: viewable.get(value.pageId)?.title ?? '',
        briefId: d.briefId,
      };
    });
  return { rows, truncated, asOf: now };
}
