/** Decisions that wait for approval, judged against the time each was given. */
import { daysBetween, toCalendarDate, type CalendarDate } from './calendar-date';
import type { DecisionAwaiting } from './progress-input';

export type DecisionState = 'overdue' | 'past-share' | 'in-time' | 'no-deadline';

export interface DecisionStatus {
  id?: string;
  title: string;
  requestedOn: CalendarDate;
  dueOn: CalendarDate | null;
  state: DecisionState;
  /** Days past the due date (overdue) or days left (otherwise); null without a deadline. */
  days: number | null;
}

export interface DecisionsSummary {
  count: number;
  overdue: number;
  pastShare: number;
  /** Most urgent first: overdue, then past their share of time, then by due date. */
  items: DecisionStatus[];
}

const ORDER: Record<DecisionState, number> = { overdue: 0, 'past-share': 1, 'in-time': 2, 'no-deadline': 3 };

/**
 * Judges each waiting decision on `today`: overdue after its due date; past its share when more than `share`
 * of the time from request to due date has gone. Entries without a readable request date are skipped.
 */
export function judgeDecisions(
  decisions: readonly DecisionAwaiting[],
  today: CalendarDate,
  share: number,
): DecisionsSummary {
  const judged: DecisionStatus[] = [];
  for (const d of decisions) {
    const requestedOn = toCalendarDate(d.requestedOn);
    if (requestedOn === undefined) continue;
    const dueOn = d.dueOn === null ? null : (toCalendarDate(d.dueOn) ?? null);
    const title = typeof d.title === 'string' && d.title.trim() !== '' ? d.title.trim() : 'Untitled decision';
    const base = { ...(d.id === undefined ? {} : { id: d.id }), title, requestedOn, dueOn };
    if (dueOn === null) {
      judged.push({ ...base, state: 'no-deadline', days: null });
      continue;
    }
    const left = daysBetween(today, dueOn);
    if (left < 0) {
      judged.push({ ...base, state: 'overdue', days: -left });
      continue;
    }
    const given = Math.max(daysBetween(requestedOn, dueOn), 0);
    const used = daysBetween(requestedOn, today);
    judged.push({ ...base, state: used > given * share ? 'past-share' : 'in-time', days: left });
  }
  judged.sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
  return {
    count: judged.length,
    overdue: judged.filter((d) => d.state === 'overdue').length,
    pastShare: judged.filter((d) => d.state === 'past-share').length,
    items: judged,
  };
}
