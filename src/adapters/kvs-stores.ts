import { kvs, Filter, FilterConditions } from '@forge/kvs';
import { RevisionConflict, type DocumentStore, type RecordStore, type Versioned } from '../app/ports';

/**
 * Forge KVS adapters. A document lives in a custom entity whose `revision` attribute guards every write:
 * a create uses keyPolicy FAIL_IF_EXISTS, an update is a transaction whose set is conditional on the
 * stored revision, so two editors can never silently overwrite each other.
 */
export function createEntityDocumentStore<T extends object>(
  entityName: string,
  key: (id: string) => string,
): DocumentStore<T> {
  type Stored = T & { revision: number };
  const entity = kvs.entity<Stored>(entityName);
  return {
    async get(id) {
      const stored = await entity.get(key(id));
      if (!stored) return undefined;
      const { revision, ...value } = stored;
      return { value: value as unknown as T, revision };
    },
    async put(id, value, basedOn): Promise<Versioned<T>> {
      const revision = basedOn + 1;
      const next = { ...value, revision };
      try {
        if (basedOn === 0) {
          await entity.set(key(id), next, { keyPolicy: 'FAIL_IF_EXISTS' });
        } else {
          await kvs
            .transact()
            .set(key(id), next, {
              entityName,
              conditions: new Filter<Stored>().and('revision', FilterConditions.equalTo(basedOn)),
            })
            .execute();
        }
      } catch (e) {
        if (isConditionFailure(e)) {
          const current = await entity.get(key(id));
          throw new RevisionConflict(current ? current.revision : null);
        }
        throw e;
      }
      return { value, revision };
    },
  };
}

/** A failed FAIL_IF_EXISTS or transaction condition, as @forge/kvs reports it. */
export function isConditionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return (
    code === 'KEY_ALREADY_EXISTS' ||
    code === 'CONDITION_FAILED' ||
    code === 'CONDITIONAL_CHECK_FAILED' ||
    code === 'TRANSACTION_CONDITION_FAILED' ||
    /condition|already exists/i.test(e instanceof Error ? e.message : '')
  );
}

export function createKvsRecordStore<T>(key: (id: string) => string): RecordStore<T> {
  return {
    get: (id) => kvs.get<T>(key(id)),
    set: (id, value) => kvs.set<T>(key(id), value),
  };
}
