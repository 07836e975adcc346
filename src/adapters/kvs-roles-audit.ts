import { kvs, Sort } from '@forge/kvs';
import type { IdGenerator, RolesAuditLog, RolesAuditRecord } from '../app/ports';
import type { RolesAuditBatchLog } from '../app/roles-batch-ports';
import { ENTITY, storageKeys } from './storage-keys';

/** Forge KVS takes at most 25 items in one batch call. */
const KVS_BATCH_LIMIT = 25;

/**
 * The roles audit log in the KVS custom entity `roles-audit` (manifest.yml): one entity per line, read through
 * the `by-issue` index (partition issueKey, range at) newest first, so listing never scans other issues.
 * `appendMany` writes up to 25 lines in one `kvs.batchSet` (entity items carry `entityName`).
 */
export function createKvsRolesAuditLog(ids: IdGenerator): RolesAuditLog & RolesAuditBatchLog {
  const entity = kvs.entity<RolesAuditRecord>(ENTITY.rolesAudit);
  return {
    batchSize: KVS_BATCH_LIMIT,
    async append(record) {
      await entity.set(storageKeys.rolesAudit(record.issueKey, ids.next('audit')), record);
    },
    async appendMany(records) {
      if (records.length === 0) return;
      if (records.length > KVS_BATCH_LIMIT)
        throw new Error(`appendMany takes at most ${KVS_BATCH_LIMIT} records.`);
      const result = await kvs.batchSet<RolesAuditRecord>(
        records.map((record) => ({
          entityName: ENTITY.rolesAudit,
          key: storageKeys.rolesAudit(record.issueKey, ids.next('audit')),
          value: record,
        })),
      );
      if (result.failedKeys.length > 0)
        throw new Error(`${result.failedKeys.length} of ${records.length} audit lines were not stored.`);
    },
    async list(issueKey, limit) {
      const page = await entity
        .query()
        .index('by-issue', { partition: [issueKey] })
        .sort(Sort.DESC)
        .limit(limit)
        .getMany();
      return page.results.map((r) => r.value);
    },
  };
}
