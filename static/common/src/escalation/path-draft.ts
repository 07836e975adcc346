/**
 * The editor's draft of an Escalation Path: form-shaped (texts, check boxes), turned into the document the
 * resolver takes, and validated by the same domain rules the server applies (`parseEscalationPath`), with
 * each problem filed under the form field it is about.
 */
import {
  calendarProblems,
  parseBusinessDuration,
  parseEscalationPath,
  workdayMinutes,
  type BusinessCalendar,
  type PathProblem,
} from '../../../../src/domain/escalation';
import type {
  Condition,
  EscalationPath,
  LevelAction,
  Target,
  Weekday,
} from '../../../../src/domain/escalation/escalation-path';
import type { EscalationPathDocument } from '../../../../src/shared/escalation';

export type DelayUnit = 'days' | 'hours';

/** A target with the name the editor shows for a person (never sent: the document stores account ids). */
export type TargetDraft = Target & { display?: string };

export interface LevelDraft {
  /** Stable React key while levels move. */
  key: number;
  name: string;
  amount: string;
  unit: DelayUnit;
  targets: TargetDraft[];
  actions: LevelAction[];
  label: string;
}

export interface PathDraft {
  name: string;
  /** Project keys separated by commas or spaces. */
  projects: string;
  jql: string;
  match: 'all' | 'any';
  statusIn: { on: boolean; statuses: string };
  flagged: boolean;
  priority: { on: boolean; value: string };
  dueDatePassed: boolean;
  timeInStatus: { on: boolean; amount: string; unit: DelayUnit };
  decisionOverdue: boolean;
  noAccountable: boolean;
  timeZone: string;
  workingDays: Weekday[];
  start: string;
  end: string;
  /** '' for no public holidays. */
  country: string;
  region: string;
  /** Status names separated by commas. */
  pausedStatuses: string;
  levels: LevelDraft[];
}

export const ALL_ACTIONS: ReadonlyArray<{ value: LevelAction; label: string }> = [
  { value: 'comment', label: 'Comment mentioning them' },
  { value: 'notify', label: 'Notify them (Jira notification)' },
  { value: 'add-watchers', label: 'Add them as watchers' },
  { value: 'raise-priority', label: 'Raise the priority' },
  { value: 'add-label', label: 'Add a label' },
];

let nextKey = 1;
export const newLevel = (n: number): LevelDraft => ({
  key: nextKey++,
  name: n === 1 ? 'Team lead' : `Level ${n}`,
  amount: String(n),
  unit: 'days',
  targets: n === 1 ? [{ kind: 'role', role: 'issue-accountable' }] : [],
  actions: ['comment', 'notify'],
  label: '',
});

/** A new path: Blocked issues, the site's calendar, one level to the Accountable after a day. */
export function emptyDraft(calendar: BusinessCalendar, project = ''): PathDraft {
  return {
    name: '',
    projects: project,
    jql: '',
    match: 'all',
    statusIn: { on: true, statuses: 'Blocked' },
    flagged: false,
    priority: { on: false, value: 'High' },
    dueDatePassed: false,
    timeInStatus: { on: false, amount: '2', unit: 'days' },
    decisionOverdue: false,
    noAccountable: false,
    ...calendarDraft(calendar),
    levels: [newLevel(1)],
  };
}

function calendarDraft(c: BusinessCalendar) {
  return {
    timeZone: c.timeZone,
    workingDays: [...c.workingDays],
    start: c.hours.start,
    end: c.hours.end,
    country: c.holidays?.country ?? '',
    region: c.holidays?.region ?? '',
    pausedStatuses: c.pausedStatuses.join(', '),
  };
}

const splitList = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function delayOf(amount: string, unit: DelayUnit): string {
  const n = amount.trim();
  return unit === 'days' ? `P${n}D` : `PT${n}H`;
}

function draftDelay(value: EscalationPath['levels'][number]['after'], calendar: BusinessCalendar) {
  const parsed = parseBusinessDuration(value);
  if (!parsed.ok) return { amount: '', unit: 'days' as const };
  const { days, hours, minutes } = parsed.parts;
  if (hours === 0 && minutes === 0) return { amount: String(days), unit: 'days' as const };
  const dayHours = workdayMinutes(calendar) / 60;
  return { amount: String(Math.ceil(days * dayHours + hours + minutes / 60)), unit: 'hours' as const };
}

/** The draft of a stored path (`names`: display names of the people it names, when known). */
export function draftOf(path: EscalationPath, names: ReadonlyMap<string, string> = new Map()): PathDraft {
  const find = <K extends Condition['kind']>(kind: K) =>
    path.conditions.find((c): c is Extract<Condition, { kind: K }> => c.kind === kind);
  const statusIn = find('status-in');
  const priority = find('priority-at-least');
  const timeInStatus = find('time-in-status');
  const tis = timeInStatus
    ? draftDelay(timeInStatus.atLeast, path.calendar)
    : { amount: '2', unit: 'days' as const };
  return {
    name: path.name,
    projects: path.scope.projects.join(', '),
    jql: path.scope.jql ?? '',
    match: path.match ?? 'all',
    statusIn: { on: !!statusIn, statuses: statusIn ? statusIn.statuses.join(', ') : 'Blocked' },
    flagged: !!find('flagged'),
    priority: { on: !!priority, value: priority?.priority ?? 'High' },
    dueDatePassed: !!find('due-date-passed'),
    timeInStatus: { on: !!timeInStatus, ...tis },
    decisionOverdue: !!find('decision-overdue'),
    noAccountable: !!find('no-accountable'),
    ...calendarDraft(path.calendar),
    levels: path.levels.map((level) => ({
      key: nextKey++,
      name: level.name,
      ...draftDelay(level.after, path.calendar),
      targets: level.targets.map((t) =>
        t.kind === 'person' && names.has(t.accountId) ? { ...t, display: names.get(t.accountId) } : t,
      ),
      actions: [...level.actions],
      label: level.label ?? '',
    })),
  };
}

