import { DateTime } from 'luxon';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant with a date, a time and an explicit offset (`Z` or `+02:00`): never a zone-less local time. */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not). */
export function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_SHAPE.test(value) &&
    DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid
  );
}

/** True when `value` is an ISO 8601 instant with an offset, such as `2025-03-04T09:30:00Z`. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT_SHAPE.test(value) && DateTime.fromISO(value).isValid;
}

/** The instant in UTC with milliseconds (`2025-03-04T09:30:00.000Z`), or undefined when it is not one. */
export function normaliseInstant(value: unknown): string | undefined {
  if (!isIsoInstant(value)) return undefined;
  return DateTime.fromISO(value, { zone: 'utc' }).toISO() ?? undefined;
}

/** The calendar date of instant `now` in time zone `zone` (`YYYY-MM-DD`), or undefined for bad input. */
export function calendarDateIn(now: string, zone = 'UTC'): string | undefined {
  if (!isIsoInstant(now)) return undefined;
  const local = DateTime.fromISO(now, { zone });
  return local.isValid ? local.toFormat('yyyy-MM-dd') : undefined;
}

/** Whole days from calendar date `from` to `to` (negative when `to` is earlier). Both must be valid dates. */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromFormat(from, 'yyyy-MM-dd', { zone: 'utc' });
  const b = DateTime.fromFormat(to, 'yyyy-MM-dd', { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}

/** ADF's `date` node wants midnight UTC of the day as a millisecond timestamp string. */
export function adfDateTimestamp(isoDate: string): string {
  return String(DateTime.fromFormat(isoDate, 'yyyy-MM-dd', { zone: 'utc' }).toMillis());
}

/** An instant as people read it in an exported page: `2025-03-04 09:30 UTC`. */
export function readableInstant(instant: string): string {
  const t = DateTime.fromISO(instant, { zone: 'utc' });
  return t.isValid ? `${t.toFormat('yyyy-MM-dd HH:mm')} UTC` : instant;
}
