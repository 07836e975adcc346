/** Open escalations counted per level of the path. */
import { MAX_LEVELS } from '../escalation/path-schema';
import { isCount, type EscalationsAtLevel } from './progress-input';

/** The issue property the escalation engine writes (`{ level, paths }`) and its JQL alias (a number). */
export const ESCALATION_PROPERTY = 'accord-escalation';
export const ESCALATION_ALIAS = 'accordEscalationLevel';
/** The highest level a path may have: `MAX_LEVELS` of the escalation path schema. */
export const MAX_ESCALATION_LEVEL = MAX_LEVELS;

const OPEN = 'statusCategory != Done';

/**
 * Open escalated issues: everywhere the viewer may browse (no scope; one search shared by a whole overview) or
 * within an initiative's scope.
 */
export function escalatedJql(scopeJql?: string): string {
  const scope = scopeJql?.trim() ? ` AND (${scopeJql.trim()})` : '';
  return `${ESCALATION_ALIAS} >= 1${scope} AND ${OPEN}`;
}

/** The drill-down of one level's figure: exactly the issues it counts. */
export function escalationLevelJql(scopeJql: string, level: number): string {
  return `${ESCALATION_ALIAS} = ${level} AND (${scopeJql.trim()}) AND ${OPEN}`;
}

/** The level the `accord-escalation` property holds; null when absent, malformed or below level 1. */
export function readEscalationLevel(property: unknown): number | null {
  if (typeof property !== 'object' || property === null) return null;
  const level = (property as { level?: unknown }).level;
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= MAX_ESCALATION_LEVEL
    ? level
    : null;
}

/**
 * Counts per level of the given issue keys (an initiative's open issues, as the viewer sees them) among the
 * escalated issues `levels` (key → level). A key that is not among `keys` never counts, so a search wider than
 * the initiative (the whole site) gives exactly the initiative's figures.
 */
export function escalationsOfKeys(
  keys: Iterable<string>,
  levels: ReadonlyMap<string, number>,
): EscalationsAtLevel[] {
  const entries: EscalationsAtLevel[] = [];
  for (const key of keys) {
    const level = levels.get(key);
    if (level !== undefined) entries.push({ level, open: 1 });
  }
  return escalationsByLevel(entries);
}

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

/** Of the blocked keys, how many are among the items blocked for long (a site-wide set of keys). */
export function countAmong(
  keys: readonly string[],
  among: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): number {
  return keys.filter((k) => among.has(k)).length;
}
