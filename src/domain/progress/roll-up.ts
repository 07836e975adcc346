/** One initiative's status: the figures, a forecast against the baseline, and red / amber / green / grey with why. */
import { daysBetween, dateIn, isInstant, isTimeZone, shortDate, type CalendarDate } from './calendar-date';
import { judgeDecisions, type DecisionsSummary } from './decisions-awaiting';
import { escalationsByLevel, openAtOrAbove } from './escalations-by-level';
import { forecast, type Forecast } from './forecast';
import { percentDone } from './percent-done';
import {
  progressInputProblems,
  type EscalationsAtLevel,
  type FigureKey,
  type ProgressInput,
} from './progress-input';
import { resolveRagRules, type Rag, type RagRules } from './rag-rules';

/** A number the UI shows, with the JQL that produced it (null when it does not come from one search). */
export interface Figure {
  key: FigureKey;
  label: string;
  value: number | string | null;
  jql: string | null;
}

export interface BaselineStatus {
  date: CalendarDate;
  original: CalendarDate | null;
  /** Days the baseline moved later than the original; 0 when it did not (or moved earlier). */
  movedLaterDays: number;
  movedOn: CalendarDate | null;
}

export interface RollUp {
  rag: Rag;
  /** Starts with the RAG word: "Amber: 3 items blocked > 2 business days; forecast 9 days after baseline". */
  reason: string;
  /** Whole percent of items done; null when there is no work or no data. */
  percentDone: number | null;
  counts: { total: number; new: number; indeterminate: number; done: number; open: number } | null;
  blocked: { count: number; longCount: number; businessDays: number };
  overdue: number;
  baseline: BaselineStatus | null;
  forecast: Forecast;
  /** Forecast minus baseline in days (negative is ahead); null when either is missing. */
  slipDays: number | null;
  escalationsByLevel: EscalationsAtLevel[];
  decisionsAwaiting: DecisionsSummary;
  /** Every figure with its JQL, for "open in Jira search". */
  figures: Figure[];
  /** Today in the site's time zone, the day the roll-up speaks of ('' when the current time was invalid). */
  asOf: CalendarDate;
  /** What was wrong with the input or rules, one sentence each (the roll-up is then grey). */
  problems: string[];
}

interface Trigger {
  level: 'red' | 'amber';
  text: string;
}

const WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', grey: 'Grey' };

