/** Percent done as a whole number that never claims more, or less, than is true. */

/**
 * `done` of `total` as a whole percent, rounded to nearest, except that unfinished work never shows 100 and
 * some finished work never shows 0; null when there is no work.
 */
export function percentDone(done: number, total: number): number | null {
  if (!Number.isFinite(total) || !Number.isFinite(done) || total <= 0) return null;
  const d = Math.min(Math.max(done, 0), total);
  const rounded = Math.round((d / total) * 100);
  if (rounded === 100 && d < total) return 99;
  if (rounded === 0 && d > 0) return 1;
  return rounded;
}
