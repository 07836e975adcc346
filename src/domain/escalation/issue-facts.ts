/** What the engine knows about one issue at one moment: plain data the use case reads from Jira. */
import type { BusinessCalendar } from './business-calendar';
import type { PauseInterval } from './business-clock';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface LinkedDecision {
  key: string;
  /** `yyyy-MM-dd`; a decision without a due date is never overdue. */
  dueDate?: string;
  approved: boolean;
}

export interface IssueFacts {
  issueKey: string;
  /** When given, an issue outside the path's projects never meets it. */
  projectKey?: string;
  status: { name: string; category: StatusCategory };
  /** When the issue entered its current status. */
  statusSince: Date;
  flagged: boolean;
  /** When the flag was set, if known (lets an episode start then rather than when first seen). */
  flaggedSince?: Date;
  /** `order` is the position in the site's priority list (0 = most urgent), used when the name is not in it. */
  priority?: { name: string; order?: number };
  /** `yyyy-MM-dd`; passed once the whole day is over in the path's time zone. */
  dueDate?: string;
  accountablePresent: boolean;
  linkedDecisions: LinkedDecision[];
  /** Has a resolution (an issue in a Done status category counts as resolved too). */
  resolved: boolean;
  /** Earlier stretches in a paused status; the current one is added from `status` and `statusSince`. */
  pauses?: PauseInterval[];
}

/** One entry of an issue's status history, oldest first: the issue entered `status` at `since`. */
export interface StatusPeriod {
  status: string;
  since: Date;
}

/** The pause intervals a status history implies for a calendar (the last period stays open when paused). */
export function pausesFromStatusHistory(
  history: readonly StatusPeriod[],
  pausedStatuses: readonly string[],
): PauseInterval[] {
  const paused = new Set(pausedStatuses.map(statusKey));
  const sorted = [...history].sort((a, b) => a.since.getTime() - b.since.getTime());
  const pauses: PauseInterval[] = [];
  sorted.forEach((period, i) => {
    if (!paused.has(statusKey(period.status))) return;
    const next = sorted[i + 1];
    pauses.push(next ? { start: period.since, end: next.since } : { start: period.since });
  });
  return pauses;
}

/** The pauses that apply to an issue now: its recorded ones plus the current status when that one pauses the clock. */
export function effectivePauses(calendar: BusinessCalendar, facts: IssueFacts): PauseInterval[] {
  const pauses = [...(facts.pauses ?? [])];
  if (isPausedStatus(calendar, facts.status.name)) pauses.push({ start: facts.statusSince });
  return pauses;
}

/** True when the calendar stops the clock while an issue is in `status` (names compare case-insensitively). */
export function isPausedStatus(calendar: BusinessCalendar, status: string): boolean {
  return calendar.pausedStatuses.some((s) => statusKey(s) === statusKey(status));
}

/** Jira status names are unique regardless of case and surrounding spaces. */
export function statusKey(name: string): string {
  return name.trim().toLowerCase();
}