/** The document the resolver takes (no id: the app assigns it). */
export function documentOf(draft: PathDraft): EscalationPathDocument {
  const conditions: Condition[] = [];
  if (draft.statusIn.on)
    conditions.push({ kind: 'status-in', statuses: splitList(draft.statusIn.statuses, /,/) });
  if (draft.flagged) conditions.push({ kind: 'flagged' });
  if (draft.priority.on) conditions.push({ kind: 'priority-at-least', priority: draft.priority.value });
  if (draft.dueDatePassed) conditions.push({ kind: 'due-date-passed' });
  if (draft.timeInStatus.on) {
    conditions.push({
      kind: 'time-in-status',
      atLeast: delayOf(draft.timeInStatus.amount, draft.timeInStatus.unit),
    });
  }
  if (draft.decisionOverdue) conditions.push({ kind: 'decision-overdue' });
  if (draft.noAccountable) conditions.push({ kind: 'no-accountable' });
  const calendar: BusinessCalendar = {
    timeZone: draft.timeZone,
    workingDays: [...draft.workingDays].sort((a, b) => a - b),
    hours: { start: draft.start.trim(), end: draft.end.trim() },
    pausedStatuses: splitList(draft.pausedStatuses, /,/),
  };
  if (draft.country) {
    calendar.holidays = draft.region
      ? { country: draft.country, region: draft.region }
      : { country: draft.country };
  }
  const jql = draft.jql.trim();
  return {
    name: draft.name.trim(),
    scope: { projects: splitList(draft.projects.toUpperCase(), /[\s,]+/), ...(jql ? { jql } : {}) },
    match: draft.match,
    conditions,
    calendar,
    levels: draft.levels.map((level) => ({
      name: level.name.trim(),
      after: delayOf(level.amount, level.unit),
      targets: level.targets.map(({ display: _display, ...target }) => target),
      actions: [...level.actions],
      ...(level.actions.includes('add-label') || level.label.trim() ? { label: level.label.trim() } : {}),
    })),
  };
}

/** Problems filed by form area: `name`, `scope`, `condition:<kind>`, `calendar.hours`, `levels.0.after`, … */
export type ProblemsByField = ReadonlyMap<string, string[]>;

const WHOLE = /^\d{1,4}$/;

/** The problems of the draft as the server would report them, plus the form's own (whole numbers). */
export function draftProblems(draft: PathDraft): PathProblem[] {
  const own: PathProblem[] = [];
  draft.levels.forEach((level, i) => {
    if (!WHOLE.test(level.amount.trim())) {
      own.push({
        field: `levels.${i}.after`,
        message: `Level ${i + 1}: enter the delay as a whole number of ${level.unit}, e.g. 2.`,
      });
    }
  });
  if (draft.timeInStatus.on && !WHOLE.test(draft.timeInStatus.amount.trim())) {
    own.push({
      field: 'conditions.time-in-status',
      message: `Enter the time in status as a whole number of ${draft.timeInStatus.unit}, e.g. 2.`,
    });
  }
  const doc = documentOf(draft);
  const parsed = parseEscalationPath({ ...doc, id: 'path-draft' });
  const server = parsed.ok ? [] : [...parsed.problems, ...ruleProblemsBesides(doc, parsed.problems)];
  // A delay the form already explains needs no second sentence about ISO durations.
  const explained = new Set(own.map((p) => areaOf(p.field, doc)));
  return [...own, ...server.filter((p) => !explained.has(areaOf(p.field, doc)))];
}

/** The form area a problem's field belongs to (documents' condition indexes become condition kinds). */
export function areaOf(field: string, doc: EscalationPathDocument): string {
  const parts = field.split('.');
  const [head, second, third] = parts;
  if (head === 'conditions' && second !== undefined) {
    const kind = /^\d+$/.test(second) ? doc.conditions[Number(second)]?.kind : second;
    return kind ? `condition:${kind}` : 'conditions';
  }
  if (head === 'scope') return 'scope';
  if (head === 'calendar') {
    if (second === 'hours' || second === 'holidays') return `calendar.${second}`;
    return second ? `calendar.${second}` : 'calendar';
  }
  if (head === 'levels' && second !== undefined && /^\d+$/.test(second)) {
    return `levels.${second}.${third ?? 'name'}`;
  }
  return head ?? '';
}

/** Groups problems by form area, for showing each beside its field. */
export function problemsByField(
  problems: readonly PathProblem[],
  doc: EscalationPathDocument,
): ProblemsByField {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const area = areaOf(p.field, doc);
    const list = out.get(area) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    out.set(area, list);
  }
  return out;
}

/**
 * The domain checks its cross-field rules (scope, calendar) only once the structure is sound; the form shows
 * them at the same time, so a person fixes everything in one pass.
 */
function ruleProblemsBesides(doc: EscalationPathDocument, found: readonly PathProblem[]): PathProblem[] {
  const extra: PathProblem[] = [];
  if (doc.scope.projects.length === 0 && !doc.scope.jql) {
    extra.push({
      field: 'scope',
      message: 'Say which issues the path watches: name a project or write a JQL filter.',
    });
  }
  for (const p of calendarProblems(doc.calendar)) {
    const field = `calendar.${p.field}`;
    if (!found.some((f) => f.field.startsWith(field)))
      extra.push({ field, message: `Calendar: ${p.message}` });
  }
  return extra;
}
