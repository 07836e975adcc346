import { kvs, Filter, FilterConditions, Sort } from '@forge/kvs';
import { RevisionConflict, type Versioned } from '../app/ports';
import type { EscalationPathStore, StoredPath } from '../app/escalation-ports';
import { isConditionFailure } from './kvs-stores';

/** Entity `escalation-path` (manifest.yml `app.storage.entities`) and its indexes. */
export const ESCALATION_PATH_ENTITY = 'escalation-path';
export const PATH_BY_ENABLED_INDEX = 'by-enabled';
export const PATH_BY_UPDATED_INDEX = 'by-updated';

const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;
/** Path ids come from the app (`path-…`) or a validated payload; anything else never reaches a key. */
export function escalationPathKey(pathId: string): string {
  if (!SAFE_ID.test(pathId)) throw new Error(`"${pathId}" cannot be part of a storage key.`);
  return pathId;
}

/** What one entity holds: the indexed attributes beside the record itself. */
export interface EscalationPathEntity {
  /** `enabled` or `draft`: the partition of the engine's index (KVS indexes take strings, not booleans). */
  enabledFlag: 'enabled' | 'draft';
  updatedAt: string;
  revision: number;
  record: StoredPath;
}

/** The entity value for a record at a revision (also used by the demo seed through `put`). */
export const toEscalationPathEntity = (record: StoredPath, revision: number): EscalationPathEntity => ({
  enabledFlag: record.enabled ? 'enabled' : 'draft',
  updatedAt: record.updatedAt,
  revision,
  record,
});

/**
 * Escalation paths in KVS, revisioned like the other documents: a create is FAIL_IF_EXISTS, an update a
 * transaction conditional on the stored revision, so two editors never silently overwrite each other.
 * The engine reads enabled paths through the `by-enabled` index; the admin page lists by `by-updated`.
 */
export function createKvsEscalationPathStore(): EscalationPathStore {
  const entity = kvs.entity<EscalationPathEntity>(ESCALATION_PATH_ENTITY);
  return {
    async get(pathId): Promise<Versioned<StoredPath> | undefined> {
      const stored = await entity.get(escalationPathKey(pathId));
      return stored ? { value: stored.record, revision: stored.revision } : undefined;
    },
    async put(pathId, value, basedOn): Promise<Versioned<StoredPath>> {
      const key = escalationPathKey(pathId);
      const revision = basedOn + 1;
      const next = toEscalationPathEntity(value, revision);
      try {
        if (basedOn === 0) {
          await entity.set(key, next, { keyPolicy: 'FAIL_IF_EXISTS' });
        } else {
          await kvs
            .transact()
            .set(key, next, {
              entityName: ESCALATION_PATH_ENTITY,
              conditions: new Filter<EscalationPathEntity>().and(
                'revision',
                FilterConditions.equalTo(basedOn),
              ),
            })
            .execute();
        }
      } catch (e) {
        if (isConditionFailure(e)) {
          const current = await entity.get(key);
          throw new RevisionConflict(current ? current.revision : null);
        }
        throw e;
      }
      return { value, revision };
    },
    async listEnabled(limit) {
      const out: StoredPath[] = [];
      let cursor: string | undefined;
      do {
        let query = entity
          .query()
          .index(PATH_BY_ENABLED_INDEX, { partition: ['enabled'] })
          .sort(Sort.DESC)
          .limit(Math.min(100, limit - out.length));
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        out.push(...page.results.map((r) => r.value.record));
        cursor = page.nextCursor;
      } while (cursor && out.length < limit);
      return out;
    },
    async listAll(limit) {
      const out: Array<Versioned<StoredPath>> = [];
      let cursor: string | undefined;
      do {
        let query = entity
          .query()
          .index(PATH_BY_UPDATED_INDEX)
          .sort(Sort.DESC)
          .limit(Math.min(100, limit - out.length));
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        out.push(...page.results.map((r) => ({ value: r.value.record, revision: r.value.revision })));
        cursor = page.nextCursor;
      } while (cursor && out.length < limit);
      return out;
    },
  };
}

/** The admin page's escalation defaults: one plain key, and a short-lived claim per revision (see kvs-revisioned-record). */
export const escalationDefaultsKeys = {
  record: (id: string) => `escalation-defaults:${escalationPathKey(id)}`,
  claim: (id: string, revision: number) =>
    `escalation-defaults-claim:${escalationPathKey(id)}:${String(Math.trunc(revision))}`,
};
