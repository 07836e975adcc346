import { appendSnapshot, type Snapshot } from '../domain/progress';
import type { Brief } from '../domain/brief/brief';
import { computeInitiativeStatus, type ComputeDeps } from './compute-initiative-status';
import { createLimiter } from './concurrency';
import { isInitiativeRecord } from './initiative-scope';
import { PROGRESS_PARALLEL_CALLS } from './get-overview';
import type { Feed, InitiativeRecord, RecordStore, SnapshotStore } from './ports';

/** At most this many briefs are snapshotted per run (newest first). */
export const SNAPSHOT_MAX_BRIEFS = 1000;

/**
 * The daily trend: for every initiative, its totals computed AS THE APP, appended as the day's snapshot.
 * A snapshot holds totals, done and dates only (no names); it is written only when it changed.
 */
export async function takeProgressSnapshots(
  deps: Omit<ComputeDeps, 'limit'> & {
    briefs: Feed<Brief>;
    initiatives: RecordStore<InitiativeRecord>;
    snapshots: SnapshotStore;
  },
): Promise<{ taken: number; unchanged: number; skipped: number }> {
  const limit = createLimiter(PROGRESS_PARALLEL_CALLS);
  const result = { taken: 0, unchanged: 0, skipped: 0 };
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await deps.briefs.page({ limit: 100, ...(cursor ? { cursor } : {}) });
    cursor = page.nextCursor;
    seen += page.items.length;
    for (const { id, value } of page.items) {
      const record = await deps.initiatives.get(id);
      if (!isInitiativeRecord(record)) continue;
      try {
        const status = await computeInitiativeStatus(
          { ...deps, limit },
          { id, title: value.title, ownerAccountId: value.ownerAccountId, pageId: value.pageId },
          record,
        );
        if (!status || status.rag === 'grey') {
          result.skipped++;
          continue;
        }
        const snapshot: Snapshot = {
          date: status.asOf,
          total: status.counts.total,
          done: status.counts.done,
          forecast: status.forecast ?? null,
          baseline: status.baseline ?? null,
        };
        const appended = appendSnapshot(await deps.snapshots.history(id), snapshot);
        if (appended.problem !== undefined || !appended.changed) {
          result.unchanged++;
          continue;
        }
        await deps.snapshots.put(id, snapshot);
        result.taken++;
      } catch (e) {
        // One initiative failing must not stop the others; logged without data.
        console.warn(
          `Accord could not snapshot initiative ${id}: ${e instanceof Error ? e.message : 'unknown error'}`,
        );
        result.skipped++;
      }
    }
  } while (cursor && seen < SNAPSHOT_MAX_BRIEFS);
  return result;
}
