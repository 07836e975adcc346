/** The DACI decisions of an initiative's brief that wait for their Approver, as the executive view lists them. */
import type { PendingDecision } from '../../shared/progress';
import { toCalendarDate, type CalendarDate } from './calendar-date';
import type { DecisionAwaiting } from './progress-input';

/** At most this many pending decisions are listed on a status (the total says how many there are). */
export const PENDING_DECISIONS_SHOWN = 5;

/** An open decision as stored, reduced to what the roll-up needs. */
export interface OpenDecision {
  id: string;
  pageId: string;
  question: string;
  approver: string | null;
  dueDate: string | null;
  /** When approval was first asked for, best known: the earliest of its log entries and its last save. */
  requestedAt: string;
}

export interface PendingDecisions {
  /** Soonest due first (undated last, then by question and id), at most {@link PENDING_DECISIONS_SHOWN}. */
  items: PendingDecision[];
  total: number;
  /** Every one of them for the RAG rules (overdue, waiting past its share of time). */
  awaiting: DecisionAwaiting[];
}

const dueOrder = (d: string | null): string => d ?? '9999-12-31';

/** Sorts, caps and judges the open decisions on `today` (overdue: its due date is before today). */
export function pendingDecisionsOf(
  open: readonly OpenDecision[],
  today: CalendarDate,
  max: number = PENDING_DECISIONS_SHOWN,
): PendingDecisions {
  const sorted = [...open].sort(
    (a, b) =>
      dueOrder(a.dueDate).localeCompare(dueOrder(b.dueDate)) ||
      a.question.localeCompare(b.question, 'en') ||
      a.id.localeCompare(b.id),
  );
  return {
    items: sorted.slice(0, Math.max(0, max)).map((d) => ({
      id: d.id,
      question: d.question,
      approverAccountId: d.approver,
      dueDate: d.dueDate,
      overdue: d.dueDate !== null && d.dueDate < today,
      pageId: d.pageId,
    })),
    total: sorted.length,
    awaiting: sorted.map((d) => ({
      id: d.id,
      title: d.question,
      requestedOn: toCalendarDate(d.requestedAt.slice(0, 10)) ?? today,
      dueOn: d.dueDate,
    })),
  };
}

/** The earliest instant among a decision's log entries and its last save (ISO strings compare in order). */
export function requestedAtOf(updatedAt: string, log: ReadonlyArray<{ at: string }>): string {
  return log.reduce((earliest, e) => (e.at < earliest ? e.at : earliest), updatedAt);
}