/** Rolls an initiative's figures up into percent done, forecast, slip and a RAG status with its reason. */
export function rollUp(input: ProgressInput, now: Date, rules: Partial<RagRules> = {}): RollUp {
  const resolved = resolveRagRules(rules);
  const problems = [
    ...(isInstant(now) ? [] : ['The current time is not a valid date.']),
    ...(resolved.ok ? [] : resolved.problems),
    ...(isInstant(now) ? progressInputProblems(input) : []),
  ];
  if (problems.length > 0 || !resolved.ok || !isInstant(now)) {
    return unreadable(problems, isInstant(now) ? dateIn(now, safeZone(input)) : '');
  }
  const r = resolved.rules;
  const today = dateIn(now, input.timeZone ?? 'UTC');
  const fc = forecast(input, now);
  const escalations = escalationsByLevel(input.escalations ?? []);
  const decisions = judgeDecisions(input.decisions ?? [], today, r.amberDecisionShareOfTime);
  const baseline = baselineStatus(input);

  const base = {
    asOf: today,
    forecast: fc,
    escalationsByLevel: escalations,
    decisionsAwaiting: decisions,
    baseline,
    problems: [],
  };
  if (input.counts === null) {
    return {
      ...base,
      rag: 'grey',
      reason: 'Grey: no data; the counts could not be read from Jira.',
      percentDone: null,
      counts: null,
      blocked: { count: 0, longCount: 0, businessDays: r.blockedBusinessDays },
      overdue: 0,
      slipDays: null,
      figures: figures(input, null, null),
    };
  }
  const c = input.counts;
  const open = c.new + c.indeterminate;
  const total = open + c.done;
  const counts = { total, new: c.new, indeterminate: c.indeterminate, done: c.done, open };
  // Approximate counts can disagree while Jira's index catches up: never show more blocked than open.
  const blockedCount = Math.min(input.blocked, open);
  const blocked = {
    count: blockedCount,
    longCount: Math.min(input.blockedLong, blockedCount),
    businessDays: r.blockedBusinessDays,
  };
  const overdue = Math.min(input.overdue, open);
  const slipDays = baseline && fc.date ? daysBetween(baseline.date, fc.date) : null;
  const shared = { ...base, percentDone: percentDone(c.done, total), counts, blocked, overdue, slipDays };
  const figureRows = figures(input, counts, fc);

  if (total === 0) {
    return {
      ...shared,
      rag: 'grey',
      reason: 'Grey: no work in scope yet; the JQL finds no issues.',
      figures: figureRows,
    };
  }

  const triggers: Trigger[] = [];
  const notes: string[] = [];
  const at = (days: number): 'red' | 'amber' | null =>
    days > r.redSlipDays ? 'red' : days > r.amberSlipDays ? 'amber' : null;

  const redEscalations = openAtOrAbove(escalations, r.redEscalationLevel);
  if (redEscalations > 0)
    triggers.push({ level: 'red', text: escalationText(escalations, r.redEscalationLevel, Infinity) });
  const amberEscalations = openAtOrAbove(escalations, r.amberEscalationLevel) - redEscalations;
  if (amberEscalations > 0) {
    triggers.push({
      level: 'amber',
      text: escalationText(escalations, r.amberEscalationLevel, r.redEscalationLevel),
    });
  }

  const overdueDecisions = decisions.items.filter((d) => d.state === 'overdue');
  const first = overdueDecisions[0];
  if (first) {
    triggers.push({
      level: r.redWhenDecisionOverdue ? 'red' : 'amber',
      text:
        overdueDecisions.length === 1
          ? `decision "${first.title}" overdue by ${days(first.days ?? 0)}`
          : `${overdueDecisions.length} decisions overdue`,
    });
  }
  const waiting = decisions.items.filter((d) => d.state === 'past-share');
  const firstWaiting = waiting[0];
  if (firstWaiting) {
    const share = shareText(r.amberDecisionShareOfTime);
    triggers.push({
      level: 'amber',
      text:
        waiting.length === 1
          ? `decision "${firstWaiting.title}" waiting past ${share} its time (due ${shortDate(firstWaiting.dueOn ?? today, today)})`
          : `${waiting.length} decisions waiting past ${share} their time`,
    });
  }

  if (r.amberBlockedItems > 0 && blocked.longCount >= r.amberBlockedItems) {
    triggers.push({
      level: 'amber',
      text: `${items(blocked.longCount)} blocked > ${days(r.blockedBusinessDays, 'business day')}`,
    });
  }
  if (r.amberOverdueShare > 0 && overdue > 0 && open > 0 && overdue / open >= r.amberOverdueShare) {
    triggers.push({
      level: 'amber',
      text: `${items(overdue)} past ${overdue === 1 ? 'its' : 'their'} due date`,
    });
  }

  // Slip: the forecast against the baseline, or, without a forecast, how long ago a passed baseline went by.
  const passedBy = baseline && fc.date === null && open > 0 ? daysBetween(baseline.date, today) : null;
  if (slipDays !== null) {
    const level = at(slipDays);
    if (level) triggers.push({ level, text: `forecast ${days(slipDays)} after baseline` });
  } else if (passedBy !== null && passedBy > 0) {
    const level = at(passedBy);
    if (level)
      triggers.push({ level, text: `baseline passed ${days(passedBy)} ago with ${items(open)} open` });
  }

  if (baseline && baseline.movedLaterDays > 0) {
    const text = `baseline moved ${days(baseline.movedLaterDays)} later${baseline.movedOn ? ` on ${shortDate(baseline.movedOn, today)}` : ''}`;
    if (r.amberWhenRebaselined) triggers.push({ level: 'amber', text });
    else notes.push(text);
  }
  if (
    r.amberWithoutForecast &&
    baseline &&
    open > 0 &&
    fc.date === null &&
    !(passedBy !== null && passedBy > 0)
  ) {
    triggers.push({ level: 'amber', text: 'no forecast, as nothing was finished lately' });
  }

  const rag: Rag = triggers.some((t) => t.level === 'red') ? 'red' : triggers.length > 0 ? 'amber' : 'green';
  const parts =
    rag === 'green'
      ? greenParts(shared.percentDone, counts, fc, slipDays, baseline, today)
      : [...triggers.filter((t) => t.level === 'red'), ...triggers.filter((t) => t.level === 'amber')].map(
          (t) => t.text,
        );
  if (!baseline) notes.push('no baseline set');
  return { ...shared, rag, reason: `${WORD[rag]}: ${[...parts, ...notes].join('; ')}`, figures: figureRows };
}

