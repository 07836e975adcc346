/** The cheap Jira searches behind every roll-up number: one approximate count per figure, never paging issues. */
import {
  addDays,
  dateIn,
  isCalendarDate,
  isInstant,
  toCalendarDate,
  type CalendarDate,
} from './calendar-date';
import {
  businessCalendarProblems,
  businessDaysBefore,
  DEFAULT_BUSINESS_CALENDAR,
  type BusinessCalendar,
} from './business-calendar';
import { isCount, type FigureKey, type ProgressInput } from './progress-input';
import { DEFAULT_RAG_RULES } from './rag-rules';
import { normaliseScopeJql } from './scope-jql';

/** A figure counted on its own. `throughput-0` is the oldest week of the throughput window. */
export type CountKey =
  | 'new'
  | 'indeterminate'
  | 'done'
  | 'blocked'
  | 'blockedLong'
  | 'overdue'
  | 'openWithDueDate'
  | `throughput-${number}`;

/** One request for `POST /rest/api/3/search/approximate-count` with body `{ jql }`. */
export interface CountQuery {
  key: CountKey;
  label: string;
  /** Always `(<scope>) AND <within>`. */
  jql: string;
  /** The clause and-ed with the scope: the same for every initiative of one plan's options and time. */
  within: string;
}

/** Open work of type Decision: decisions waiting for their approver. */
export const OPEN_DECISIONS = 'issuetype = Decision AND statusCategory != Done';

/** The one issue search (`POST /rest/api/3/search/jql`) that finds the latest due date of open work. */
export interface LatestDueQuery {
  key: 'latestOpenDue';
  label: string;
  jql: string;
  fields: ['duedate'];
  maxResults: 1;
}

/** Everything a use case sends to Jira for one initiative, and the JQL behind each figure it shows. */
export interface CountPlan {
  scopeJql: string;
  /** Today in the site's time zone: overdue means a due date before this day. */
  asOf: CalendarDate;
  blockedBusinessDays: number;
  /** Items blocked since this site-local time (`YYYY-MM-DD HH:mm`) count as blocked for long. */
  blockedCutoff: string;
  /**
   * Open items blocked for long anywhere on the site (no scope): one search of keys shared by every initiative
   * of an overview, matched against each initiative's blocked keys instead of one count per initiative.
   */
  blockedLongAnywhere: string;
  counts: CountQuery[];
  latestOpenDue: LatestDueQuery;
  /** The weeks of the throughput window, oldest first; `to` is exclusive. */
  throughputWeeks: { key: CountKey; from: CalendarDate; to: CalendarDate }[];
  /** The JQL to open in Jira search for each figure the roll-up shows. */
  sources: Record<FigureKey, string>;
}

export interface CountPlanOptions {
  /** Blocked longer than this many business days draws amber (default 2). */
  blockedBusinessDays?: number;
  calendar?: BusinessCalendar;
  /** Weeks of recent throughput to count (default 4, at most 26). */
  throughputWeeks?: number;
  /** What "blocked" means on this site (default `status = Blocked`; some sites use `flagged = Impediment`). */
  blockedClause?: string;
  /** The clause that keeps items blocked since at least `cutoff` (default {@link STATUS_CHANGED_AGE}). */
  blockedAgeClause?: (cutoff: string) => string;
}

/** Precise on Jira Cloud: the status has not changed since the cutoff, and the item existed then. */
export const STATUS_CHANGED_AGE = (cutoff: string): string =>
  `NOT status CHANGED AFTER "${cutoff}" AND created <= "${cutoff}"`;

/**
 * An approximation for Jira sites without change history in JQL (such as a plain emulator): counts from when
 * the item entered its status category, so an item long In Progress and blocked yesterday counts as well.
 */
export const STATUS_CATEGORY_AGE = (cutoff: string): string => `statusCategoryChangedDate <= "${cutoff}"`;

export const DEFAULT_THROUGHPUT_WEEKS = 4;
export const MAX_THROUGHPUT_WEEKS = 26;

export type CountPlanResult = { ok: true; plan: CountPlan } | { ok: false; problem: string };

const OPEN = 'statusCategory != Done';

