import { kvs, Sort } from '@forge/kvs';
import type { EscalationAuditStore } from '../app/escalation/engine-ports';
import type { IdGenerator } from '../app/ports';
import type { EscalationAuditEntry } from '../shared/escalation';
import { escalationKeys, ESCALATION_AUDIT_ENTITY } from './storage-keys';

interface AuditEntity {
  issueKey: string;
  at: string;
  /** Constant partition of the `by-time` index, so the whole log reads in time order. */
  site: string;
  entry: EscalationAuditEntry;
}

const KVS_BATCH_LIMIT = 25;

/**
 * The escalation audit log in the KVS entity `escalation-audit`: one entity per step, read newest first through
 * `by-issue` (partition issueKey, range at) or `by-time` (range at); never list-and-filter.
 */
export function createKvsEscalationAudit(ids: IdGenerator): EscalationAuditStore {
  const entity = kvs.entity<AuditEntity>(ESCALATION_AUDIT_ENTITY);
  return {
    async append(entries) {
      for (let i = 0; i < entries.length; i += KVS_BATCH_LIMIT) {
        const chunk = entries.slice(i, i + KVS_BATCH_LIMIT);
        const result = await kvs.batchSet<AuditEntity>(
          chunk.map((entry) => ({
            entityName: ESCALATION_AUDIT_ENTITY,
            key: escalationKeys.audit(entry.issueKey, ids.next('esc')),
            value: { issueKey: entry.issueKey, at: entry.at, site: 'site', entry },
          })),
        );
        if (result.failedKeys.length > 0)
          throw new Error(
            `${result.failedKeys.length} of ${chunk.length} escalation audit lines were not stored.`,
          );
      }
    },
    async listForIssue(issueKey, limit) {
      const page = await entity
        .query()
        .index('by-issue', { partition: [issueKey] })
        .sort(Sort.DESC)
        .limit(limit)
        .getMany();
      return page.results.map((r) => r.value.entry);
    },
    async page({ limit, cursor, issueKey }) {
      let query = issueKey
        ? entity.query().index('by-issue', { partition: [issueKey] })
        : entity.query().index('by-time', { partition: ['site'] });
      query = query.sort(Sort.DESC).limit(limit);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      return { entries: page.results.map((r) => r.value.entry), cursor: page.nextCursor ?? null };
    },
  };
}
