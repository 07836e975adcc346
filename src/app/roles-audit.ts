import type { HistoryEntry } from '../shared/roles';
import type { Clock, RolesAuditLog, RolesAuditRecord } from './ports';
import type { RolesAuditBatchLog } from './roles-batch-ports';

/**
 * Appends one audit line after a change was made. The change itself already happened in Jira, so a failing
 * audit write must not report the change as failed (the person would retry and get a CONFLICT): it is logged,
 * without the entry, and the call succeeds.
 */
export async function appendAudit(
  deps: { audit: RolesAuditLog; clock: Clock },
  issueKey: string,
  entry: Omit<HistoryEntry, 'at'>,
  at: string = deps.clock.now().toISOString(),
): Promise<void> {
  await appendAuditRecord(deps.audit, {
    issueKey,
    at,
    accountId: entry.accountId,
    action: entry.action,
    entry: { ...entry, at },
  });
}

/** Appends one ready audit line (as `decideRolesChange` builds it); a failing write is logged, not thrown. */
export async function appendAuditRecord(audit: RolesAuditLog, record: RolesAuditRecord): Promise<void> {
  const { issueKey, entry } = record;
  try {
    await audit.append(record);
  } catch (e) {
    console.error(
      `Accord could not record a ${entry.action} on ${issueKey} in the audit log:`,
      e instanceof Error ? e.message : String(e),
    );
  }
}

/**
 * Appends audit lines of changes already made, in as few writes as the log allows (one per `batchSize` lines).
 * Like `appendAudit`, a failing write is logged (count only, no entries) and does not fail the caller.
 */
export async function appendAuditLines(
  audit: RolesAuditBatchLog,
  records: readonly RolesAuditRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += audit.batchSize) {
    const chunk = records.slice(i, i + audit.batchSize);
    try {
      await audit.appendMany(chunk);
    } catch (e) {
      console.error(
        `Accord could not record ${chunk.length} role changes in the audit log:`,
        e instanceof Error ? e.message : String(e),
      );
    }
  }
}
