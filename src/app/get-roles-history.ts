import type { RolesHistory } from '../shared/roles';
import type { IssueTracker, RolesAuditLog } from './ports';
import { notFound } from './load-roles';

/** How many audit lines one call returns (newest first). */
export const HISTORY_LIMIT = 100;

/**
 * The roles audit log of an issue, newest first. The log lives in app storage, so it is shown only after Jira
 * confirms, as the caller, that they can browse the issue.
 */
export async function getRolesHistory(
  deps: { jira: IssueTracker; audit: RolesAuditLog },
  input: { issueKey: string },
): Promise<RolesHistory> {
  const issue = await deps.jira.getIssue(input.issueKey, {});
  if (!issue) throw notFound(input.issueKey);
  const records = await deps.audit.list(issue.key, HISTORY_LIMIT);
  return { issueKey: issue.key, entries: records.map((r) => r.entry) };
}
