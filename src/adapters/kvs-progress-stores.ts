import { kvs, Sort } from '@forge/kvs';
import type { EpochStore, ExpiringStore, SnapshotStore } from '../app/ports';
import { readHistory, type Snapshot } from '../domain/progress';
import { PROGRESS_SNAPSHOT_BY_BRIEF_INDEX, PROGRESS_SNAPSHOT_ENTITY, progressKeys } from './storage-keys';

/** Per-project change counters in plain KVS keys; `*` counts changes in any project. */
export function createKvsEpochStore(): EpochStore {
  return {
    async read(projects) {
      const values = await Promise.all(projects.map((p) => kvs.get<number>(progressKeys.epoch(p))));
      return Object.fromEntries(projects.map((p, i) => [p, typeof values[i] === 'number' ? values[i] : 0]));
    },
    async bump(projects) {
      // Read-then-write: two bumps racing may count once, which still differs from what any cache saw.
      for (const p of projects) {
        const key = progressKeys.epoch(p);
        const current = await kvs.get<number>(key);
        await kvs.set(key, (typeof current === 'number' ? current : 0) + 1);
      }
    },
  };
}

/** A KVS value that expires on its own (Forge KVS TTL). */
export function createKvsExpiringStore<T>(key: (id: string) => string): ExpiringStore<T> {
  return {
    get: (id) => kvs.get<T>(key(id)),
    set: async (id, value, ttlSeconds) => {
      await kvs.set(key(id), value, { ttl: { unit: 'SECONDS', value: ttlSeconds } });
    },
  };
}

interface StoredSnapshot {
  briefId: string;
  date: string;
  point: Snapshot;
}

/** The trend: one `progress-snapshot` entity per initiative and day, read through the `by-brief` index. */
export function createKvsSnapshotStore(): SnapshotStore {
  const entity = kvs.entity<StoredSnapshot>(PROGRESS_SNAPSHOT_ENTITY);
  return {
    async history(briefId) {
      const points: Snapshot[] = [];
      let cursor: string | undefined;
      do {
        let query = entity
          .query()
          .index(PROGRESS_SNAPSHOT_BY_BRIEF_INDEX, { partition: [briefId] })
          .sort(Sort.DESC)
          .limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        points.push(...page.results.map((r) => r.value.point));
        cursor = page.nextCursor;
      } while (cursor && points.length < 400);
      // Newest first from the index, so a long history keeps its latest days; readHistory puts them in order.
      return readHistory(points);
    },
    async put(briefId, snapshot) {
      await entity.set(progressKeys.snapshot(briefId, snapshot.date), {
        briefId,
        date: snapshot.date,
        point: snapshot,
      });
    },
  };
}
