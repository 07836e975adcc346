/** Calendar dates (`yyyy-MM-dd`) read in a time zone. */
import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real `yyyy-MM-dd` date. */
export function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

/** The date the wall calendar in `zone` shows at `instant`. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? instant.toISOString().slice(0, 10);
}

/** The first instant of the day after `date` in `zone`: when a due date on `date` has passed. */
export function endOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}
