import { z } from 'zod';
import { recordStatusChange } from '../../app/record-status-change';
import { clock, statusChangeStore } from '../composition-root';

/** The fields of `avi:jira:updated:issue` this trigger reads; anything else in the event is ignored. */
const IssueUpdatedEvent = z.object({
  eventType: z.literal('avi:jira:updated:issue'),
  issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string().min(1) }),
  timestamp: z.number().optional(),
  changelog: z
    .object({
      items: z.array(
        z.object({
          field: z.string(),
          fromString: z.string().nullable().optional(),
          toString: z.string().nullable().optional(),
        }),
      ),
    })
    .optional(),
});

/** Trigger on `avi:jira:updated:issue`: remembers status changes; a malformed event changes nothing. */
export async function onIssueUpdated(event: unknown): Promise<void> {
  const parsed = IssueUpdatedEvent.safeParse(event);
  if (!parsed.success) {
    console.warn('Accord ignored a malformed avi:jira:updated:issue event.');
    return;
  }
  const { issue, timestamp, changelog } = parsed.data;
  const changes = (changelog?.items ?? []).map((i) => ({
    field: i.field,
    fromString: i.fromString ?? null,
    toString: i.toString ?? null,
  }));
  if (!changes.some((c) => c.field === 'status')) return; // nothing to do: no KVS or product call
  await recordStatusChange(
    { records: statusChangeStore(), clock },
    { issueId: issue.id, issueKey: issue.key, changes, ...(timestamp !== undefined ? { timestamp } : {}) },
  );
}
