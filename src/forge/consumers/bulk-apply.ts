import { z } from 'zod';
import { applyRolesBatch } from '../../app/apply-roles-batch';
import { bulkJobStore, clock, rolesAuditLog, rolesBatchJiraAs } from '../composition-root';

/** The queue event as `@forge/events` delivers it: our batch message is its `body`. */
const BatchEvent = z.object({
  body: z.object({
    jobId: z.string().regex(/^bulk-[A-Za-z0-9-]{1,100}$/),
    index: z.number().int().min(0).max(10_000),
    issueKeys: z
      .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/))
      .min(1)
      .max(25),
  }),
});

/**
 * Consumer of the `accord-bulk-apply` queue: applies one batch of a bulk job as the job's owner. A malformed
 * event is dropped (retrying cannot fix it); a failure reading Jira or KVS throws, so Forge retries the event,
 * and the batch record makes that retry safe.
 */
export async function applyRolesInBulk(event: unknown): Promise<void> {
  const parsed = BatchEvent.safeParse(event);
  if (!parsed.success) {
    console.warn('Accord dropped a malformed bulk-apply event.');
    return;
  }
  await applyRolesBatch(
    {
      jobs: bulkJobStore(),
      audit: rolesAuditLog(),
      clock,
      as: rolesBatchJiraAs,
    },
    parsed.data.body,
  );
}
