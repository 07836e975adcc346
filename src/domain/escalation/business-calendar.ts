/** The business calendar an escalation path runs on: time zone, working days and hours, public holidays. */
import Holidays from 'date-holidays';
import { Info } from 'luxon';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  /** IANA time zone the working hours are read in, e.g. `Europe/Berlin`. */
  timeZone: string;
  workingDays: Weekday[];
  /** Wall-clock working hours, `HH:mm`; `end` may be `24:00`. */
  hours: { start: string; end: string };
  /** Public holidays of this country (ISO 3166-1 alpha-2) and optional region, from `date-holidays`. */
  holidays?: { country: string; region?: string };
  /** While an issue sits in one of these statuses, its escalation clock stands still. */
  pausedStatuses: string[];
}

const CLOCK_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Minutes after midnight of an `HH:mm` clock time, or undefined when it is not one. */
export function clockMinutes(value: string): number | undefined {
  const m = CLOCK_TIME.exec(value);
  if (!m) return undefined;
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

/** Length of one working day in minutes (a "business day" of delay is this long). */
export function workdayMinutes(calendar: BusinessCalendar): number {
  const start = clockMinutes(calendar.hours.start) ?? 0;
  const end = clockMinutes(calendar.hours.end) ?? 0;
  return Math.max(0, end - start);
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  let known = zoneValidity.get(zone);
  if (known === undefined) {
    known = Info.isValidIANAZone(zone);
    if (zoneValidity.size > 1000) zoneValidity.clear();
    zoneValidity.set(zone, known);
  }
  return known;
}
const zoneValidity = new Map<string, boolean>();

let countryNames: Record<string, string> | undefined;
/** The countries `date-holidays` knows, code → English name. */
export function holidayCountries(): Record<string, string> {
  countryNames ??= new Holidays().getCountries('en');
  return countryNames;
}

/** The regions `date-holidays` knows for a country, code → name (empty when it has none). */
export function holidayRegions(country: string): Record<string, string> {
  if (!(country in holidayCountries())) return {};
  let regions = regionNames.get(country);
  if (!regions) {
    regions = new Holidays().getStates(country, 'en') ?? {};
    regionNames.set(country, regions);
  }
  return regions;
}
const regionNames = new Map<string, Record<string, string>>();

/** One sentence per problem with the calendar (field → sentence); empty when it is usable. */
export function calendarProblems(calendar: BusinessCalendar): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!isKnownTimeZone(calendar.timeZone)) {
    problems.push({
      field: 'timeZone',
      message: `"${calendar.timeZone}" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.`,
    });
  }
  const days = calendar.workingDays;
  if (days.length === 0) {
    problems.push({ field: 'workingDays', message: 'Choose at least one working day.' });
  } else if (new Set(days).size !== days.length) {
    problems.push({ field: 'workingDays', message: 'Each working day may be listed only once.' });
  }
  const start = clockMinutes(calendar.hours.start);
  const end = clockMinutes(calendar.hours.end);
  if (start === undefined || start >= 24 * 60) {
    problems.push({
      field: 'hours.start',
      message: 'Enter the start of the working day as HH:mm, e.g. 09:00.',
    });
  }
  if (end === undefined) {
    problems.push({ field: 'hours.end', message: 'Enter the end of the working day as HH:mm, e.g. 17:00.' });
  }
  if (start !== undefined && end !== undefined && end <= start) {
    problems.push({
      field: 'hours.end',
      message: `The working day must end after it starts (${calendar.hours.start}–${calendar.hours.end} is empty).`,
    });
  }
  if (calendar.holidays) {
    const { country, region } = calendar.holidays;
    const countries = holidayCountries();
    if (!(country in countries)) {
      problems.push({
        field: 'holidays.country',
        message: `"${country}" is not a country code with a holiday calendar; use a two-letter code such as DE, FR or US.`,
      });
    } else if (region !== undefined && !(region in holidayRegions(country))) {
      const known = Object.keys(holidayRegions(country));
      problems.push({
        field: 'holidays.region',
        message:
          known.length > 0
            ? `"${region}" is not a region of ${countries[country]}; use one of ${known.join(', ')}.`
            : `${countries[country]} has no regional holiday calendars; leave the region empty.`,
      });
    }
  }
  return problems;
}

const holidayCache = new Map<string, ReadonlySet<string>>();
const calendarCache = new Map<string, Holidays>();

/** The local dates (`yyyy-MM-dd`) of public holidays in `year` for the calendar's country/region. */
export function publicHolidayDates(
  holidays: BusinessCalendar['holidays'],
  year: number,
): ReadonlySet<string> {
  if (!holidays) return new Set();
  const key = `${holidays.country}|${holidays.region ?? ''}|${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const calKey = `${holidays.country}|${holidays.region ?? ''}`;
  let hd = calendarCache.get(calKey);
  if (!hd) {
    hd = holidays.region ? new Holidays(holidays.country, holidays.region) : new Holidays(holidays.country);
    calendarCache.set(calKey, hd);
  }
  const dates = new Set<string>();
  // Only `public` days close offices; `bank` (e.g. German Christmas Eve afternoon) and observances do not.
  for (const h of hd.getHolidays(year) || []) {
    if (h.type !== 'public') continue;
    const first = Date.UTC(
      Number(h.date.slice(0, 4)),
      Number(h.date.slice(5, 7)) - 1,
      Number(h.date.slice(8, 10)),
    );
    const spanDays = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < spanDays; i++) dates.add(new Date(first + i * 86_400_000).toISOString().slice(0, 10));
  }
  holidayCache.set(key, dates);
  return dates;
}

/** "Mon–Fri", "Mon, Wed, Fri", "every day": the working days in words. */
export function describeWorkingDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const from = WEEKDAY_NAMES[(sorted[i] ?? 1) - 1];
    const to = WEEKDAY_NAMES[(sorted[j] ?? 1) - 1];
    runs.push(j - i >= 2 ? `${from}–${to}` : j > i ? `${from}, ${to}` : `${from}`);
    i = j + 1;
  }
  return runs.join(', ');
}
