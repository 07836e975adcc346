/** Calendar dates (`YYYY-MM-DD`) as the roll-up uses them: parsed strictly, compared in whole days. */
import { DateTime, IANAZone } from 'luxon';

/** A date without a time, `YYYY-MM-DD`. */
export type CalendarDate = string;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return (
    typeof value === 'string' && DATE_ONLY.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

/** The calendar date part of a Jira date or date-time (`2026-12-01`, `2026-12-01T09:00:00.000+0000`). */
export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const head = value.slice(0, 10);
  return isCalendarDate(head) && (value.length === 10 || value[10] === 'T') ? head : undefined;
}

/** True when `zone` is an IANA time zone name such as `Europe/Berlin` or `UTC`. */
export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone !== '' && IANAZone.isValidZone(zone);
}

/** True when `now` is a Date that holds a real instant. */
export function isInstant(now: unknown): now is Date {
  return now instanceof Date && Number.isFinite(now.getTime());
}

/** The calendar date of the instant `now` in the time zone `zone`. */
export function dateIn(now: Date, zone: string): CalendarDate {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? '1970-01-01';
}

/** `date` moved by `days` whole days (negative moves back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return utc(date).plus({ days }).toISODate() ?? date;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(utc(to).diff(utc(from), 'days').days);
}

/** The later of two dates. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return utc(date).weekday;
}

/** A short human date: `3 Dec`, or `3 Dec 2027` when the year differs from `today`'s. */
export function shortDate(date: CalendarDate, today?: CalendarDate): string {
  const d = utc(date);
  const sameYear = today !== undefined && today.slice(0, 4) === date.slice(0, 4);
  return d.setLocale('en-GB').toFormat(sameYear ? 'd LLL' : 'd LLL yyyy');
}

function utc(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}
