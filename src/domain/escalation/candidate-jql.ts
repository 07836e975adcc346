/**
 * The JQL a sweep sends to Jira to find the issues a path might have to act on, so it never pages
 * every issue. It is a coarse, safe filter: every issue that could have a level due is in it (the
 * domain then decides exactly); issues that cannot be due yet are left out.
 *
 * Time bounds use calendar time: a business delay of N hours can never be reached in fewer than N
 * calendar hours, so "entered its status at least N calendar hours ago" is necessary for "N business
 * hours in status". Bounds are widened to whole days plus 14 hours so they hold in whatever time zone
 * Jira reads a JQL date for the app's user.
 */
import { businessDurationMillis } from './business-duration';
import type { Condition, EscalationPath } from './escalation-path';
import { EscalationInputError, isValidDate } from './escalation-input-error';
import { localDate } from './local-dates';

const DAY_MS = 86_400_000;
/** The most any time zone is ahead of UTC (Kiribati, UTC+14). */
const MAX_ZONE_AHEAD_MS = 14 * 3_600_000;

/** A JQL string literal: double-quoted, with backslashes and quotes escaped. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The server-side JQL that selects a path's candidate issues at `now` (see the module note for the bounds). */
export function toCandidateJql(path: EscalationPath, now: Date): string {
  if (!isValidDate(now))
    throw new EscalationInputError('The candidate JQL needs the current time as a valid date.');
  const clauses: string[] = [];
  if (path.scope.projects.length > 0) {
    clauses.push(`project in (${path.scope.projects.map(jqlString).join(', ')})`);
  }
  if (path.scope.jql) clauses.push(`(${path.scope.jql})`);
  clauses.push('resolution is EMPTY', 'statusCategory != Done');

  const ms = (c: Extract<Condition, { kind: 'time-in-status' }>) =>
    businessDurationMillis(c.atLeast, path.calendar);
  const firstLevel = path.levels[0] ? businessDurationMillis(path.levels[0].after, path.calendar) : 0;
  const timeInStatus = path.conditions.find((c) => c.kind === 'time-in-status');

  if (path.match === 'any') {
    // One condition may hold briefly while another started the episode, so only bounds intrinsic
    // to a condition apply; a condition JQL cannot express makes the whole disjunction unnarrowable.
    const parts = path.conditions.map((c) =>
      conditionClause(c, path, now, c.kind === 'time-in-status' ? ms(c) : 0),
    );
    if (parts.every((p): p is string => p !== undefined)) {
      clauses.push(parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`);
    }
  } else {
    // All: the episode starts no earlier than the issue entered its status, and level 1 needs its delay
    // on top. That holds only while any status change ends the episode: a time-in-status condition
    // resets on every change, and a single-status condition stops holding when the status moves.
    const statusIn = path.conditions.find((c) => c.kind === 'status-in');
    const statusEndsEpisode = timeInStatus !== undefined || statusIn?.statuses.length === 1;
    const statusBound = (timeInStatus ? ms(timeInStatus) : 0) + (statusEndsEpisode ? firstLevel : 0);
    for (const c of path.conditions) {
      if (c.kind === 'time-in-status' && statusIn) continue;
      const bound = c.kind === 'status-in' || c.kind === 'time-in-status' ? statusBound : 0;
      const clause = conditionClause(c, path, now, bound);
      if (clause) clauses.push(clause);
    }
  }
  return clauses.join(' AND ');
}

/** The JQL for one condition; `boundMs` is how long it must have held. Undefined when JQL cannot express it. */
function conditionClause(c: Condition, path: EscalationPath, now: Date, boundMs: number): string | undefined {
  switch (c.kind) {
    case 'status-in': {
      const base = `status in (${c.statuses.map(jqlString).join(', ')})`;
      return boundMs > 0 ? `${base} AND ${statusEnteredBefore(now, boundMs)}` : base;
    }
    case 'flagged':
      return 'flagged is not EMPTY';
    case 'priority-at-least':
      return `priority >= ${jqlString(c.priority)}`;
    case 'due-date-passed':
      // Passed once the due day is over in the path's zone.
      return `duedate < ${jqlString(localDate(now, path.calendar.timeZone))}`;
    case 'time-in-status':
      return boundMs > 0 ? statusEnteredBefore(now, boundMs) : undefined;
    case 'decision-overdue':
      return undefined;
    case 'no-accountable':
      return 'accordAccountable is EMPTY';
  }
}

/**
 * "Entered its current status at least `ms` ago", loosened to a necessary condition JQL can answer:
 * the status category changes no later than the status does, and Jira sets it at creation.
 */
function statusEnteredBefore(now: Date, ms: number): string {
  const day = new Date(Math.ceil((now.getTime() - ms + MAX_ZONE_AHEAD_MS) / DAY_MS) * DAY_MS);
  return `statusCategoryChangedDate <= ${jqlString(day.toISOString().slice(0, 10))}`;
}
