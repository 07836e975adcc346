/** The history of baseline against forecast: did the end date hold, or drift? Scaled for an SVG chart. */
import { daysBetween, shortDate, type CalendarDate } from './calendar-date';
import {
  dateLabel,
  dateTicks,
  DEFAULT_CHART_FRAME,
  frameSize,
  linearScale,
  pathThrough,
  plotArea,
  type ChartFrame,
  type ChartPoint,
  type XTick,
  type YTick,
} from './chart-scale';
import { readHistory, type Snapshot } from './snapshot';

/** One day of the history: the slip is forecast minus baseline, in days (negative is ahead). */
export interface BaselineForecastRow {
  date: CalendarDate;
  baseline: CalendarDate | null;
  forecast: CalendarDate | null;
  slipDays: number | null;
}

export interface BaselineVsForecastChart {
  rows: BaselineForecastRow[];
  viewBox: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Points where the day had a baseline / a forecast; the paths break over days without one. */
  baseline: ChartPoint[];
  forecast: ChartPoint[];
  baselinePath: string;
  forecastPath: string;
  /** Snapshot days along x; end dates along y (later is higher). */
  xTicks: XTick[];
  yTicks: YTick[];
  /** True when no snapshot has a baseline or a forecast. */
  empty: boolean;
  summary: string;
}

/** The baseline and forecast of each snapshot day, with their slip, ready to draw as SVG. */
export function baselineVsForecast(
  history: readonly Snapshot[],
  frame: ChartFrame = DEFAULT_CHART_FRAME,
): BaselineVsForecastChart {
  const snapshots = readHistory(history);
  const rows: BaselineForecastRow[] = snapshots.map((s) => ({
    date: s.date,
    baseline: s.baseline,
    forecast: s.forecast,
    slipDays: s.baseline !== null && s.forecast !== null ? daysBetween(s.baseline, s.forecast) : null,
  }));
  const { width, height } = frameSize(frame);
  const plot = plotArea(frame);
  const ends = rows.flatMap((r) => [r.baseline, r.forecast]).filter((d): d is CalendarDate => d !== null);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const blank = {
    rows,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    plot,
    baseline: [],
    forecast: [],
    baselinePath: '',
    forecastPath: '',
    xTicks: [],
    yTicks: [],
  };
  if (!first || !last || ends.length === 0) {
    return { ...blank, empty: true, summary: 'No baseline or forecast recorded yet.' };
  }
  const lowest = ends.reduce((a, b) => (a < b ? a : b));
  const highest = ends.reduce((a, b) => (a > b ? a : b));
  const x = linearScale(0, daysBetween(first.date, last.date), plot.left, plot.right);
  const y = linearScale(0, daysBetween(lowest, highest), plot.bottom, plot.top);
  const point = (r: BaselineForecastRow, end: CalendarDate | null): ChartPoint | null =>
    end === null
      ? null
      : { x: x(daysBetween(first.date, r.date)), y: y(daysBetween(lowest, end)), date: r.date, value: end };
  const baselineLine = rows.map((r) => point(r, r.baseline));
  const forecastLine = rows.map((r) => point(r, r.forecast));
  const xDates = dateTicks(first.date, last.date);
  const yDates = dateTicks(lowest, highest, 5);
  return {
    ...blank,
    baseline: baselineLine.filter((p): p is ChartPoint => p !== null),
    forecast: forecastLine.filter((p): p is ChartPoint => p !== null),
    baselinePath: pathThrough(baselineLine),
    forecastPath: pathThrough(forecastLine),
    xTicks: xDates.map((date, i) => ({
      x: x(daysBetween(first.date, date)),
      date,
      label: dateLabel(date, xDates[i - 1]),
    })),
    yTicks: yDates.map((date, i) => ({
      y: y(daysBetween(lowest, date)),
      label: dateLabel(date, yDates[i - 1]),
    })),
    empty: false,
    summary: summarise(rows),
  };
}

function summarise(rows: readonly BaselineForecastRow[]): string {
  const withSlip = rows.filter((r) => r.slipDays !== null);
  const latest = withSlip[withSlip.length - 1];
  const earliest = withSlip[0];
  if (!latest || !earliest || latest.slipDays === null) {
    return 'Baseline and forecast were never recorded on the same day, so there is no slip to show.';
  }
  const now = describeSlip(latest.slipDays);
  if (earliest === latest || earliest.slipDays === null)
    return `On ${shortDate(latest.date)} the forecast was ${now}.`;
  const drift = latest.slipDays - earliest.slipDays;
  const since = shortDate(earliest.date);
  const n = Math.abs(drift);
  const trend =
    drift === 0
      ? `unchanged since ${since}`
      : `${n} ${n === 1 ? 'day' : 'days'} ${drift > 0 ? 'worse' : 'better'} than on ${since}`;
  return `On ${shortDate(latest.date)} the forecast was ${now}, ${trend}.`;
}

function describeSlip(days: number): string {
  if (days === 0) return 'on the baseline';
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'after' : 'before'} the baseline`;
}
