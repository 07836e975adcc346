import type { IssueLinkSnapshot, IssueSnapshot } from '../app/ports';
import { UpstreamError } from '../app/errors';
import { withRetries, type MinimalResponse, type RetryPolicy } from './retrying-fetch';
import type { JiraRequester } from './jira-issue-tracker';

/** How Accord reads a Jira issue (REST v3 IssueBean), in one place for every Jira adapter. */
export const ISSUE_FIELDS = ['summary', 'issuetype', 'status', 'parent'];

export interface RawIssue {
  id: string | number;
  key: string;
  fields?: {
    summary?: string;
    issuetype?: { name?: string; hierarchyLevel?: number };
    status?: { name?: string; statusCategory?: { key?: string } };
    parent?: { key?: string };
    issuelinks?: Array<{
      type?: { name?: string };
      outwardIssue?: { key?: string };
      inwardIssue?: { key?: string };
    }>;
  };
  properties?: Record<string, unknown>;
}

export function toSnapshot(raw: RawIssue): IssueSnapshot {
  const f = raw.fields ?? {};
  const category = f.status?.statusCategory?.key;
  return {
    id: String(raw.id),
    key: raw.key,
    summary: f.summary ?? '',
    issueType: { name: f.issuetype?.name ?? 'Task', hierarchyLevel: f.issuetype?.hierarchyLevel ?? 0 },
    status: {
      name: f.status?.name ?? '',
      category:
        category === 'new' || category === 'indeterminate' || category === 'done' ? category : 'undefined',
    },
    ...(f.parent?.key ? { parentKey: f.parent.key } : {}),
    properties: raw.properties ?? {},
    ...(f.issuelinks ? { links: toLinks(f.issuelinks) } : {}),
  };
}

function toLinks(raw: NonNullable<NonNullable<RawIssue['fields']>['issuelinks']>): IssueLinkSnapshot[] {
  const links: IssueLinkSnapshot[] = [];
  for (const l of raw) {
    const type = l.type?.name ?? '';
    if (l.outwardIssue?.key) links.push({ type, direction: 'outward', issueKey: l.outwardIssue.key });
    else if (l.inwardIssue?.key) links.push({ type, direction: 'inward', issueKey: l.inwardIssue.key });
  }
  return links;
}

export function isRawIssue(v: unknown): v is RawIssue {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as RawIssue).key === 'string' &&
    (v as RawIssue).id !== undefined
  );
}

export async function failure(res: MinimalResponse, what: string): Promise<UpstreamError> {
  let detail = '';
  try {
    const body = (await res.json()) as { errorMessages?: string[] };
    detail = body.errorMessages?.join(' ') ?? '';
  } catch {
    // the body was not JSON; the status says enough
  }
  return new UpstreamError(`Jira refused to ${what} (HTTP ${res.status}). ${detail}`.trim(), res.status);
}

/** A JSON POST to Jira with the retry policy (429 and 5xx retried, honouring Retry-After). */
export const jsonPoster =
  (requester: JiraRequester, retry: RetryPolicy) =>
  (path: unknown, body: unknown): Promise<MinimalResponse> =>
    withRetries(
      () =>
        requester.requestJira(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        }),
      retry,
    );
