import type { BulkJob } from '../shared/matrix';
import type { BulkJobStore } from './ports';
import { AppError } from './errors';

/** A bulk job's progress, summed from its batch results. Only the person who started it may read it. */
export async function getBulkStatus(
  deps: { jobs: BulkJobStore },
  input: { jobId: string; accountId: string },
): Promise<BulkJob> {
  const job = await deps.jobs.get(input.jobId);
  // Someone else's job reads exactly like a missing one: its existence is not theirs to learn.
  if (!job || job.ownerAccountId !== input.accountId) {
    throw new AppError('NOT_FOUND', 'This bulk apply does not exist or was started by someone else.');
  }
  const batches = (await deps.jobs.listBatches(job)).sort((a, b) => a.index - b.index);
  const sum = (pick: (b: (typeof batches)[number]) => number) => batches.reduce((n, b) => n + pick(b), 0);
  return {
    jobId: job.jobId,
    total: job.total,
    done: sum((b) => b.processed),
    applied: sum((b) => b.applied),
    skipped: batches.flatMap((b) => b.skipped),
    failed: batches.flatMap((b) => b.failed),
    finished: new Set(batches.map((b) => b.index)).size >= job.batchCount,
  };
}
