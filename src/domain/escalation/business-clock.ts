/**
 * The business-hours clock: how much working time lies between two instants on a calendar, and when a
 * business delay runs out. Working hours are read in the calendar's time zone, so DST changes shift
 * them in UTC, never their length; holidays and weekends add nothing; pause intervals stop the clock.
 */
import { IANAZone } from 'luxon';
import {
  type BusinessCalendar,
  calendarProblems,
  clockMinutes,
  publicHolidayDates,
} from './business-calendar';
import { type BusinessDuration, businessDurationMillis, parseBusinessDuration } from './business-duration';
import { EscalationInputError, isValidDate } from './escalation-input-error';

/** A stretch of time in which the clock stands still (the issue sat in a paused status); no `end` = still paused. */
export interface PauseInterval {
  start: Date;
  end?: Date;
}

type Span = readonly [number, number];

const DAY_MS = 86_400_000;
/** How far ahead `addBusinessTime` looks before it gives up (25 years of calendar days). */
const HORIZON_DAYS = 366 * 25;

/** Business milliseconds between `start` and `end` (0 when `end` is not after `start`). Throws EscalationInputError on bad input. */
export function businessMillisBetween(
  start: Date,
  end: Date,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): number {
  const clock = prepare(calendar, pauses, [start, end]);
  const to = end.getTime();
  let total = 0;
  for (const [s, e] of clock.segments(start.getTime())) {
    if (s >= to) break;
    total += Math.min(e, to) - s;
  }
  return total;
}

/**
 * The first instant at which `duration` of business time has passed since `start` (a number is milliseconds).
 * Undefined when that never happens (an open pause, or nothing within 25 years). Throws EscalationInputError on bad input.
 */
export function addBusinessTime(
  start: Date,
  duration: BusinessDuration | number,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): Date | undefined {
  const clock = prepare(calendar, pauses, [start]);
  let remaining: number;
  if (typeof duration === 'number') {
    if (!Number.isFinite(duration) || duration < 0) {
      throw new EscalationInputError('A business delay must be zero or more milliseconds.');
    }
    remaining = duration;
  } else {
    const parsed = parseBusinessDuration(duration);
    if (!parsed.ok) throw new EscalationInputError(parsed.message);
    remaining = businessDurationMillis(duration, calendar);
  }
  if (remaining === 0) return new Date(start.getTime());
  for (const [s, e] of clock.segments(start.getTime())) {
    if (remaining <= e - s) return new Date(s + remaining);
    remaining -= e - s;
  }
  return undefined;
}

/** Merges pause intervals into sorted, disjoint spans (open ones end at +∞). */
export function normalizePauses(pauses: readonly PauseInterval[]): Span[] {
  const spans = pauses
    .map((p): Span => [p.start.getTime(), p.end ? p.end.getTime() : Number.POSITIVE_INFINITY])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

// A sweep passes the same calendar object for every issue; its check is done once per object.
const checkedCalendars = new WeakMap<BusinessCalendar, ReturnType<typeof calendarProblems>>();

interface PreparedClock {
  segments(from: number): Generator<Span>;
}

function prepare(
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[],
  instants: Date[],
): PreparedClock {
  for (const instant of instants) {
    if (!isValidDate(instant))
      throw new EscalationInputError('The business clock was given a time that is not a valid date.');
  }
  const problems = checkedCalendars.get(calendar) ?? calendarProblems(calendar);
  checkedCalendars.set(calendar, problems);
  if (problems.length > 0)
    throw new EscalationInputError(`The business calendar is not usable: ${problems[0]?.message}`);
  for (const p of pauses) {
    if (!isValidDate(p.start) || (p.end !== undefined && !isValidDate(p.end))) {
      throw new EscalationInputError('A pause interval has a start or end that is not a valid date.');
    }
    if (p.end && p.end.getTime() < p.start.getTime()) {
      throw new EscalationInputError(
        `A pause interval ends (${p.end.toISOString()}) before it starts (${p.start.toISOString()}).`,
      );
    }
  }
  const workingSpan = workingSpanOf(calendar);
  const spans = normalizePauses(pauses);

  function* segments(from: number): Generator<Span> {
    // Walk calendar dates in plain UTC arithmetic; each date's hours are then placed in the zone.
    const local = from + IANAZone.create(calendar.timeZone).offset(from) * 60_000;
    let day = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
    let pi = 0;
    for (let i = 0; i < HORIZON_DAYS; i++, day += DAY_MS) {
      const date = new Date(day);
      const span = workingSpan(date);
      if (!span) continue;
      let s = Math.max(span[0], from);
      const e = span[1];
      while (s < e) {
        while (pi < spans.length && (spans[pi]?.[1] ?? 0) <= s) pi++;
        const pause = spans[pi];
        if (!pause || pause[0] >= e) {
          yield [s, e];
          break;
        }
        if (pause[0] > s) yield [s, pause[0]];
        if (pause[1] === Number.POSITIVE_INFINITY) return;
        s = pause[1];
      }
    }
  }

  return { segments };
}

/** Working spans repeat across calls (every issue of a sweep walks the same days), so they are memoised. */
const spanCache = new Map<string, Span | null>();
const SPAN_CACHE_LIMIT = 50_000;

/** The working span of one calendar date (a UTC-midnight `Date` naming the local date), or undefined. */
function workingSpanOf(calendar: BusinessCalendar): (date: Date) => Span | undefined {
  const zone = IANAZone.create(calendar.timeZone);
  const workingDays = new Set<number>(calendar.workingDays);
  const startMin = clockMinutes(calendar.hours.start) ?? 0;
  const endMin = clockMinutes(calendar.hours.end) ?? 0;
  const signature = [
    calendar.timeZone,
    startMin,
    endMin,
    [...workingDays].sort().join(''),
    calendar.holidays?.country ?? '',
    calendar.holidays?.region ?? '',
  ].join('|');
  return (date) => {
    const iso = date.toISOString().slice(0, 10);
    const key = `${signature}|${iso}`;
    const cached = spanCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    let span: Span | null = null;
    if (workingDays.has(weekday) && !publicHolidayDates(calendar.holidays, date.getUTCFullYear()).has(iso)) {
      const s = wallClockToMillis(zone, date.getTime(), startMin);
      const e = wallClockToMillis(zone, date.getTime(), endMin);
      if (e > s) span = [s, e];
    }
    if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.clear();
    spanCache.set(key, span);
    return span ?? undefined;
  };
}

/**
 * The instant at which the wall clock in `zone` shows `minutes` after midnight of the local date `dayUtc`
 * (that date's UTC midnight). A time inside a DST gap moves forward by the gap, as a wall clock would;
 * an ambiguous time (the hour repeated in autumn) takes its first occurrence.
 */
function wallClockToMillis(zone: IANAZone, dayUtc: number, minutes: number): number {
  const local = dayUtc + minutes * 60_000;
  // Same fix-up as luxon's: guess with the offset at the local reading, then correct once.
  const o1 = zone.offset(local);
  let guess = local - o1 * 60_000;
  const o2 = zone.offset(guess);
  if (o1 === o2) return guess;
  guess -= (o2 - o1) * 60_000;
  const o3 = zone.offset(guess);
  if (o2 === o3) return guess;
  return local - Math.min(o2, o3) * 60_000;
}
