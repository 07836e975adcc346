/** When the remaining work will be done, from recent throughput, with the latest open due date as a floor. */
import { addDays, dateIn, isInstant, laterOf, shortDate, type CalendarDate } from './calendar-date';
import { progressInputProblems, type ProgressInput } from './progress-input';

/** How the forecast date was found. */
export type ForecastBasis = 'throughput' | 'due-dates' | 'all-done' | 'no-work' | 'none';

export interface Forecast {
  /** The forecast completion date; null when there is nothing to forecast or no way to. */
  date: CalendarDate | null;
  basis: ForecastBasis;
  /** `low` when throughput is zero or rests on few items; `none` when there is no date. */
  confidence: 'normal' | 'low' | 'none';
  /** Why the confidence is what it is, in words; null when there is nothing to add. */
  note: string | null;
  /** Open items (to do and in progress). */
  remaining: number;
  /** Mean items done per week over the throughput window, to one decimal; null without a window. */
  weeklyThroughput: number | null;
}

/** Forecasts further out than this are not shown: they say "not at this pace", not a date. */
export const MAX_FORECAST_DAYS = 3650;

/** Fewer finished items than this, or fewer weeks of history, make a forecast's confidence low. */
export const THIN_DATA_ITEMS = 3;
export const THIN_DATA_WEEKS = 3;

/** A forecast completion date from remaining work and recent throughput, with a note when data is thin. */
export function forecast(input: ProgressInput, now: Date): Forecast {
  const problems = isInstant(now) ? progressInputProblems(input) : ['The current time is not a valid date.'];
  if (problems.length > 0) return none(0, null, `No forecast: ${problems[0] ?? ''}`);
  if (input.counts === null) return none(0, null, 'No forecast: the counts could not be read from Jira.');
  const today = dateIn(now, input.timeZone ?? 'UTC');
  const { new: toDo, indeterminate, done } = input.counts;
  const remaining = toDo + indeterminate;
  const weeks = input.throughput.length;
  const finished = input.throughput.reduce((a, b) => a + b, 0);
  const rate = weeks > 0 ? finished / weeks : null;
  const weeklyThroughput = rate === null ? null : Math.round(rate * 10) / 10;

  if (remaining + done === 0) {
    return {
      ...none(0, weeklyThroughput, 'Nothing is in scope yet, so there is nothing to forecast.'),
      basis: 'no-work',
    };
  }
  if (remaining === 0) {
    return {
      date: null,
      basis: 'all-done',
      confidence: 'normal',
      note: `All ${done} ${items(done)} are done.`,
      remaining,
      weeklyThroughput,
    };
  }
  const latestDue = input.openDueDates?.latest ?? null;
  const window = weeks === 1 ? 'last week' : `last ${weeks} weeks`;
  if (rate === null || rate === 0) {
    const nothing =
      weeks === 0 ? 'There is no throughput history' : `No items were finished in the ${window}`;
    if (latestDue === null) {
      return none(
        remaining,
        weeklyThroughput,
        `${nothing} and no open item has a due date, so there is no forecast.`,
      );
    }
    const withDue = input.openDueDates?.withDueDate ?? 0;
    const passed = latestDue < today ? `, which passed on ${shortDate(latestDue, today)}` : '';
    return {
      date: laterOf(latestDue, today),
      basis: 'due-dates',
      confidence: 'low',
      note:
        `${nothing}; the forecast is the latest due date of open work${passed} ` +
        `(${Math.min(withDue, remaining)} of ${remaining} open ${items(remaining)} have a due date).`,
      remaining,
      weeklyThroughput,
    };
  }
  const days = Math.ceil((remaining / rate) * 7);
  if (days > MAX_FORECAST_DAYS) {
    return none(
      remaining,
      weeklyThroughput,
      `At ${pace(rate)}, the ${remaining} open ${items(remaining)} would take more than ` +
        `${Math.floor(MAX_FORECAST_DAYS / 365)} years, so no date is shown.`,
    );
  }
  const byPace = addDays(today, days);
  const notes: string[] = [];
  let date = byPace;
  if (latestDue !== null && latestDue > byPace) {
    date = latestDue;
    notes.push(`Raised to the latest due date of open work (${shortDate(latestDue, today)}).`);
  }
  const thin = weeks < THIN_DATA_WEEKS || finished < THIN_DATA_ITEMS;
  if (thin) notes.unshift(`Based on only ${finished} ${items(finished)} finished in the ${window}.`);
  return {
    date,
    basis: 'throughput',
    confidence: thin ? 'low' : 'normal',
    note: notes.length > 0 ? notes.join(' ') : null,
    remaining,
    weeklyThroughput,
  };
}

function none(remaining: number, weeklyThroughput: number | null, note: string): Forecast {
  return { date: null, basis: 'none', confidence: 'none', note, remaining, weeklyThroughput };
}

function pace(rate: number): string {
  const perWeek = Math.round(rate * 10) / 10;
  return perWeek < 0.1
    ? 'fewer than 0.1 items a week'
    : `${perWeek} ${perWeek === 1 ? 'item' : 'items'} a week`;
}

function items(n: number): string {
  return n === 1 ? 'item' : 'items';
}
