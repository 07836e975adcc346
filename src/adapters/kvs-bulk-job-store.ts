import { kvs, WhereConditions } from '@forge/kvs';
import type { BulkBatchResult, BulkJobStore, StoredBulkJob } from '../app/ports';
import { BULK_JOB_ENTITY, bulkJobKeys } from './storage-keys';

/**
 * Bulk jobs in the `bulk-job` entity. The job record is written once; each batch writes its own result
 * record with keyPolicy FAIL_IF_EXISTS, so concurrent batches never overwrite each other's counts and a
 * redelivered batch cannot count twice. The batch records share the job's owner partition and sort after
 * it on `createdAt` (`<job createdAt>#<jobId>#b0001`), so the status is one indexed query.
 */
interface Row {
  ownerAccountId: string;
  createdAt: string;
  state: unknown;
}

const batchRange = (job: StoredBulkJob) => `${job.createdAt}#${job.jobId}#`;

function isConditionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return (
    code === 'KEY_ALREADY_EXISTS' ||
    code === 'CONDITION_FAILED' ||
    /already exists/i.test(e instanceof Error ? e.message : '')
  );
}

export function createKvsBulkJobStore(): BulkJobStore {
  const entity = kvs.entity<Row>(BULK_JOB_ENTITY);
  return {
    async create(job) {
      await entity.set(
        bulkJobKeys.job(job.jobId),
        { ownerAccountId: job.ownerAccountId, createdAt: job.createdAt, state: job },
        { keyPolicy: 'FAIL_IF_EXISTS' },
      );
    },
    async get(jobId) {
      const row = await entity.get(bulkJobKeys.job(jobId));
      return row ? (row.state as StoredBulkJob) : undefined;
    },
    async hasBatch(job, index) {
      return (await entity.get(bulkJobKeys.batch(job.jobId, index))) !== undefined;
    },
    async recordBatch(job, result) {
      try {
        await entity.set(
          bulkJobKeys.batch(job.jobId, result.index),
          {
            ownerAccountId: job.ownerAccountId,
            createdAt: `${batchRange(job)}b${String(result.index).padStart(4, '0')}`,
            state: result,
          },
          { keyPolicy: 'FAIL_IF_EXISTS' },
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },
    async listBatches(job) {
      const out: BulkBatchResult[] = [];
      let cursor: string | undefined;
      do {
        let query = entity
          .query()
          .index('by-owner', { partition: [job.ownerAccountId] })
          .where(WhereConditions.beginsWith(batchRange(job)))
          .limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        for (const r of page.results) out.push(r.value.state as BulkBatchResult);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },
  };
}
