/** Daily snapshots of an initiative's progress, the history its trend charts are drawn from. */
import { isCalendarDate, type CalendarDate } from './calendar-date';
import { isCount } from './progress-input';
import type { RollUp } from './roll-up';

/** One day of an initiative: `date` is the day in the site's time zone. */
export interface Snapshot {
  date: CalendarDate;
  total: number;
  done: number;
  forecast: CalendarDate | null;
  baseline: CalendarDate | null;
}

/** About thirteen months of daily snapshots: enough for a year's trend, small enough for one KVS value. */
export const DEFAULT_HISTORY_CAP = 400;

export interface AppendResult {
  /** Oldest first, one snapshot per date, at most `cap` of them. */
  history: Snapshot[];
  /** False when nothing changed, so the caller can skip the write. */
  changed: boolean;
  /** Why the snapshot was not taken, when it was malformed. */
  problem?: string;
}

/** One sentence saying what is wrong with a snapshot, or undefined when it is well formed. */
export function snapshotProblem(s: Snapshot): string | undefined {
  if (typeof s !== 'object' || s === null) return 'The snapshot is missing.';
  if (!isCalendarDate(s.date))
    return `The snapshot date "${String(s.date)}" is not a date written as YYYY-MM-DD.`;
  if (!isCount(s.total) || !isCount(s.done)) {
    return `The snapshot of ${s.date} needs whole counts of 0 or more (total ${String(s.total)}, done ${String(s.done)}).`;
  }
  if (s.done > s.total)
    return `The snapshot of ${s.date} has more done (${s.done}) than in total (${s.total}).`;
  if (s.forecast !== null && !isCalendarDate(s.forecast)) {
    return `The snapshot of ${s.date} has a forecast that is not a date: "${String(s.forecast)}".`;
  }
  if (s.baseline !== null && !isCalendarDate(s.baseline)) {
    return `The snapshot of ${s.date} has a baseline that is not a date: "${String(s.baseline)}".`;
  }
  return undefined;
}

/**
 * Adds the day's snapshot to the history: one per date (a later snapshot of the same day replaces it), kept in
 * date order, the newest `cap` only. Appending the same snapshot twice changes nothing.
 */
export function appendSnapshot(
  history: readonly Snapshot[],
  snapshot: Snapshot,
  cap: number = DEFAULT_HISTORY_CAP,
): AppendResult {
  const clean = readHistory(history);
  const problem = snapshotProblem(snapshot);
  if (problem !== undefined) return { history: clean, changed: false, problem };
  const limit = Number.isInteger(cap) && cap >= 1 ? cap : DEFAULT_HISTORY_CAP;
  const next = [...clean.filter((s) => s.date !== snapshot.date), pick(snapshot)];
  next.sort((a, b) => a.date.localeCompare(b.date));
  const capped = next.slice(-limit);
  // Compared with what was stored, so a history that needed cleaning up is written back once.
  const before: readonly unknown[] = Array.isArray(history) ? history : [];
  const changed = capped.length !== before.length || capped.some((s, i) => !sameSnapshot(s, before[i]));
  return { history: capped, changed };
}

/** Reads a stored history defensively: malformed entries are dropped, duplicates keep the last, date order. */
export function readHistory(stored: unknown): Snapshot[] {
  if (!Array.isArray(stored)) return [];
  const byDate = new Map<string, Snapshot>();
  for (const s of stored as Snapshot[]) if (snapshotProblem(s) === undefined) byDate.set(s.date, pick(s));
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The snapshot a roll-up gives for its day (`asOf`); undefined when the roll-up has no counts to record. */
export function snapshotOf(rollUp: RollUp): Snapshot | undefined {
  if (!rollUp.counts || !isCalendarDate(rollUp.asOf)) return undefined;
  return {
    date: rollUp.asOf,
    total: rollUp.counts.total,
    done: rollUp.counts.done,
    forecast: rollUp.forecast.date,
    baseline: rollUp.baseline?.date ?? null,
  };
}

function pick(s: Snapshot): Snapshot {
  return { date: s.date, total: s.total, done: s.done, forecast: s.forecast, baseline: s.baseline };
}

function sameSnapshot(a: Snapshot, other: unknown): boolean {
  if (typeof other !== 'object' || other === null) return false;
  const b = other as Snapshot;
  return (
    a.date === b.date &&
    a.total === b.total &&
    a.done === b.done &&
    a.forecast === b.forecast &&
    a.baseline === b.baseline
  );
}
