/**
 * The 2×2 as SVG: concern left → right, authority bottom → top, quadrants labelled with their plan, one dot
 * with initials per stakeholder. A dot moves by pointer drag or, when focused, by the arrow keys (up/down
 * change authority, left/right concern); `onMove` gets the new scores. Colours are Atlaskit tokens, so the
 * grid reads in dark mode too.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  engagementFor,
  layout,
  moveTo,
  QUADRANT_INFO,
  CADENCE_LABEL,
  type Score,
  type Stakeholder,
  type StakeholderGrid,
} from '../../../src/domain/stakeholders';
import type { DisplayNameLookup } from '../../../src/domain/roles/people-names';

export const GRID_WIDTH = 640;
export const GRID_HEIGHT = 440;

const clamp = (n: number): Score => Math.min(5, Math.max(1, n)) as Score;

export interface GridSvgProps {
  grid: StakeholderGrid;
  names?: DisplayNameLookup;
  canMove: boolean;
  onMove: (stakeholderId: string, scores: { authority: Score; concern: Score }) => void;
}

export function StakeholderGridSvg({ grid, names, canMove, onMove }: GridSvgProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const placed = layout(grid, GRID_WIDTH, GRID_HEIGHT, names);
  if (!placed.ok) return <p>{placed.message}</p>;
  const byId = new Map(grid.stakeholders.map((s) => [s.id, s]));

  const point = (e: PointerEvent): { x: number; y: number } => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return { x: 0, y: 0 };
    return {
      x: ((e.clientX - box.left) / box.width) * GRID_WIDTH,
      // The drawing is GRID_HEIGHT tall plus 40 units of axis labels below it (the viewBox).
      y: ((e.clientY - box.top) / box.height) * (GRID_HEIGHT + 40),
    };
  };
  const drop = (s: Stakeholder, x: number, y: number) => {
    const moved = moveTo(s, x, y, GRID_WIDTH, GRID_HEIGHT);
    if (
      moved.ok &&
      (moved.stakeholder.authority !== s.authority || moved.stakeholder.concern !== s.concern)
    ) {
      onMove(s.id, { authority: moved.stakeholder.authority, concern: moved.stakeholder.concern });
    }
  };
  const onKey = (s: Stakeholder) => (e: KeyboardEvent) => {
    const delta: Record<string, [number, number]> = {
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
    };
    const d = delta[e.key];
    if (!d || !canMove) return;
    e.preventDefault();
    const authority = clamp(s.authority + d[0]);
    const concern = clamp(s.concern + d[1]);
    if (authority !== s.authority || concern !== s.concern) onMove(s.id, { authority, concern });
  };

  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${GRID_WIDTH} ${GRID_HEIGHT + 40}`}
      width="100%"
      role="group"
      aria-label="Stakeholder grid: authority rises upwards, concern rises to the right"
      data-testid="stakeholder-svg"
      style={{ maxWidth: GRID_WIDTH + 40, touchAction: 'none' }}
    >
      {placed.quadrants.map((q) => {
        const plan = engagementFor(grid, q.quadrant);
        return (
          <g key={q.quadrant}>
            <rect
              x={q.x}
              y={q.y}
              width={q.width}
              height={q.height}
              fill={
                q.quadrant === 'manage-closely'
                  ? 'var(--ds-background-accent-blue-subtlest, #E9F2FF)'
                  : 'var(--ds-surface-sunken, #F7F8F9)'
              }
              stroke="var(--ds-border, #091E4224)"
            />
            <text x={q.x + 8} y={q.y + 18} fontSize="13" fontWeight="bold" fill="var(--ds-text, #172B4D)">
              {QUADRANT_INFO[q.quadrant].label}
            </text>
            <text x={q.x + 8} y={q.y + 34} fontSize="11" fill="var(--ds-text-subtle, #44546F)">
              {`${CADENCE_LABEL[plan.cadence]} · ${plan.channel}`}
            </text>
          </g>
        );
      })}
      <text
        x={GRID_WIDTH / 2}
        y={GRID_HEIGHT + 28}
        fontSize="12"
        textAnchor="middle"
        fill="var(--ds-text-subtle, #44546F)"
      >
        Level of concern: low → high
      </text>
      <text x={4} y={GRID_HEIGHT + 28} fontSize="12" fill="var(--ds-text-subtle, #44546F)">
        Authority ↑
      </text>
      {placed.dots.map((dot) => {
        const s = byId.get(dot.stakeholderId);
        if (!s) return null;
        const at = drag?.id === dot.stakeholderId ? drag : dot;
        return (
          <g
            key={dot.stakeholderId}
            role="button"
            tabIndex={0}
            aria-label={`${dot.name}: authority ${s.authority}, concern ${s.concern}, ${QUADRANT_INFO[dot.quadrant].label}.${canMove ? ' Arrow keys move.' : ''}`}
            data-testid={`stakeholder-dot-${dot.stakeholderId}`}
            data-quadrant={dot.quadrant}
            style={{ cursor: canMove ? 'grab' : 'default', outline: 'none' }}
            onKeyDown={onKey(s)}
            onPointerDown={(e) => {
              if (!canMove) return;
              (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
              setDrag({ id: s.id, ...point(e) });
            }}
            onPointerMove={(e) => {
              if (drag?.id === s.id) setDrag({ id: s.id, ...point(e) });
            }}
            onPointerUp={(e) => {
              if (drag?.id !== s.id) return;
              const p = point(e);
              setDrag(null);
              drop(s, p.x, p.y);
            }}
          >
            <title>{dot.name}</title>
            <circle
              cx={at.x}
              cy={at.y}
              r={placed.radius}
              fill="var(--ds-background-brand-bold, #0C66E4)"
              stroke="var(--ds-border-focused, #388BFF)"
            />
            <text
              x={at.x}
              y={at.y + 4}
              fontSize="11"
              textAnchor="middle"
              fill="var(--ds-text-inverse, #FFFFFF)"
              pointerEvents="none"
            >
              {dot.initials}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
