import type { Clock, IssueActions, IssueTracker, RolesAuditLog } from './ports';
import { AppError } from './errors';
import { loadRolesState } from './load-roles';
import { appendAudit } from './roles-audit';

export interface TellDeps {
  jira: IssueTracker;
  actions: IssueActions;
  audit: RolesAuditLog;
  clock: Clock;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * "Tell the Informed": one call to Jira's notify API, as the caller, addressed to every Informed person of the
 * effective roles (and nobody else: not the reporter, assignee or watchers). Returns how many were addressed.
 */
export async function tellInformed(
  deps: TellDeps,
  input: { issueKey: string; accountId: string; subject: string; message: string },
): Promise<{ notified: number }> {
  const subject = input.subject.trim();
  const message = input.message.trim();
  if (subject === '' || message === '') {
    throw new AppError('INVALID_INPUT', 'Write a subject and a message before sending.');
  }
  const { issue, effective } = await loadRolesState(deps.jira, input.issueKey);
  const informed = [
    ...new Set(effective.assignments.filter((a) => a.role === 'informed').map((a) => a.accountId)),
  ];
  if (informed.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `Nobody is Informed on ${issue.key} yet, so there is no one to tell. Add the people who need to hear about it first.`,
    );
  }
  await deps.actions.notify(issue.key, {
    subject,
    textBody: message,
    htmlBody: message
      .split(/\r?\n/)
      .map((l) => escapeHtml(l))
      .join('<br>'),
    accountIds: informed,
  });
  await appendAudit(deps, issue.key, {
    accountId: input.accountId,
    action: 'tell',
    note: `Notified ${informed.length} Informed ${informed.length === 1 ? 'person' : 'people'}.`,
  });
  return { notified: informed.length };
}
