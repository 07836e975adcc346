/** The burn-up chart: done against total over time, scaled into an SVG viewBox with axis ticks. */
import { daysBetween, shortDate } from './calendar-date';
import {
  countTicks,
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

export interface BurnUpChart {
  /** For the `viewBox` attribute: `0 0 width height`. */
  viewBox: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  done: ChartPoint[];
  total: ChartPoint[];
  donePath: string;
  totalPath: string;
  xTicks: XTick[];
  yTicks: YTick[];
  /** True when there is no snapshot to draw; the UI shows an empty state instead. */
  empty: boolean;
  /** The chart in one sentence, for screen readers and the title tooltip. */
  summary: string;
}

/** The burn-up series of a snapshot history (malformed entries are skipped), ready to draw as SVG. */
export function burnUp(history: readonly Snapshot[], frame: ChartFrame = DEFAULT_CHART_FRAME): BurnUpChart {
  const snapshots = readHistory(history);
  const plot = plotArea(frame);
  const { width, height } = frameSize(frame);
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  if (!first || !last) {
    return {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      plot,
      done: [],
      total: [],
      donePath: '',
      totalPath: '',
      xTicks: [],
      yTicks: [],
      empty: true,
      summary: 'No snapshots yet: the trend starts with the first daily snapshot.',
    };
  }
  const span = daysBetween(first.date, last.date);
  const x = linearScale(0, span, plot.left, plot.right);
  const ticks = countTicks(Math.max(...snapshots.map((s) => s.total)));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(0, top, plot.bottom, plot.top);
  const at = (s: Snapshot, value: number): ChartPoint => ({
    x: x(daysBetween(first.date, s.date)),
    y: y(value),
    date: s.date,
    value,
  });
  const done = snapshots.map((s) => at(s, s.done));
  const total = snapshots.map((s) => at(s, s.total));
  const tickDates = dateTicks(first.date, last.date);
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    plot,
    done,
    total,
    donePath: pathThrough(done),
    totalPath: pathThrough(total),
    xTicks: tickDates.map((date, i) => ({
      x: x(daysBetween(first.date, date)),
      date,
      label: dateLabel(date, tickDates[i - 1]),
    })),
    yTicks: ticks.map((v) => ({ y: y(v), label: String(v) })),
    empty: false,
    summary: summarise(first, last),
  };
}

function summarise(first: Snapshot, last: Snapshot): string {
  if (first.date === last.date) {
    return `${last.done} of ${last.total} items done on ${shortDate(last.date)}.`;
  }
  const scope =
    last.total === first.total
      ? `scope stayed at ${last.total}`
      : `scope went from ${first.total} to ${last.total}`;
  return (
    `Done went from ${first.done} to ${last.done} between ${shortDate(first.date)} and ` +
    `${shortDate(last.date)}; ${scope} items.`
  );
}
