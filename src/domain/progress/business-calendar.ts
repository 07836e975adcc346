/** The business calendar that "blocked longer than N business days" counts on: time zone, working days, holidays. */
import { DateTime } from 'luxon';
import { isCalendarDate, isTimeZone, type CalendarDate } from './calendar-date';

export interface BusinessCalendar {
  /** IANA time zone of the site, for example `Europe/Berlin`. */
  timeZone: string;
  /** ISO weekdays that are working days: 1 is Monday, 7 is Sunday. */
  workingDays: readonly number[];
  /** Days off, `YYYY-MM-DD`, in the calendar's time zone. */
  holidays: readonly CalendarDate[];
}

/** Monday to Friday in UTC, no holidays: what a site that configured nothing runs with. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};

/** One sentence per thing wrong with a calendar; empty when it is usable. */
export function businessCalendarProblems(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isTimeZone(calendar.timeZone)) {
    problems.push(
      `The time zone "${String(calendar.timeZone)}" is not known; use a name such as Europe/Berlin.`,
    );
  }
  const days = Array.isArray(calendar.workingDays) ? calendar.workingDays : [];
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    problems.push('Working days must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday).');
  }
  const holidays = Array.isArray(calendar.holidays) ? calendar.holidays : [];
  const bad = holidays.filter((h) => !isCalendarDate(h));
  if (!Array.isArray(calendar.holidays) || bad.length > 0) {
    problems.push(
      `Holidays must be dates written as YYYY-MM-DD; these are not: ${bad.map(String).join(', ')}.`,
    );
  }
  return problems;
}

/**
 * The instant `days` business days before `now`: step back one day at a time, skipping days off.
 * An item that entered a state at or before this instant has been in it for at least `days` business days.
 */
export function businessDaysBefore(now: Date, days: number, calendar: BusinessCalendar): DateTime {
  const working = new Set(calendar.workingDays);
  const holidays = new Set(calendar.holidays);
  const isWorking = (d: DateTime): boolean => working.has(d.weekday) && !holidays.has(d.toISODate() ?? '');
  let at = DateTime.fromJSDate(now, { zone: calendar.timeZone });
  // A calendar with no working day at all would loop forever; a year of steps is far beyond any real use.
  for (let step = 0, guard = 0; step < days && guard < 366 * Math.max(days, 1); guard++) {
    at = at.minus({ days: 1 });
    if (isWorking(at)) step++;
  }
  return at;
}
