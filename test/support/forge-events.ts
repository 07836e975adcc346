import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Turns a captured classic Jira webhook body (`jira:issue_updated`) into the Forge product event
 * `avi:jira:updated:issue` with the same changelog, in the shape Atlassian documents for Forge
 * (shared/reference/SOURCES.md, "Forge Jira issue events: documented shape").
 */
interface Webhook {
  timestamp: number;
  webhookEvent: string;
  issue_event_type_name?: string;
  user?: { accountId?: string };
  issue: { id: string; key: string; fields: Record<string, unknown> };
  changelog?: { items?: Array<Record<string, unknown>> };
}

export interface ForgeIssueEvent {
  eventType: 'avi:jira:updated:issue';
  selfGenerated: boolean;
  jiraEventTypeName?: string;
  issue: { id: string; key: string; fields: Record<string, unknown> };
  atlassianId?: string;
  changelog: { items: Array<Record<string, unknown>> };
  associatedStatuses?: Array<{ name: string }>;
  timestamp: number;
}

export function webhookToForgeEvent(hook: Webhook): ForgeIssueEvent {
  const items = hook.changelog?.items ?? [];
  const f = hook.issue.fields;
  const status = items.find((i) => i.field === 'status');
  return {
    eventType: 'avi:jira:updated:issue',
    selfGenerated: false,
    ...(hook.issue_event_type_name ? { jiraEventTypeName: hook.issue_event_type_name } : {}),
    issue: {
      id: hook.issue.id,
      key: hook.issue.key,
      fields: {
        summary: f.summary,
        issueType: f.issuetype,
        project: f.project,
        status: f.status,
        updated: f.updated,
      },
    },
    ...(hook.user?.accountId ? { atlassianId: hook.user.accountId } : {}),
    changelog: { items },
    ...(status
      ? { associatedStatuses: [{ name: String(status.toString) }, { name: String(status.fromString) }] }
      : {}),
    timestamp: hook.timestamp,
  };
}

const DIR = join(__dirname, '..', 'fixtures', 'jira-webhooks');

/** Every captured `jira:issue_updated` webhook, as Forge events, with its file name. */
export function capturedIssueUpdates(): Array<{ file: string; event: ForgeIssueEvent }> {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, hook: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Webhook }))
    .filter(({ hook }) => hook.webhookEvent === 'jira:issue_updated')
    .map(({ file, hook }) => ({ file, event: webhookToForgeEvent(hook) }));
}
