import { z } from 'zod';
import type { EscalationEvent } from '../../app/escalation/handle-issue-event';

const IssueEvent = z.object({
  eventType: z.enum(['avi:jira:updated:issue', 'avi:jira:created:issue']),
  issue: z.object({ key: z.string().min(1) }),
  changelog: z.object({ items: z.array(z.object({ field: z.string() })) }).optional(),
});
const DeletedEvent = z.object({
  eventType: z.literal('avi:jira:deleted:issue'),
  issue: z.object({ key: z.string().min(1) }),
});
const CommentedEvent = z.object({
  eventType: z.literal('avi:jira:commented:issue'),
  issue: z.object({ key: z.string().min(1) }),
});
const IssueLinkEvent = z.object({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  sourceIssueId: z.union([z.string(), z.number()]).transform(String),
  destinationIssueId: z.union([z.string(), z.number()]).transform(String),
});

/** What a Forge Jira event means to the escalation engine (undefined: nothing, e.g. a malformed event). */
export function escalationEventOf(event: unknown): EscalationEvent | undefined {
  const issue = IssueEvent.safeParse(event);
  if (issue.success) {
    return {
      kind: issue.data.eventType === 'avi:jira:created:issue' ? 'issue-created' : 'issue-updated',
      issueKey: issue.data.issue.key,
      fields: (issue.data.changelog?.items ?? []).map((i) => i.field),
    };
  }
  const deleted = DeletedEvent.safeParse(event);
  if (deleted.success) return { kind: 'issue-deleted', issueKey: deleted.data.issue.key };
  const commented = CommentedEvent.safeParse(event);
  if (commented.success) return { kind: 'commented', issueKey: commented.data.issue.key };
  const link = IssueLinkEvent.safeParse(event);
  if (link.success)
    return { kind: 'link-changed', issueIds: [link.data.sourceIssueId, link.data.destinationIssueId] };
  return undefined;
}
