import type { DisplayNameLookup } from '../roles/people-names';
import { HIGH_FROM, quadrantOf } from './quadrant';
import { SCORES, type Quadrant, type Score, type Stakeholder, type StakeholderGrid } from './stakeholder';
import { stakeholderInitials, stakeholderName } from './stakeholder-name';

/**
 * Geometry of the grid. Concern runs left → right, authority bottom → top. Each axis is split in halves
 * at the high threshold, so the 2×2 has four equal quadrants: the low scores (1–2) share the first
 * half, the high scores (3–5) the second. Each score owns a band of its half; a dot is drawn inside its
 * score's band, so a drag that ends anywhere in the band gives the same score back.
 */
export const GRID_SIZE_LIMITS = { min: 50, max: 10_000 } as const;

/** The largest dot radius, in pixels; dots shrink below it when a cell is crowded. */
export const MAX_DOT_RADIUS = 18;

export interface Band {
  start: number;
  end: number;
}

/** The band of an axis of `length` pixels that score `score` owns, measured from the axis origin. */
export function bandOf(score: Score, length: number): Band {
  const half = length / 2;
  if (score < HIGH_FROM) {
    const size = half / (HIGH_FROM - 1);
    return { start: (score - 1) * size, end: score * size };
  }
  const size = half / (5 - HIGH_FROM + 1);
  return { start: half + (score - HIGH_FROM) * size, end: half + (score - HIGH_FROM + 1) * size };
}

/** The score whose band holds `position` on an axis of `length` pixels (clamped to the axis). */
export function scoreAt(position: number, length: number): Score {
  const p = Math.min(Math.max(position, 0), length);
  for (const score of SCORES) {
    if (p < bandOf(score, length).end) return score;
  }
  return 5;
}

export interface GridDot {
  stakeholderId: string;
  /** Centre, in SVG pixels (origin top left). */
  x: number;
  y: number;
  initials: string;
  /** The full name, for the dot's `<title>` and its accessible label. */
  name: string;
  quadrant: Quadrant;
}

export interface QuadrantArea {
  quadrant: Quadrant;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridLayout {
  width: number;
  height: number;
  radius: number;
  dots: GridDot[];
  quadrants: QuadrantArea[];
}

export type LayoutResult = ({ ok: true } & GridLayout) | { ok: false; message: string };

function sizeProblem(width: number, height: number): string | undefined {
  const ok = (v: number) => Number.isFinite(v) && v >= GRID_SIZE_LIMITS.min && v <= GRID_SIZE_LIMITS.max;
  if (ok(width) && ok(height)) return undefined;
  return `The grid needs a size from ${GRID_SIZE_LIMITS.min} to ${GRID_SIZE_LIMITS.max.toLocaleString('en-US')} pixels each way.`;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Places every stakeholder as a dot with initials. Dots that share both scores are spread on a small
 * grid inside their cell, in id order (deterministic, so the picture never jumps between renders), and
 * the radius shrinks until no two dots overlap and every dot stays inside its own score bands.
 */
export function layout(
  grid: Pick<StakeholderGrid, 'stakeholders'>,
  width: number,
  height: number,
  names?: DisplayNameLookup,
): LayoutResult {
  const problem = sizeProblem(width, height);
  if (problem) return { ok: false, message: problem };

  const cells = new Map<string, Stakeholder[]>();
  for (const s of grid.stakeholders) {
    const key = `${s.authority}|${s.concern}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }

  let radius = Math.min(MAX_DOT_RADIUS, Math.min(width, height) / 12);
  const placed: GridDot[] = [];
  for (const members of cells.values()) {
    const first = members[0];
    if (!first) continue;
    const bx = bandOf(first.concern, width);
    const by = bandOf(first.authority, height);
    const cols = Math.ceil(Math.sqrt(members.length));
    const rows = Math.ceil(members.length / cols);
    const stepX = (bx.end - bx.start) / cols;
    const stepY = (by.end - by.start) / rows;
    // 0.45 of the spacing leaves a gap of a tenth of it between neighbours and from the band edges.
    radius = Math.min(radius, 0.45 * Math.min(stepX, stepY));
    [...members]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((s, i) => {
        const col = i % cols;
        const row = Math.floor(i / cols);
        const name = stakeholderName(s.party, names);
        placed.push({
          stakeholderId: s.id,
          x: round2(bx.start + (col + 0.5) * stepX),
          // Authority grows upwards; SVG's y grows downwards.
          y: round2(height - (by.start + (row + 0.5) * stepY)),
          initials: stakeholderInitials(s.party, names),
          name,
          quadrant: quadrantOf(s),
        });
      });
  }

  const order = new Map(grid.stakeholders.map((s, i) => [s.id, i]));
  placed.sort((a, b) => (order.get(a.stakeholderId) ?? 0) - (order.get(b.stakeholderId) ?? 0));
  const halfW = width / 2;
  const halfH = height / 2;
  return {
    ok: true,
    width,
    height,
    radius: round2(radius),
    dots: placed,
    quadrants: [
      { quadrant: 'keep-satisfied', x: 0, y: 0, width: halfW, height: halfH },
      { quadrant: 'manage-closely', x: halfW, y: 0, width: halfW, height: halfH },
      { quadrant: 'monitor', x: 0, y: halfH, width: halfW, height: halfH },
      { quadrant: 'keep-informed', x: halfW, y: halfH, width: halfW, height: halfH },
    ],
  };
}

export type MoveResult = { ok: true; stakeholder: Stakeholder } | { ok: false; message: string };

/**
 * The stakeholder with the scores of the point where a drag ended (in the same SVG pixels as
 * {@link layout}); a point outside the grid counts as its nearest edge.
 */
export function moveTo(
  stakeholder: Stakeholder,
  x: number,
  y: number,
  width: number,
  height: number,
): MoveResult {
  const problem = sizeProblem(width, height);
  if (problem) return { ok: false, message: problem };
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return { ok: false, message: 'The drop position was not a point on the grid; drag the dot again.' };
  }
  return {
    ok: true,
    stakeholder: { ...stakeholder, concern: scoreAt(x, width), authority: scoreAt(height - y, height) },
  };
}
