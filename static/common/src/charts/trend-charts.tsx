/**
 * SVG trend charts drawn from the progress domain's `burnUp()` and `baselineVsForecast()`: the domain scales
 * the series into a viewBox; these components only draw it. Colours are design tokens, so both themes read
 * well; the `<title>` carries the domain's one-sentence summary for screen readers and the tooltip.
 */
import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import {
  baselineVsForecast,
  burnUp,
  type ChartPoint,
  type Snapshot,
  type XTick,
  type YTick,
} from '../../../../src/domain/progress';
import type { TrendPoint } from '../../../../src/shared/progress';

/** The contract's trend points as the domain's snapshots (absent dates become null). */
export function toSnapshots(history: readonly TrendPoint[]): Snapshot[] {
  return history.map((p) => ({
    date: p.date,
    total: p.total,
    done: p.done,
    forecast: p.forecast ?? null,
    baseline: p.baseline ?? null,
  }));
}

const AXIS = token('color.border', '#091E4224');
const LABEL = token('color.text.subtle', '#44546F');

function Axes({
  plot,
  xTicks,
  yTicks,
}: {
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: XTick[];
  yTicks: YTick[];
}) {
  return (
    <g aria-hidden="true">
      <line x1={plot.left} y1={plot.bottom} x2={plot.right} y2={plot.bottom} stroke={AXIS} />
      <line x1={plot.left} y1={plot.top} x2={plot.left} y2={plot.bottom} stroke={AXIS} />
      {yTicks.map((t) => (
        <g key={`y-${t.label}-${t.y}`}>
          <line x1={plot.left} y1={t.y} x2={plot.right} y2={t.y} stroke={AXIS} strokeDasharray="2 4" />
          <text x={plot.left - 6} y={t.y + 4} textAnchor="end" fontSize="11" fill={LABEL}>
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x-${t.date}`} x={t.x} y={plot.bottom + 16} textAnchor="middle" fontSize="11" fill={LABEL}>
          {t.label}
        </text>
      ))}
    </g>
  );
}

function Markers({ points, colour, name }: { points: ChartPoint[]; colour: string; name: string }) {
  return (
    <g data-series={name}>
      {points.map((p) => (
        <circle key={`${name}-${p.date}`} cx={p.x} cy={p.y} r={3} fill={colour}>
          <title>{`${name} on ${p.date}: ${String(p.value)}`}</title>
        </circle>
      ))}
    </g>
  );
}

function Legend({ items }: { items: Array<{ label: string; colour: string; dashed?: boolean }> }) {
  return (
    <g aria-hidden="true">
      {items.map((item, i) => (
        <g key={item.label} transform={`translate(${60 + i * 110}, 4)`}>
          <line
            x1={0}
            y1={4}
            x2={16}
            y2={4}
            stroke={item.colour}
            strokeWidth={2}
            strokeDasharray={item.dashed ? '4 3' : undefined}
          />
          <text x={20} y={8} fontSize="11" fill={LABEL}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

interface Series {
  name: string;
  colour: string;
  path: string;
  points: ChartPoint[];
  dashed?: boolean;
}

/** The frame both trend charts share: title, axes, two series with point markers, and a legend. */
function TwoSeriesChart({
  chart,
  solid,
  dashed,
  testId,
}: {
  chart: { viewBox: string; width: number; summary: string; plot: Parameters<typeof Axes>[0]['plot'] } & {
    xTicks: XTick[];
    yTicks: YTick[];
  };
  solid: Series;
  dashed: Series;
  testId: string;
}) {
  const titleId = useId();
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={chart.viewBox}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      data-testid={testId}
      style={{ maxWidth: chart.width }}
    >
      <title id={titleId}>{chart.summary}</title>
      <Axes plot={chart.plot} xTicks={chart.xTicks} yTicks={chart.yTicks} />
      <path d={dashed.path} fill="none" stroke={dashed.colour} strokeWidth={2} strokeDasharray="4 3" />
      <path d={solid.path} fill="none" stroke={solid.colour} strokeWidth={2} />
      <Markers points={dashed.points} colour={dashed.colour} name={dashed.name} />
      <Markers points={solid.points} colour={solid.colour} name={solid.name} />
      <Legend
        items={[
          { label: solid.name, colour: solid.colour },
          { label: dashed.name, colour: dashed.colour, dashed: true },
        ]}
      />
    </svg>
  );
}

/** Done against total over time. Empty history: the domain's sentence instead of a blank chart. */
export function BurnUpChart({
  history,
  testId = 'burn-up-chart',
}: {
  history: readonly TrendPoint[];
  testId?: string;
}) {
  const chart = burnUp(toSnapshots(history));
  if (chart.empty) return <p data-testid={`${testId}-empty`}>{chart.summary}</p>;
  return (
    <TwoSeriesChart
      chart={chart}
      testId={testId}
      solid={{
        name: 'Done',
        colour: token('color.chart.success.bold', '#22A06B'),
        path: chart.donePath,
        points: chart.done,
      }}
      dashed={{
        name: 'Total',
        colour: token('color.chart.neutral', '#8590A2'),
        path: chart.totalPath,
        points: chart.total,
      }}
    />
  );
}

/** The baseline and the forecast of each day: did the end date hold, or drift? */
export function BaselineForecastChart({
  history,
  testId = 'baseline-forecast-chart',
}: {
  history: readonly TrendPoint[];
  testId?: string;
}) {
  const chart = baselineVsForecast(toSnapshots(history));
  if (chart.empty) return <p data-testid={`${testId}-empty`}>{chart.summary}</p>;
  return (
    <TwoSeriesChart
      chart={chart}
      testId={testId}
      solid={{
        name: 'Forecast',
        colour: token('color.chart.brand', '#1D7AFC'),
        path: chart.forecastPath,
        points: chart.forecast,
      }}
      dashed={{
        name: 'Baseline',
        colour: token('color.chart.neutral', '#8590A2'),
        path: chart.baselinePath,
        points: chart.baseline,
      }}
    />
  );
}

/** A tiny done-share trend for a table cell: no axes, one path, the summary as its accessible name. */
export function Sparkline({ history, label }: { history: readonly TrendPoint[]; label: string }) {
  const points = history.filter((p) => p.total > 0);
  const width = 80;
  const height = 20;
  if (points.length < 2) return <span aria-label={`${label}: not enough history yet`}>—</span>;
  const step = width / (points.length - 1);
  const d = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(height - 2 - (p.done / p.total) * (height - 4)).toFixed(1)}`,
    )
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `${label}: ${Math.round((first.done / first.total) * 100)}% done on ${first.date}, ${Math.round((last.done / last.total) * 100)}% on ${last.date}`
      : label;
  return (
    <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{summary}</title>
      <path d={d} fill="none" stroke={token('color.chart.brand', '#1D7AFC')} strokeWidth={1.5} />
    </svg>
  );
}
