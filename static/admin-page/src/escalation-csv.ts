import type { EscalationAuditEntry } from '../../../src/shared/escalation';

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The audit log as CSV, one row per step, in the order shown (newest first). */
export function auditCsv(entries: readonly EscalationAuditEntry[]): string {
  const rows = [
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
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
