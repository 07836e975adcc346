import type { TrendPoint } from '../shared/progress';
import type { SnapshotStore } from './ports';

/** The initiative's daily snapshots as trend points (totals and dates only: no names). */
export async function trendOf(
  snapshots: SnapshotStore,
  briefId: string,
  last?: number,
): Promise<TrendPoint[]> {
  const history = await snapshots.history(briefId);
  return (last === undefined ? history : history.slice(-last)).map((s) => ({
    date: s.date,
    total: s.total,
    done: s.done,
    ...(s.forecast ? { forecast: s.forecast } : {}),
    ...(s.baseline ? { baseline: s.baseline } : {}),
  }));
}
