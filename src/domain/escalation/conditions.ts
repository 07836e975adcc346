/** Whether an issue meets an escalation path's conditions now, why, and since when. */
import { addBusinessTime, businessMillisBetween } from './business-clock';
import {
  businessDurationMillis,
  describeBusinessDuration,
  describeBusinessMillis,
} from './business-duration';
import { EscalationInputError, isValidDate } from './escalation-input-error';
import type { Condition, EscalationPath } from './escalation-path';
import { effectivePauses, type IssueFacts, statusKey } from './issue-facts';
import { endOfLocalDay, isIsoDate, localDate } from './local-dates';

/** Jira's default priority scheme, most urgent first. */
export const DEFAULT_PRIORITIES: readonly string[] = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

export interface ConditionOptions {
  /** The site's priority names, most urgent first (default: Jira's five). */
  priorities?: readonly string[];
}

export interface ConditionCheck {
  condition: Condition;
  met: boolean;
  /** A sentence saying why the condition holds or not. */
  reason: string;
  /** When it started to hold, if that is known. */
  since?: Date;
}

export interface ConditionResult {
  meets: boolean;
  /** Sentences: why it meets the path, or why not. */
  reasons: string[];
  /** When the issue started meeting the path, if known (never after `now`). */
  since?: Date;
  checks: ConditionCheck[];
}

/** Evaluates a path's conditions against one issue at `now`; bad facts give a sentence, never a throw. */
export function evaluateConditions(
  path: EscalationPath,
  facts: IssueFacts,
  now: Date,
  options: ConditionOptions = {},
): ConditionResult {
  const refuse = (reason: string): ConditionResult => ({ meets: false, reasons: [reason], checks: [] });
  if (!isValidDate(now))
    return refuse('The current time given to the escalation engine is not a valid date.');
  if (!isValidDate(facts.statusSince)) {
    return refuse(`${facts.issueKey}: the time it entered its status is missing or not a valid date.`);
  }
  if (facts.resolved || facts.status.category === 'done') return refuse(`${facts.issueKey} is resolved.`);
  if (
    facts.projectKey !== undefined &&
    path.scope.projects.length > 0 &&
    !path.scope.projects.includes(facts.projectKey.toUpperCase())
  ) {
    return refuse(`${facts.issueKey} is outside the path's projects (${path.scope.projects.join(', ')}).`);
  }

  const checks = path.conditions.map((condition) => {
    try {
      return check(condition, path, facts, now, options);
    } catch (error) {
      if (error instanceof EscalationInputError) return { condition, met: false, reason: error.message };
      throw error;
    }
  });
  const met = checks.filter((c) => c.met);
  const any = path.match === 'any';
  const meets = any ? met.length > 0 : met.length === checks.length && checks.length > 0;
  const reasons = (meets ? met : checks.filter((c) => !c.met)).map((c) => c.reason);
  const result: ConditionResult = { meets, reasons, checks };
  if (meets) {
    const sinces = met.map((c) => c.since?.getTime());
    const known = sinces.filter((t): t is number => t !== undefined);
    // All: the latest start, but only if every start is known. Any: the earliest known start.
    const t = any
      ? known.length > 0
        ? Math.min(...known)
        : undefined
      : known.length === sinces.length
        ? Math.max(...known)
        : undefined;
    if (t !== undefined) result.since = new Date(Math.min(t, now.getTime()));
  }
  return result;
}