/** The exact JQL, one per number, that a use case sends to `search/approximate-count` for one initiative. */
export function planCountQueries(
  scopeJql: string,
  now: Date,
  options: CountPlanOptions = {},
): CountPlanResult {
  const scope = normaliseScopeJql(scopeJql);
  if (!scope.ok) return scope;
  if (!isInstant(now)) return { ok: false, problem: 'The current time is not a valid date.' };
  const calendar = options.calendar ?? DEFAULT_BUSINESS_CALENDAR;
  const calendarProblems = businessCalendarProblems(calendar);
  if (calendarProblems.length > 0) return { ok: false, problem: calendarProblems.join(' ') };
  const days = options.blockedBusinessDays ?? DEFAULT_RAG_RULES.blockedBusinessDays;
  if (!Number.isInteger(days) || days < 0 || days > 250) {
    return { ok: false, problem: 'Blocked business days must be a whole number from 0 to 250.' };
  }
  const weeks = options.throughputWeeks ?? DEFAULT_THROUGHPUT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_THROUGHPUT_WEEKS) {
    return {
      ok: false,
      problem: `Throughput weeks must be a whole number from 1 to ${MAX_THROUGHPUT_WEEKS}.`,
    };
  }
  const blockedClause = (options.blockedClause ?? 'status = Blocked').trim();
  if (blockedClause === '')
    return { ok: false, problem: 'The clause that says what "blocked" means is empty.' };
  const ageClause = options.blockedAgeClause ?? STATUS_CHANGED_AGE;

  const s = `(${scope.jql})`;
  const asOf = dateIn(now, calendar.timeZone);
  const blockedCutoff = businessDaysBefore(now, days, calendar).toFormat('yyyy-MM-dd HH:mm');
  const blockedWithin = `${OPEN} AND (${blockedClause})`;
  const blockedLongAnywhere = `${blockedWithin} AND ${ageClause(blockedCutoff)}`;
  const throughputWeeks = Array.from({ length: weeks }, (_, i) => ({
    key: `throughput-${i}` as const,
    from: addDays(asOf, -7 * (weeks - i)),
    to: addDays(asOf, -7 * (weeks - 1 - i)),
  }));
  const doneBetween = (from: CalendarDate, to: CalendarDate): string =>
    `statusCategory = Done AND resolved >= "${from}" AND resolved < "${to}"`;
  const query = (key: CountKey, label: string, within: string): CountQuery => ({
    key,
    label,
    jql: `${s} AND ${within}`,
    within,
  });

  const counts: CountQuery[] = [
    query('new', 'To do', 'statusCategory = "To Do"'),
    query('indeterminate', 'In progress', 'statusCategory = "In Progress"'),
    query('done', 'Done', 'statusCategory = Done'),
    query('blocked', 'Blocked', blockedWithin),
    query(
      'blockedLong',
      `Blocked more than ${days} business ${days === 1 ? 'day' : 'days'}`,
      blockedLongAnywhere,
    ),
    query('overdue', 'Overdue', `${OPEN} AND duedate < "${asOf}"`),
    query('openWithDueDate', 'Open with a due date', `${OPEN} AND duedate is not EMPTY`),
    ...throughputWeeks.map((w) =>
      query(w.key, `Done ${w.from} to ${addDays(w.to, -1)}`, doneBetween(w.from, w.to)),
    ),
  ];
  const latestOpenDue: LatestDueQuery = {
    key: 'latestOpenDue',
    label: 'Latest due date of open work',
    jql: `${s} AND ${OPEN} AND duedate is not EMPTY ORDER BY duedate DESC`,
    fields: ['duedate'],
    maxResults: 1,
  };
  const byKey = new Map(counts.map((q) => [q.key, q.jql]));
  const sources: Record<FigureKey, string> = {
    total: scope.jql,
    new: byKey.get('new') ?? '',
    indeterminate: byKey.get('indeterminate') ?? '',
    done: byKey.get('done') ?? '',
    blocked: byKey.get('blocked') ?? '',
    blockedLong: byKey.get('blockedLong') ?? '',
    overdue: byKey.get('overdue') ?? '',
    openWithDueDate: byKey.get('openWithDueDate') ?? '',
    latestOpenDue: latestOpenDue.jql,
    throughput: `${s} AND ${doneBetween(throughputWeeks[0]?.from ?? asOf, asOf)}`,
  };
  return {
    ok: true,
    plan: {
      scopeJql: scope.jql,
      asOf,
      blockedBusinessDays: days,
      blockedCutoff,
      blockedLongAnywhere,
      counts,
      latestOpenDue,
      throughputWeeks,
      sources,
    },
  };
}

/** The part of {@link ProgressInput} that Jira answers. */
export type JiraFigures = Pick<
  ProgressInput,
  'counts' | 'blocked' | 'blockedLong' | 'overdue' | 'openDueDates' | 'throughput' | 'sources'
>;

export type CountAnswersResult = { ok: true; figures: JiraFigures } | { ok: false; problems: string[] };

/**
 * Turns Jira's answers into roll-up input: `answers` maps each count key to the `count` that
 * `search/approximate-count` returned; `latestOpenDue` is the `duedate` of the first issue found, or null.
 */
export function readCountAnswers(
  plan: CountPlan,
  answers: Partial<Record<CountKey, unknown>>,
  latestOpenDue: unknown,
): CountAnswersResult {
  const problems: string[] = [];
  const value = (query: CountQuery): number => {
    const answer = answers[query.key];
    if (isCount(answer)) return answer;
    problems.push(
      answer === undefined
        ? `Jira gave no count for "${query.label}" (${query.jql}).`
        : `Jira's count for "${query.label}" is not a whole number: ${typeof answer === 'number' ? String(answer) : (JSON.stringify(answer) ?? typeof answer)}.`,
    );
    return 0;
  };
  const counted = new Map(plan.counts.map((q) => [q.key, value(q)]));
  const get = (key: CountKey): number => counted.get(key) ?? 0;
  let latest: CalendarDate | null = null;
  if (latestOpenDue !== null && latestOpenDue !== undefined && latestOpenDue !== '') {
    const date = toCalendarDate(latestOpenDue);
    if (date === undefined || !isCalendarDate(date)) {
      problems.push(`The latest due date Jira returned, ${JSON.stringify(latestOpenDue)}, is not a date.`);
    } else latest = date;
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    figures: {
      counts: { new: get('new'), indeterminate: get('indeterminate'), done: get('done') },
      blocked: get('blocked'),
      blockedLong: get('blockedLong'),
      overdue: get('overdue'),
      openDueDates: { latest, withDueDate: get('openWithDueDate') },
      throughput: plan.throughputWeeks.map((w) => get(w.key)),
      sources: plan.sources,
    },
  };
}
