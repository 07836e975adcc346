import { calendarDateIn, daysBetween } from '../brief/iso-date';
import type { Decision } from './decision';

/** Thrown when the time given to a view is not an instant: a programming error, said in a sentence. */
export class InvalidTimeError extends Error {
  constructor(value: unknown, zone: string) {
    super(
      `"${String(value)}" in time zone "${zone}" is not a time we can read; ` +
        'pass an ISO instant such as 2025-03-04T09:30:00Z and an IANA zone such as Europe/Berlin.',
    );
    this.name = 'InvalidTimeError';
  }
}

function today(now: string, zone: string): string {
  const date = calendarDateIn(now, zone);
  if (date === undefined) throw new InvalidTimeError(now, zone);
  return date;
}

/**
 * True when an open decision's due date has passed in `zone` (a decision due today is not overdue yet).
 * Decided, deferred and revoked decisions are never overdue.
 */
export function isOverdue(
  decision: Pick<Decision, 'status' | 'dueDate'>,
  now: string,
  zone = 'UTC',
): boolean {
  const date = today(now, zone);
  return decision.status === 'open' && decision.dueDate !== null && decision.dueDate < date;
}

/** One line of the decision log view. */
export interface OpenDecisionRow {
  decision: Decision;
  overdue: boolean;
  /** Days until the due date (negative when overdue), or null when there is none. */
  daysLeft: number | null;
}

/**
 * The open decisions, soonest due first, those without a due date last; ties by question, then by id,
 * so the order never depends on the order they were read in.
 */
export function openDecisionsByDue(
  decisions: readonly Decision[],
  now: string,
  zone = 'UTC',
): OpenDecisionRow[] {
  const date = today(now, zone);
  return decisions
    .filter((d) => d.status === 'open')
    .sort(
      (a, b) =>
        compareDue(a.dueDate, b.dueDate) ||
        a.question.localeCompare(b.question, 'en') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((decision) => ({
      decision,
      overdue: decision.dueDate !== null && decision.dueDate < date,
      daysLeft: decision.dueDate === null ? null : daysBetween(date, decision.dueDate),
    }));
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
