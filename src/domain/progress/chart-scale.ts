/** Scaling for the trend charts: data to SVG coordinates inside a viewBox, with readable axis ticks. */
import { addDays, daysBetween, shortDate, type CalendarDate } from './calendar-date';

export interface ChartFrame {
  width: number;
  height: number;
  /** Room left for axis labels around the plot area. */
  margin: { top: number; right: number; bottom: number; left: number };
}

/** 600 × 240 with room for tick labels on the left and below. */
export const DEFAULT_CHART_FRAME: ChartFrame = {
  width: 600,
  height: 240,
  margin: { top: 12, right: 16, bottom: 28, left: 44 },
};

/** A point in viewBox coordinates (y grows downwards, as in SVG). */
export interface ChartPoint {
  x: number;
  y: number;
  date: CalendarDate;
  value: number | CalendarDate;
}

export interface XTick {
  x: number;
  date: CalendarDate;
  label: string;
}

export interface YTick {
  y: number;
  label: string;
}

/** The size of a frame; a width or height that is not a number of at least 2 falls back to the default. */
export function frameSize(frame: ChartFrame): { width: number; height: number } {
  return {
    width: positive(frame.width, DEFAULT_CHART_FRAME.width),
    height: positive(frame.height, DEFAULT_CHART_FRAME.height),
  };
}

/** The plot area of a frame, corrected so it is never empty or outside the viewBox. */
export function plotArea(frame: ChartFrame): { left: number; right: number; top: number; bottom: number } {
  const { width, height } = frameSize(frame);
  const m = frame.margin ?? DEFAULT_CHART_FRAME.margin;
  const left = clamp(nonNegative(m.left), 0, width - 1);
  const right = clamp(width - nonNegative(m.right), left + 1, width);
  const top = clamp(nonNegative(m.top), 0, height - 1);
  const bottom = clamp(height - nonNegative(m.bottom), top + 1, height);
  return { left, right, top, bottom };
}

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => round((r0 + r1) / 2);
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  return (v) => round(clamp(r0 + ((v - d0) / (d1 - d0)) * (r1 - r0), lo, hi));
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that is at least `n`. */
export function niceCeiling(n: number): number {
  if (!Number.isFinite(n) || n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** Whole-number ticks from 0 to `max` (a nice number), at most five steps. */
export function countTicks(max: number): number[] {
  const top = niceCeiling(max);
  const step = Math.max(1, niceCeiling(top / 5));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] !== top) ticks.push(top);
  return ticks;
}

/** Up to `count` dates spread evenly from `first` to `last`, both included, without repeats. */
export function dateTicks(first: CalendarDate, last: CalendarDate, count = 6): CalendarDate[] {
  const span = Math.max(daysBetween(first, last), 0);
  const n = Math.max(1, Math.min(count - 1, span));
  const dates = Array.from({ length: n + 1 }, (_, i) => addDays(first, Math.round((span * i) / n)));
  return [...new Set(dates)];
}

/** An SVG path through the points; a null starts a new segment (a gap in the data). */
export function pathThrough(points: ReadonlyArray<{ x: number; y: number } | null>): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${d === '' ? '' : ' '}${pen ? 'L' : 'M'}${p.x},${p.y}`;
    pen = true;
  }
  return d;
}

/** Labels a date tick: `3 Dec`, with the year on the first tick and wherever the year changes. */
export function dateLabel(date: CalendarDate, previous: CalendarDate | undefined): string {
  return shortDate(date, previous);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

function positive(v: number, fallback: number): number {
  return Number.isFinite(v) && v >= 2 ? v : fallback;
}

function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}
