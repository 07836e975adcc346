/** `escalation/audit`: the site's escalation log, newest first, for Jira administrators only. */
import type { AuditPage } from '../../shared/escalation';
import { AppError } from '../errors';
import type { SiteAdministration } from '../ports';
import type { EscalationAuditStore } from './engine-ports';

export const AUDIT_PAGE_SIZE = 50;

export async function getEscalationAudit(
  deps: { audit: EscalationAuditStore; admin: SiteAdministration },
  input: { cursor?: string; issueKey?: string },
): Promise<AuditPage> {
  if (!(await deps.admin.callerIsJiraAdmin())) {
    throw new AppError('FORBIDDEN', 'Only Jira administrators can read the escalation audit log.');
  }
  return deps.audit.page({
    limit: AUDIT_PAGE_SIZE,
    ...(input.cursor ? { cursor: input.cursor } : {}),
    ...(input.issueKey ? { issueKey: input.issueKey } : {}),
  });
}
