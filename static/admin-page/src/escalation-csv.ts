import type { EscalationAuditEntry } from '../../../src/shared/escalation';
import { toCsv } from '../../common/src/csv';

/** The audit log as CSV, one row per step, in the order shown (newest first); formula-looking cells are neutralised. */
export function auditCsv(entries: readonly EscalationAuditEntry[]): string {
  return toCsv([
    ['At', 'Issue', 'Path', 'Step', 'Level', 'Targets', 'Actions', 'Reason', 'Account'],
    ...entries.map((e) => [
      e.at,
      e.issueKey,
      e.pathName,
      e.kind,
      e.level !== undefined ? String(e.level) : '',
      (e.targets ?? []).map((t) => t.label).join('; '),
      (e.actions ?? [])
        .map((a) => (a.ok ? a.action : `${a.action} failed${a.detail ? `: ${a.detail}` : ''}`))
        .join('; '),
      e.reason ?? '',
      e.accountId ?? '',
    ]),
  ]);
}
