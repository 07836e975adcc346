/** What the roll-up reads, as plain data: Jira counts from cheap count queries plus Accord's own records. */
import { isCalendarDate, isTimeZone, toCalendarDate, type CalendarDate } from './calendar-date';

/** Issues in scope by Jira status category. */
export interface StatusCounts {
  new: number;
  indeterminate: number;
  done: number;
}

/** The baseline date from the brief; `original` is the first one agreed, `movedOn` when it last changed. */
export interface Baseline {
  date: CalendarDate;
  original?: CalendarDate | null;
  movedOn?: CalendarDate | null;
}

/** Open escalations of an initiative at one level of its path (1 is the first rung). */
export interface EscalationsAtLevel {
  level: number;
  open: number;
}

/** A decision of the initiative that waits for its Approver. */
export interface DecisionAwaiting {
  id?: string;
  title: string;
  /** When approval was asked for (`YYYY-MM-DD` or a Jira date-time). */
  requestedOn: string;
  /** When it must be approved by; null when no deadline was set. */
  dueOn: string | null;
}

/** Figures that a Jira search produced; each can carry the JQL behind it. */
export type FigureKey =
  | 'total'
  | 'new'
  | 'indeterminate'
  | 'done'
  | 'blocked'
  | 'blockedLong'
  | 'overdue'
  | 'openWithDueDate'
  | 'latestOpenDue'
  | 'throughput';

/** Everything one initiative's roll-up needs. */
export interface ProgressInput {
  /** Null when the counts could not be read: the roll-up is then grey. */
  counts: StatusCounts | null;
  /** Open items that are blocked now. */
  blocked: number;
  /** Of those, items blocked for longer than the rules' business days. */
  blockedLong: number;
  /** Open items whose due date has passed. */
  overdue: number;
  /** Due dates of open work, as far as they are set: the latest one and how many open items have one. */
  openDueDates?: { latest: CalendarDate | null; withDueDate: number } | null;
  /** Items done per week over the last weeks, oldest week first. */
  throughput: readonly number[];
  baseline?: Baseline | null;
  escalations?: readonly EscalationsAtLevel[];
  decisions?: readonly DecisionAwaiting[];
  /** The site's time zone (IANA), which decides what "today" is; UTC when unset. */
  timeZone?: string;
  /** The JQL behind each figure, so the UI can offer "open in Jira search". */
  sources?: Partial<Record<FigureKey, string>>;
}

/** One sentence per value of the input that is malformed or out of range; empty when the input is usable. */
export function progressInputProblems(input: ProgressInput): string[] {
  if (typeof input !== 'object' || input === null) return ['The progress data is missing.'];
  const problems: string[] = [];
  const count = (value: unknown, what: string): void => {
    if (!isCount(value))
      problems.push(`The ${what} is ${describe(value)}; expected a whole number of 0 or more.`);
  };
  if (input.counts !== null) {
    if (typeof input.counts !== 'object') problems.push('The status counts are missing.');
    else {
      count(input.counts.new, 'count of items to do');
      count(input.counts.indeterminate, 'count of items in progress');
      count(input.counts.done, 'count of items done');
    }
  }
  count(input.blocked, 'blocked count');
  count(input.blockedLong, 'count of items blocked for long');
  count(input.overdue, 'overdue count');
  // Approximate counts may disagree a little (blocked > open while the index catches up): the roll-up clamps them.
  if (input.openDueDates) {
    const { latest, withDueDate } = input.openDueDates;
    if (latest !== null && !isCalendarDate(latest)) {
      problems.push(`The latest due date "${String(latest)}" is not a date written as YYYY-MM-DD.`);
    }
    count(withDueDate, 'count of open items with a due date');
  }
  if (!Array.isArray(input.throughput))
    problems.push('The weekly throughput is missing; expected a list of counts.');
  else {
    input.throughput.forEach((n, i) => count(n, `number of items done in week ${i + 1} of the throughput`));
  }
  if (input.baseline) {
    const { date, original, movedOn } = input.baseline;
    if (!isCalendarDate(date))
      problems.push(`The baseline "${String(date)}" is not a date written as YYYY-MM-DD.`);
    if (original != null && !isCalendarDate(original)) {
      problems.push(`The original baseline "${String(original)}" is not a date written as YYYY-MM-DD.`);
    }
    if (movedOn != null && !isCalendarDate(movedOn)) {
      problems.push(
        `The date the baseline moved, "${String(movedOn)}", is not a date written as YYYY-MM-DD.`,
      );
    }
  }
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    problems.push(
      `The time zone "${String(input.timeZone)}" is not known; use a name such as Europe/Berlin.`,
    );
  }
  const listOf = <T>(value: readonly T[] | undefined, what: string): readonly T[] => {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value as readonly T[];
    problems.push(`The ${what} should be a list.`);
    return [];
  };
  for (const e of listOf(input.escalations, 'open escalations')) {
    if (typeof e !== 'object' || e === null) {
      problems.push('An open escalation entry is empty.');
      continue;
    }
    if (!Number.isInteger(e.level) || e.level < 1) {
      problems.push(
        `An escalation level of ${describe(e.level)} is not a rung of a path; levels start at 1.`,
      );
    }
    count(e.open, `number of open escalations at level ${String(e.level)}`);
  }
  for (const d of listOf(input.decisions, 'decisions awaiting approval')) {
    if (typeof d !== 'object' || d === null) {
      problems.push('A decision awaiting approval is empty.');
      continue;
    }
    const name = typeof d.title === 'string' && d.title.trim() !== '' ? `"${d.title}"` : 'without a title';
    if (toCalendarDate(d.requestedOn) === undefined) {
      problems.push(`The decision ${name} has no readable request date.`);
    }
    if (d.dueOn !== null && toCalendarDate(d.dueOn) === undefined) {
      problems.push(`The decision ${name} has a due date that is not a date: "${String(d.dueOn)}".`);
    }
  }
  return problems;
}

/** True for a whole number of 0 or more. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `"${value}"`;
  return typeof value;
}
