/** Open escalations counted per level of the path. */
import { isCount, type EscalationsAtLevel } from './progress-input';

/** Merges entries of the same level, drops empty and unreadable ones, and sorts by level (lowest first). */
export function escalationsByLevel(entries: readonly EscalationsAtLevel[]): EscalationsAtLevel[] {
  const byLevel = new Map<number, number>();
  for (const e of entries) {
    if (!Number.isInteger(e.level) || e.level < 1 || !isCount(e.open) || e.open === 0) continue;
    byLevel.set(e.level, (byLevel.get(e.level) ?? 0) + e.open);
  }
  return [...byLevel].sort(([a], [b]) => a - b).map(([level, open]) => ({ level, open }));
}

/** Open escalations at `level` or above. */
export function openAtOrAbove(levels: readonly EscalationsAtLevel[], level: number): number {
  return levels.filter((e) => e.level >= level).reduce((sum, e) => sum + e.open, 0);
}
