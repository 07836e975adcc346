/** The Escalation Path as the document a person reads: structured lines a UI can render, each with its text. */
import { describeWorkingDays, holidayCountries, holidayRegions } from './business-calendar';
import { businessDurationMillis, describeBusinessDuration } from './business-duration';
import type { Condition, EscalationPath, LevelAction, Target, TargetRole } from './escalation-path';

export interface TargetLabel {
  target: Target;
  /** "the issue's Accountable", "the group directors", a person's display name (or account id). */
  text: string;
}

export type PathLine =
  | { kind: 'when'; scope: string; conditions: string[]; calendar: string; text: string }
  | {
      kind: 'level';
      level: number;
      name: string;
      after: string;
      targets: TargetLabel[];
      actions: string[];
      text: string;
    };

export interface PathDescription {
  title: string;
  lines: PathLine[];
  /** All lines as plain text, one per line. */
  text: string;
}

const ROLE_TEXT: Record<TargetRole, string> = {
  'issue-accountable': "the issue's Accountable",
  'epic-accountable': "the epic's Accountable",
  'decision-approver': "the decision's Approver",
  'brief-owner': "the brief's owner",
};

const ACTION_TEXT: Record<LevelAction, string> = {
  comment: 'comment',
  notify: 'notify',
  'add-watchers': 'add as watchers',
  'raise-priority': 'raise priority',
  'add-label': 'add label',
};

/** The path in plain language; `names` maps account ids to display names when the caller knows them. */
export function describePath(
  path: EscalationPath,
  names: Readonly<Record<string, string>> = {},
): PathDescription {
  const scope = describeScope(path);
  const conditions = describeConditions(path);
  const calendar = describeCalendar(path);
  const joiner = path.match === 'any' ? ' or ' : ' and ';
  const when: PathLine = {
    kind: 'when',
    scope,
    conditions,
    calendar,
    text: `When an issue ${scope} ${conditions.join(joiner)} (${calendar}):`,
  };
  const levels = path.levels.map((level, i): PathLine => {
    const ms = businessDurationMillis(level.after, path.calendar);
    const after = ms === 0 ? 'at once' : `after ${describeBusinessDuration(level.after)}`;
    const targets = level.targets.map((target) => ({ target, text: describeTarget(target, names) }));
    const actions = level.actions.map((a) =>
      a === 'add-label' && level.label ? `add label '${level.label}'` : ACTION_TEXT[a],
    );
    return {
      kind: 'level',
      level: i + 1,
      name: level.name,
      after,
      targets,
      actions,
      text: `Level ${i + 1} (${level.name}) ${after} → ${joinAnd(targets.map((t) => t.text))} · ${actions.join(' + ')}`,
    };
  });
  const lines = [when, ...levels];
  return { title: path.name, lines, text: lines.map((l) => l.text).join('\n') };
}

function describeScope(path: EscalationPath): string {
  const { projects, jql } = path.scope;
  const inProjects = projects.length > 0 ? `in ${joinOr(projects)}` : '';
  const matching = jql ? `matching \`${jql}\`` : '';
  return [inProjects, matching].filter(Boolean).join(' ');
}

function describeConditions(path: EscalationPath): string[] {
  const timeInStatus = path.conditions.find((c) => c.kind === 'time-in-status');
  const statusIn = path.conditions.find((c) => c.kind === 'status-in');
  const merge = path.match !== 'any' && timeInStatus && statusIn;
  return path.conditions
    .filter((c) => !(merge && c.kind === 'time-in-status'))
    .map((c) =>
      merge && c.kind === 'status-in'
        ? `has been ${joinOr(c.statuses)} for ${describeBusinessDuration(timeInStatus.atLeast)}`
        : describeCondition(c),
    );
}

function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'status-in':
      return `is ${joinOr(c.statuses)}`;
    case 'flagged':
      return 'is flagged';
    case 'priority-at-least':
      return `has priority ${c.priority} or higher`;
    case 'due-date-passed':
      return 'is past its due date';
    case 'time-in-status':
      return `has stayed in its status for ${describeBusinessDuration(c.atLeast)}`;
    case 'decision-overdue':
      return 'has a linked decision past its due date without approval';
    case 'no-accountable':
      return 'has no Accountable';
  }
}

function describeCalendar(path: EscalationPath): string {
  const { timeZone, workingDays, hours, holidays, pausedStatuses } = path.calendar;
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  const parts = [`${city} calendar`, `${describeWorkingDays(workingDays)} ${hours.start}–${hours.end}`];
  if (holidays) {
    const country = holidayCountries()[holidays.country] ?? holidays.country;
    const region = holidays.region
      ? (holidayRegions(holidays.country)[holidays.region] ?? holidays.region)
      : undefined;
    parts.push(`public holidays in ${country}${region ? ` (${region})` : ''}`);
  } else parts.push('no public holidays');
  if (pausedStatuses.length > 0) {
    parts.push(`clock paused while ${joinOr(pausedStatuses.map((s) => `'${s}'`))}`);
  }
  return parts.join(', ');
}

function describeTarget(target: Target, names: Readonly<Record<string, string>>): string {
  switch (target.kind) {
    case 'person':
      return names[target.accountId] ?? target.accountId;
    case 'group':
      return `the group ${target.name}`;
    case 'role':
      return ROLE_TEXT[target.role];
  }
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