function greenParts(
  percent: number | null,
  counts: { total: number; done: number; open: number },
  fc: Forecast,
  slipDays: number | null,
  baseline: BaselineStatus | null,
  today: CalendarDate,
): string[] {
  if (counts.open === 0) return [`all ${items(counts.done)} done`];
  const parts = [`${percent ?? 0}% done`];
  if (fc.date) {
    if (slipDays === null) parts.push(`forecast ${shortDate(fc.date, today)}`);
    else if (slipDays === 0) parts.push(`forecast on baseline ${shortDate(fc.date, today)}`);
    else if (slipDays < 0) parts.push(`forecast ${days(-slipDays)} before baseline`);
    // A slip within amberSlipDays is allowed by the rules, but still said.
    else parts.push(`forecast ${days(slipDays)} after baseline`);
  } else if (baseline) parts.push(`baseline ${shortDate(baseline.date, today)}`);
  return parts;
}

function baselineStatus(input: ProgressInput): BaselineStatus | null {
  const b = input.baseline;
  if (!b) return null;
  const original = b.original ?? null;
  const movedLaterDays = original !== null && b.date > original ? daysBetween(original, b.date) : 0;
  return { date: b.date, original, movedLaterDays, movedOn: b.movedOn ?? null };
}

function escalationText(levels: readonly EscalationsAtLevel[], from: number, below: number): string {
  const hit = levels.filter((e) => e.level >= from && e.level < below);
  const n = hit.reduce((sum, e) => sum + e.open, 0);
  const low = hit[0]?.level ?? from;
  const high = hit[hit.length - 1]?.level ?? from;
  const noun = n === 1 ? 'escalation' : 'escalations';
  return low === high ? `${n} ${noun} open at level ${low}` : `${n} ${noun} open at levels ${low} to ${high}`;
}

function figures(
  input: ProgressInput,
  counts: { total: number; new: number; indeterminate: number; done: number; open: number } | null,
  fc: Forecast | null,
): Figure[] {
  const jql = (key: FigureKey): string | null => {
    const source = input.sources?.[key];
    return typeof source === 'string' && source.trim() !== '' ? source : null;
  };
  const row = (key: FigureKey, label: string, value: number | string | null): Figure => ({
    key,
    label,
    value,
    jql: jql(key),
  });
  return [
    row('total', 'Items in scope', counts?.total ?? null),
    row('new', 'To do', counts?.new ?? null),
    row('indeterminate', 'In progress', counts?.indeterminate ?? null),
    row('done', 'Done', counts?.done ?? null),
    row('blocked', 'Blocked', counts ? Math.min(input.blocked, counts.open) : null),
    row(
      'blockedLong',
      'Blocked for long',
      counts ? Math.min(input.blockedLong, input.blocked, counts.open) : null,
    ),
    row('overdue', 'Overdue', counts ? Math.min(input.overdue, counts.open) : null),
    row('openWithDueDate', 'Open with a due date', input.openDueDates?.withDueDate ?? null),
    row('latestOpenDue', 'Latest due date of open work', input.openDueDates?.latest ?? null),
    row('throughput', 'Done per week (recent)', fc?.weeklyThroughput ?? null),
  ];
}

/** The grey roll-up for input that cannot be read: no figure is guessed. */
function unreadable(problems: string[], asOf: CalendarDate): RollUp {
  const first = problems[0] ?? 'the data is incomplete.';
  return {
    rag: 'grey',
    reason: `Grey: the progress data could not be read. ${first}`,
    percentDone: null,
    counts: null,
    blocked: { count: 0, longCount: 0, businessDays: 0 },
    overdue: 0,
    baseline: null,
    forecast: {
      date: null,
      basis: 'none',
      confidence: 'none',
      note: `No forecast: ${first}`,
      remaining: 0,
      weeklyThroughput: null,
    },
    slipDays: null,
    escalationsByLevel: [],
    decisionsAwaiting: { count: 0, overdue: 0, pastShare: 0, items: [] },
    figures: [],
    asOf,
    problems,
  };
}

/** The input's time zone when it is a real one, else UTC (only used to date an unreadable roll-up). */
function safeZone(input: ProgressInput): string {
  return typeof input === 'object' && input !== null && isTimeZone(input.timeZone) ? input.timeZone : 'UTC';
}

function days(n: number, unit = 'day'): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function items(n: number): string {
  return `${n} ${n === 1 ? 'item' : 'items'}`;
}

function shareText(share: number): string {
  if (share === 0.5) return 'half';
  return `${Math.round(share * 100)}% of`;
}
