import type { DryRunResult } from '../../../src/shared/escalation';

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The dry run as CSV: one row per issue, the same columns as the table. */
export function dryRunCsv(result: DryRunResult): string {
  const rows = [
    ['Issue', 'Summary', 'Level', 'Level name', 'Targets', 'Actions', 'Due', 'Why'],
    ...result.issues.map((i) => [
      i.issueKey,
      i.summary,
      String(i.level),
      i.levelName,
      i.targets.map((t) => t.label).join('; '),
      i.actions.join('; '),
      i.dueAt,
      i.reasons.join(' '),
    ]),
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** `/issues/?jql=…`: Jira's search for the candidate JQL (opened through the router). */
export const searchPath = (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`;
