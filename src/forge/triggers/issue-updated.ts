import { z } from 'zod';
import { recordStatusChange } from '../../app/record-status-change';
import { invalidateProgress } from '../../app/invalidate-progress';
import { handleEscalationEvent } from '../../app/escalation/handle-issue-event';
import { clock, progressEpochs, statusChangeStore } from '../composition-root';
import { escalationEventDeps } from '../compose-escalation';
import { escalationEventOf } from './escalation-event';

/** The fields of the issue events this trigger reads; anything else in the event is ignored. */
const IssueUpdatedEvent = z.object({
  eventType: z.enum(['avi:jira:updated:issue', 'avi:jira:created:issue', 'avi:jira:deleted:issue']),
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

/**
 * Trigger on issue created/updated/deleted, commented and issue-link events: ends cached roll-ups an issue change
 * can move, remembers status changes, and lets the escalation engine react at once. Whether an event matters to
 * escalation is decided from the event and the enabled paths only, so irrelevant events cost no product call.
 * A malformed event changes nothing.
 */
export async function onIssueUpdated(event: unknown): Promise<void> {
  const parsed = IssueUpdatedEvent.safeParse(event);
  const escalation = escalationEventOf(event);
  if (!parsed.success && !escalation) {
    console.warn('Accord ignored a malformed Jira event.');
    return;
  }
  if (parsed.success) {
    const { eventType, issue, timestamp, changelog } = parsed.data;
    const changes = (changelog?.items ?? []).map((i) => ({
      field: i.field,
      fromString: i.fromString ?? null,
      toString: i.toString ?? null,
    }));
    await invalidateProgress(
      { epochs: progressEpochs() },
      {
        issueKey: issue.key,
        created: eventType === 'avi:jira:created:issue',
        deleted: eventType === 'avi:jira:deleted:issue',
        fields: changes.map((c) => c.field),
      },
    );
    if (eventType === 'avi:jira:updated:issue' && changes.some((c) => c.field === 'status')) {
      await recordStatusChange(
        { records: statusChangeStore(), clock },
        {
          issueId: issue.id,
          issueKey: issue.key,
          changes,
          ...(timestamp !== undefined ? { timestamp } : {}),
        },
      );
    }
  }
  if (escalation) await handleEscalationEvent(escalationEventDeps(), escalation);
}
