import { ROLE_LABELS } from '../domain/roles';
import type { Clock, IssueActions, IssueTracker, RolesAuditLog } from './ports';
import { AppError } from './errors';
import { askCommentAdf } from './comment-adf';
import { loadRolesState } from './load-roles';
import { appendAudit } from './roles-audit';

export interface AskDeps {
  /** Jira as the caller: the read and the comment both carry their permissions. */
  jira: IssueTracker;
  actions: IssueActions;
  audit: RolesAuditLog;
  clock: Clock;
}

/**
 * "Ask the Accountable" (RACI) / "Ask the Approver" (DACI): a comment, posted as the caller, that mentions the
 * one person who answers for the issue, so Jira notifies them. Uses the effective roles (inherited ones too).
 */
export async function askAccountable(
  deps: AskDeps,
  input: { issueKey: string; accountId: string; message: string },
): Promise<{ commentId: string }> {
  const message = input.message.trim();
  if (message === '') throw new AppError('INVALID_INPUT', 'Write what you want to ask before sending.');
  const [{ issue, effective }, permissions] = await Promise.all([
    loadRolesState(deps.jira, input.issueKey),
    deps.actions.permissions(input.issueKey, ['ADD_COMMENTS']),
  ]);
  if (!permissions?.ADD_COMMENTS) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot comment on ${issue.key}, so Accord cannot ask for you. Ask a project admin for comment rights.`,
    );
  }
  const role = effective.framework === 'DACI' ? 'approver' : 'accountable';
  const target = effective.assignments.find((a) => a.role === role);
  if (!target) {
    const label = ROLE_LABELS[role];
    throw new AppError(
      'NOT_FOUND',
      `Nobody is ${role === 'approver' ? 'the Approver' : label} on ${issue.key} yet, so there is no one to ask. Add ${
        role === 'approver' ? 'an Approver' : 'an Accountable'
      } first.`,
    );
  }
  const comment = await deps.actions.addComment(issue.key, askCommentAdf(target.accountId, message));
  // The audit keeps who asked whom, never the words (they live in the Jira comment).
  await appendAudit(deps, issue.key, {
    accountId: input.accountId,
    action: 'ask',
    note: `Asked ${role === 'approver' ? 'the Approver' : 'the Accountable'} in comment ${comment.id}.`,
  });
  return { commentId: comment.id };
}
