/**
 * The roll-up through Jira expressions: one `POST /rest/api/3/expression/evaluate` per page of an initiative's
 * issues returns a compact row per issue, and the same figures as the count queries are tallied from the rows.
 * Each figure keeps the JQL of {@link planCountQueries} for drill-down (built here, not executed).
 */
import { dateIn, type CalendarDate } from './calendar-date';
import type { CountPlan, JiraFigures } from './count-queries';

/**
 * Per issue: key, status category key, status name, due date, resolution date, issue type name. Reading each
 * field once keeps the expression at about {@link STEPS_PER_ISSUE} of Jira's evaluation steps per issue.
 */
export const ROLLUP_EXPRESSION =
  'issues.map(i => [i.key, i.status.category.key, i.status.name, i.dueDate, i.resolutionDate, i.issueType.name])';

/** Steps Jira counts per issue for {@link ROLLUP_EXPRESSION} (variable reads, property reads, the call). */
export const STEPS_PER_ISSUE = 17;

/** One row of {@link ROLLUP_EXPRESSION}'s value. */
export type RollupRow = [string, string, string, string | null, string | null, string];

export function isRollupRow(value: unknown): value is RollupRow {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [key, cat, status, due, resolved, type] = value as unknown[];
  const optional = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof key === 'string' &&
    typeof cat === 'string' &&
    typeof status === 'string' &&
    optional(due) &&
    optional(resolved) &&
    typeof type === 'string'
  );
}

export interface RollupTally {
  figures: Omit<JiraFigures, 'blockedLong'>;
  /** Keys of open blocked items (to count those blocked for long). */
  blockedKeys: string[];
  /** Keys of every open item (to match the escalated issues of the whole overview against). */
  openKeys: string[];
  decisionsAwaiting: number;
  /** How many of the given epic keys were among the rows (the viewer may browse them). */
  visibleEpics: number;
}

/**
 * Tallies rows exactly as the count queries count: categories, blocked (`status = Blocked` and open), overdue
 * (open, due before `asOf`), open with a due date and the latest such date, done per throughput week by the
 * resolution date in `timeZone`, open Decisions, and visible epics.
 */
export function tallyRollupRows(
  plan: CountPlan,
  rows: readonly RollupRow[],
  options: { epics: readonly string[]; timeZone: string; blockedStatus?: string },
): RollupTally {
  const blockedStatus = (options.blockedStatus ?? 'Blocked').toLowerCase();
  const counts = { new: 0, indeterminate: 0, done: 0 };
  const blockedKeys: string[] = [];
  const openKeys: string[] = [];
  let overdue = 0;
  let withDueDate = 0;
  let latest: CalendarDate | null = null;
  let decisionsAwaiting = 0;
  const weeks = plan.throughputWeeks.map(() => 0);
  const epics = new Set(options.epics);
  let visibleEpics = 0;
  for (const [key, cat, status, due, resolved, type] of rows) {
    if (epics.has(key)) visibleEpics++;
    if (cat === 'done') {
      counts.done++;
      if (resolved) {
        const day = dateIn(new Date(resolved.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')), options.timeZone);
        const w = plan.throughputWeeks.findIndex((x) => day >= x.from && day < x.to);
        if (w >= 0) weeks[w] = (weeks[w] ?? 0) + 1;
      }
      continue;
    }
    openKeys.push(key);
    if (cat === 'new') counts.new++;
    else counts.indeterminate++;
    if (status.toLowerCase() === blockedStatus) blockedKeys.push(key);
    if (type === 'Decision') decisionsAwaiting++;
    if (due) {
      withDueDate++;
      if (due < plan.asOf) overdue++;
      if (latest === null || due > latest) latest = due;
    }
  }
  return {
    figures: {
      counts,
      blocked: blockedKeys.length,
      overdue,
      openDueDates: { latest, withDueDate },
      throughput: weeks,
      sources: plan.sources,
    },
    blockedKeys,
    openKeys,
    decisionsAwaiting,
    visibleEpics,
  };
}
