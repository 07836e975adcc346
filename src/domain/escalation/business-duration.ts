/** Delays in business time, as a PM writes them: ISO 8601 (`PT16H`, `P2D`) or `{ days, hours, minutes }`. */
import { type BusinessCalendar, workdayMinutes } from './business-calendar';

/** `days` are working days of the path's calendar (one day = its working hours, e.g. 8 hours for 09:00–17:00). */
export type BusinessDuration = string | { days?: number; hours?: number; minutes?: number };

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** The parts of a business duration, or a sentence saying how to write it. */
export function parseBusinessDuration(
  value: unknown,
): { ok: true; parts: DurationParts } | { ok: false; message: string } {
  const hint = 'Write a business delay such as "P2D" (2 working days), "PT16H" or { "days": 1, "hours": 4 }.';
  if (typeof value === 'string') {
    const text = value.trim().toUpperCase();
    if (/^P\d+W$/.test(text)) {
      return {
        ok: false,
        message: `Weeks are not supported in "${value}"; write working days instead, e.g. "P5D".`,
      };
    }
    const m = ISO_DURATION.exec(text);
    if (!m || text === 'P' || text.endsWith('T'))
      return { ok: false, message: `"${value}" is not a delay. ${hint}` };
    return {
      ok: true,
      parts: { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0), minutes: Number(m[3] ?? 0) },
    };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((k) => !['days', 'hours', 'minutes'].includes(k));
    if (unknownKeys.length > 0) {
      return {
        ok: false,
        message: `A delay has only days, hours and minutes, not ${unknownKeys.join(', ')}. ${hint}`,
      };
    }
    const parts: DurationParts = { days: 0, hours: 0, minutes: 0 };
    let named = 0;
    for (const key of ['days', 'hours', 'minutes'] as const) {
      const n = record[key];
      if (n === undefined) continue;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
        return {
          ok: false,
          message: `The ${key} of a delay must be a whole number of zero or more. ${hint}`,
        };
      }
      parts[key] = n;
      named++;
    }
    if (named === 0) return { ok: false, message: `The delay is empty. ${hint}` };
    return { ok: true, parts };
  }
  return { ok: false, message: hint };
}

/** Milliseconds of business time a duration stands for on this calendar (0 when it cannot be read). */
export function businessDurationMillis(duration: BusinessDuration, calendar: BusinessCalendar): number {
  const parsed = parseBusinessDuration(duration);
  if (!parsed.ok) return 0;
  const { days, hours, minutes } = parsed.parts;
  return (days * workdayMinutes(calendar) + hours * 60 + minutes) * 60_000;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 business days", "1 business day and 4 hours", "no delay": a duration in words. */
export function describeBusinessDuration(duration: BusinessDuration): string {
  const parsed = parseBusinessDuration(duration);
  if (!parsed.ok) return 'an unreadable delay';
  return describeParts(parsed.parts);
}

/** Business milliseconds in words on this calendar, e.g. 20 hours on a 09:00–17:00 day → "2 business days and 4 hours". */
export function describeBusinessMillis(ms: number, calendar: BusinessCalendar): string {
  const day = workdayMinutes(calendar);
  let minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = day > 0 ? Math.floor(minutes / day) : 0;
  minutes -= days * day;
  const hours = Math.floor(minutes / 60);
  if (days === 0 && minutes === 0) return '0 business hours';
  return describeParts({ days, hours, minutes: minutes - hours * 60 });
}

function describeParts({ days, hours, minutes }: DurationParts): string {
  const words: string[] = [];
  if (days > 0) words.push(plural(days, 'day'));
  if (hours > 0) words.push(plural(hours, 'hour'));
  if (minutes > 0) words.push(plural(minutes, 'minute'));
  if (words.length === 0) return 'no delay';
  const [first = '', ...rest] = words;
  const head = first.replace(' ', ' business ');
  if (rest.length === 0) return head;
  return `${head} and ${rest.join(' and ')}`.replace(' and ', rest.length > 1 ? ', ' : ' and ');
}
