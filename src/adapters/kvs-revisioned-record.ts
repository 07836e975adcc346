import { kvs } from '@forge/kvs';
import { RevisionConflict, type DocumentStore, type Versioned } from '../app/ports';

interface Stored<T> {
  value: T;
  revision: number;
}

/** How long a revision claim lives: far longer than a save takes, short enough to leave no litter. */
const CLAIM_TTL = { value: 1, unit: 'HOURS' } as const;

/**
 * A revisioned record under one plain KVS key (for records that are not a custom entity, such as the
 * site settings). Plain keys have no conditional write, so a save first claims its new revision with a
 * FAIL_IF_EXISTS key: of two saves based on the same revision only one can claim it, the other gets
 * RevisionConflict; a save based on an older revision is refused by the read-compare before that.
 */
export function createRevisionedRecordStore<T>(
  key: (id: string) => string,
  claimKey: (id: string, revision: number) => string,
): DocumentStore<T> {
  return {
    async get(id): Promise<Versioned<T> | undefined> {
      const stored = await kvs.get<Stored<T>>(key(id));
      return stored ? { value: stored.value, revision: stored.revision } : undefined;
    },
    async put(id, value, basedOn): Promise<Versioned<T>> {
      const current = await kvs.get<Stored<T>>(key(id));
      const currentRevision = current?.revision ?? 0;
      if (currentRevision !== basedOn) throw new RevisionConflict(current ? currentRevision : null);
      const revision = basedOn + 1;
      try {
        await kvs.set(claimKey(id, revision), true, { keyPolicy: 'FAIL_IF_EXISTS', ttl: CLAIM_TTL });
      } catch (e) {
        if (isKeyExists(e)) throw new RevisionConflict(revision);
        throw e;
      }
      await kvs.set<Stored<T>>(key(id), { value, revision });
      return { value, revision };
    },
  };
}

function isKeyExists(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'KEY_ALREADY_EXISTS' || /already exists/i.test(e instanceof Error ? e.message : '');
}
