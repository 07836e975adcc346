/**
 * Jira's date formats. The emulated site runs in UTC: REST renders `2026-11-30T09:00:00.000+0000`
 * and JQL reads absolute dates, periods (`-2d`, `4w 2d`) and date functions against the site clock.
 */

const DAY = 86_400_000;

/** `2026-11-30T09:00:00.000+0000`, the form Jira Cloud's REST API uses. */
export function formatJiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** `2026-11-30` for date-only fields such as `duedate`. */
export const formatJiraDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function isValidDateOnly(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && formatJiraDate(ms) === value;
}

/** Epoch ms of midnight UTC of a `YYYY-MM-DD` date. */
export const dateOnlyToMs = (value: string): number => Date.parse(`${value}T00:00:00Z`);

const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

/**
 * Parses a JQL date literal: `yyyy-MM-dd`, `yyyy/MM/dd`, either with ` HH:mm`, or a period such as
 * `-2d`, `-48h`, `1w`, `4w 2d` relative to now. Returns epoch ms, or undefined when invalid.
 */
export function parseJqlDate(raw: string, now: Date): number | undefined {
  const value = raw.trim();
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    const check = new Date(ms);
    if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
    return ms;
  }
  const period = /^([-+]?)((?:\s*\d+\s*[ywdhmM])+)$/.exec(value);
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let ms = now.getTime();
    const parts = period[2]!.matchAll(/(\d+)\s*([ywdhmM])/g);
    const date = new Date(ms);
    for (const [, n, unit] of parts) {
      const amount = sign * Number(n);
      if (unit === 'y') date.setUTCFullYear(date.getUTCFullYear() + amount);
      else if (unit === 'M') date.setUTCMonth(date.getUTCMonth() + amount);
      else date.setTime(date.getTime() + amount * UNIT_MS[unit!]!);
    }
    ms = date.getTime();
    return ms;
  }
  return undefined;
}

/** Applies an optional function argument such as `-1`, `+2d`, `-1w` to a start date. */
function shift(base: Date, arg: string | undefined, defaultUnit: 'd' | 'w' | 'M' | 'y'): Date | undefined {
  if (arg === undefined || arg.trim() === '') return base;
  const match = /^([-+]?)(\d+)([ywdhmM]?)$/.exec(arg.trim());
  if (!match) return undefined;
  const amount = (match[1] === '-' ? -1 : 1) * Number(match[2]);
  const unit = match[3] || defaultUnit;
  const date = new Date(base.getTime());
  if (unit === 'y') date.setUTCFullYear(date.getUTCFullYear() + amount);
  else if (unit === 'M') date.setUTCMonth(date.getUTCMonth() + amount);
  else date.setTime(date.getTime() + amount * UNIT_MS[unit]!);
  return date;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
/** Jira's weeks start on Sunday in the default locale. */
const startOfWeek = (d: Date) => new Date(startOfDay(d).getTime() - d.getUTCDay() * DAY);
const startOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const startOfYear = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), 0, 1));

/** The JQL date functions this emulation knows, by lower-case name → epoch ms (or undefined if bad args). */
export const DATE_FUNCTIONS: Record<string, (now: Date, args: string[]) => number | undefined> = {
  now: (now) => now.getTime(),
  startofday: (now, [a]) => shift(startOfDay(now), a, 'd')?.getTime(),
  endofday: (now, [a]) => shift(new Date(startOfDay(now).getTime() + DAY - 1), a, 'd')?.getTime(),
  startofweek: (now, [a]) => shift(startOfWeek(now), a, 'w')?.getTime(),
  endofweek: (now, [a]) => shift(new Date(startOfWeek(now).getTime() + 7 * DAY - 1), a, 'w')?.getTime(),
  startofmonth: (now, [a]) => shift(startOfMonth(now), a, 'M')?.getTime(),
  endofmonth: (now, [a]) => {
    const s = startOfMonth(now);
    return shift(new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1) - 1), a, 'M')?.getTime();
  },
  startofyear: (now, [a]) => shift(startOfYear(now), a, 'y')?.getTime(),
  endofyear: (now, [a]) => shift(new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1) - 1), a, 'y')?.getTime(),
};
