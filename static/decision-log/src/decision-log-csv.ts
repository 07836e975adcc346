import type { DecisionLogRow } from '../../../src/shared/decision';
import { toCsv } from '../../common/src/csv';

/** The log as CSV (a cell that a spreadsheet would run as a formula is quoted and prefixed). */
export function decisionLogCsv(rows: readonly DecisionLogRow[], nameOf: (id: string) => string): string {
  const header = ['Question', 'Status', 'Due date', 'Overdue', 'Driver', 'Approver', 'Page'];
  const lines = rows.map((r) => [
    r.question,
    r.status,
    r.dueDate ?? '',
    r.overdue ? 'yes' : 'no',
    r.driver ? nameOf(r.driver) : '',
    r.approver ? nameOf(r.approver) : '',
    r.pageTitle,
  ]);
  return toCsv([header, ...lines]);
}
