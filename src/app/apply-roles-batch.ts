import { readRolesProperty, ROLES_PROPERTY_KEY } from '../domain/roles';
import type { BulkBatchResult, BulkJobStore, Clock, RolesAuditRecord } from './ports';
import type { RolesAuditBatchLog, RolesBatchJira } from './roles-batch-ports';
import { AppError } from './errors';
import { mapLimited, mergeAssignments } from './role-writer';
import { decideRolesChange, type RolesDecision } from './roles-decision';
import { appendAuditLines } from './roles-audit';
import type { BulkBatchMessage } from './start-bulk-apply';
import { WRITE_CONCURRENCY } from './bulk-limits';

export interface ApplyRolesBatchDeps {
  jobs: BulkJobStore;
  audit: RolesAuditBatchLog;
  clock: Clock;
  /** Jira acting as the job's owner: their permissions decide, not the app's. */
  as(ownerAccountId: string): RolesBatchJira;
}

export type BatchOutcome = 'applied' | 'redelivered' | 'no-job';

const NOT_VISIBLE = 'You can no longer see this issue.';
const NOT_EDITABLE = 'No permission to edit this issue.';

/**
 * Applies one batch of a bulk job as the job's owner, at a fixed cost: one search for the batch's issues with
 * their roles, one bulk EDIT_ISSUES check, one property write per issue that changes, and the audit lines in
 * one KVS batch. What each issue gets is decided by `decideRolesChange`, the Roles panel's own rules.
 * An issue the owner cannot see or edit is skipped and listed; a refused or failed write is listed as failed and
 * never counted as applied. The batch's result is written once: a redelivered batch is recognised and neither
 * re-applied nor counted again (and a batch retried after a crash finds its written issues unchanged).
 */
export async function applyRolesBatch(
  deps: ApplyRolesBatchDeps,
  message: BulkBatchMessage,
): Promise<BatchOutcome> {
  const job = await deps.jobs.get(message.jobId);
  if (!job) return 'no-job';
  if (await deps.jobs.hasBatch(job, message.index)) return 'redelivered';

  const jira = deps.as(job.ownerAccountId);
  const issues = await jira.readIssues(message.issueKeys, { properties: [ROLES_PROPERTY_KEY] });
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const editable = await jira.editableIssueIds(issues.map((i) => i.id));
  const at = deps.clock.now().toISOString();

  const result: BulkBatchResult = { index: message.index, processed: 0, applied: 0, skipped: [], failed: [] };
  const writes: Array<{ issueKey: string; decision: Extract<RolesDecision, { kind: 'write' }> }> = [];

  for (const issueKey of message.issueKeys) {
    const issue = byKey.get(issueKey);
    if (!issue) {
      result.skipped.push({ issueKey, reason: NOT_VISIBLE });
      continue;
    }
    if (!editable.has(issue.id)) {
      result.skipped.push({ issueKey, reason: NOT_EDITABLE });
      continue;
    }
    const own = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
    if (job.mode === 'merge' && own.property && own.property.framework !== job.framework) {
      result.failed.push({
        issueKey,
        reason: `${issueKey} uses ${own.property.framework} roles; merge a ${own.property.framework} role set into it, or replace its roles.`,
      });
      continue;
    }
    const assignments =
      job.mode === 'merge'
        ? mergeAssignments(job.framework, own.property?.assignments ?? [], job.assignments)
        : job.assignments.map((a) => ({ ...a }));
    let decision: RolesDecision;
    try {
      decision = decideRolesChange({
        issueKey: issue.key,
        own,
        // Bulk apply does not walk ancestors; an empty list is never "unchanged" on an issue without roles.
        inheritsRoles: 'unknown',
        change: {
          accountId: job.ownerAccountId,
          framework: job.framework,
          assignments,
          revision: own.revision,
          action: 'bulk-apply',
        },
        at,
      });
    } catch (e) {
      result.failed.push({
        issueKey,
        reason: e instanceof AppError ? e.message : 'Accord could not apply the roles.',
      });
      continue;
    }
    if (decision.kind === 'unchanged')
      result.applied++; // already as asked: nothing to write
    else if (decision.kind === 'write') writes.push({ issueKey, decision });
    // 'stale' cannot happen: the change is based on the revision just read.
  }

  const audited: RolesAuditRecord[] = [];
  const outcomes = await mapLimited(writes, WRITE_CONCURRENCY, async ({ issueKey, decision }) => {
    try {
      await jira.setProperty(issueKey, ROLES_PROPERTY_KEY, decision.property);
      return { issueKey, ok: true as const, audit: decision.audit };
    } catch (e) {
      return { issueKey, ok: false as const, error: e };
    }
  });
  for (const outcome of outcomes) {
    if (outcome.ok) {
      result.applied++;
      audited.push(outcome.audit);
    } else if (outcome.error instanceof AppError && outcome.error.code === 'FORBIDDEN') {
      result.skipped.push({ issueKey: outcome.issueKey, reason: NOT_EDITABLE });
    } else if (outcome.error instanceof AppError && outcome.error.code === 'NOT_FOUND') {
      result.skipped.push({ issueKey: outcome.issueKey, reason: NOT_VISIBLE });
    } else {
      result.failed.push({
        issueKey: outcome.issueKey,
        reason: 'Jira did not accept the change; try this issue again later.',
      });
    }
  }
  await appendAuditLines(deps.audit, audited);

  result.processed = message.issueKeys.length;
  // Keep lists in the batch's order whatever order the writes finished in.
  const order = (k: string) => message.issueKeys.indexOf(k);
  result.skipped.sort((a, b) => order(a.issueKey) - order(b.issueKey));
  result.failed.sort((a, b) => order(a.issueKey) - order(b.issueKey));
  return (await deps.jobs.recordBatch(job, result)) ? 'applied' : 'redelivered';
}