function check(
  condition: Condition,
  path: EscalationPath,
  facts: IssueFacts,
  now: Date,
  options: ConditionOptions,
): ConditionCheck {
  const zone = path.calendar.timeZone;
  switch (condition.kind) {
    case 'status-in': {
      const met = condition.statuses.some((s) => statusKey(s) === statusKey(facts.status.name));
      return met
        ? { condition, met, reason: `Status is ${facts.status.name}.`, since: facts.statusSince }
        : { condition, met, reason: `Status ${facts.status.name} is not ${orList(condition.statuses)}.` };
    }
    case 'flagged':
      return facts.flagged
        ? {
            condition,
            met: true,
            reason: 'The issue is flagged.',
            ...(isValidDate(facts.flaggedSince) ? { since: facts.flaggedSince } : {}),
          }
        : { condition, met: false, reason: 'The issue is not flagged.' };
    case 'priority-at-least': {
      const list = (options.priorities ?? DEFAULT_PRIORITIES).map(statusKey);
      const threshold = list.indexOf(statusKey(condition.priority));
      if (threshold < 0) {
        return {
          condition,
          met: false,
          reason: `Priority ${condition.priority} is not one of this site's priorities; edit the path.`,
        };
      }
      if (!facts.priority) return { condition, met: false, reason: 'The issue has no priority.' };
      const byName = list.indexOf(statusKey(facts.priority.name));
      const rank = byName >= 0 ? byName : facts.priority.order;
      if (rank === undefined || !Number.isFinite(rank)) {
        return {
          condition,
          met: false,
          reason: `Priority ${facts.priority.name} is not in this site's priority order.`,
        };
      }
      return rank <= threshold
        ? {
            condition,
            met: true,
            reason: `Priority ${facts.priority.name} is ${condition.priority} or higher.`,
          }
        : {
            condition,
            met: false,
            reason: `Priority ${facts.priority.name} is below ${condition.priority}.`,
          };
    }
    case 'due-date-passed': {
      if (facts.dueDate === undefined) return { condition, met: false, reason: 'The issue has no due date.' };
      const written: string = facts.dueDate;
      if (!isIsoDate(facts.dueDate)) {
        return {
          condition,
          met: false,
          reason: `The due date "${written}" is not a date (yyyy-MM-dd).`,
        };
      }
      return localDate(now, zone) > facts.dueDate
        ? {
            condition,
            met: true,
            reason: `The due date ${facts.dueDate} has passed.`,
            since: endOfLocalDay(facts.dueDate, zone),
          }
        : { condition, met: false, reason: `The due date ${facts.dueDate} has not passed yet.` };
    }
    case 'time-in-status': {
      const pauses = effectivePauses(path.calendar, facts);
      const needed = businessDurationMillis(condition.atLeast, path.calendar);
      const spent = businessMillisBetween(facts.statusSince, now, path.calendar, pauses);
      const wanted = describeBusinessDuration(condition.atLeast);
      if (spent < needed) {
        return {
          condition,
          met: false,
          reason: `In ${facts.status.name} for ${describeBusinessMillis(spent, path.calendar)} so far, less than ${wanted}.`,
        };
      }
      const since = addBusinessTime(facts.statusSince, needed, path.calendar, pauses);
      return {
        condition,
        met: true,
        reason: `In ${facts.status.name} for ${describeBusinessMillis(spent, path.calendar)} (${wanted} or more).`,
        ...(since ? { since } : {}),
      };
    }
    case 'decision-overdue': {
      const today = localDate(now, zone);
      const overdue = (facts.linkedDecisions ?? [])
        .filter((d) => !d.approved && isIsoDate(d.dueDate) && today > d.dueDate)
        .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
      const first = overdue[0];
      if (!first?.dueDate)
        return { condition, met: false, reason: 'No linked decision is past its due date without approval.' };
      const keys = overdue.map((d) => d.key).join(', ');
      return {
        condition,
        met: true,
        reason: `Decision ${keys} ${overdue.length === 1 ? 'is' : 'are'} past due without approval (due ${first.dueDate}).`,
        since: endOfLocalDay(first.dueDate, zone),
      };
    }
    case 'no-accountable':
      return facts.accountablePresent
        ? { condition, met: false, reason: 'Someone is Accountable.' }
        : { condition, met: true, reason: 'Nobody is Accountable for the issue.' };
  }
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
