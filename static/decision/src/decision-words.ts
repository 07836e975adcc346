/** Words and colours shared by the decision view, its config and the decision log. */
import type { DecisionLogEntryData, DecisionStatus } from '../../../src/shared/decision';

export const STATUS_LABEL: Record<DecisionStatus, string> = {
  open: 'Open',
  decided: 'Decided',
  deferred: 'Deferred',
  revoked: 'Revoked',
};

export const STATUS_APPEARANCE: Record<DecisionStatus, 'inprogress' | 'success' | 'default' | 'removed'> = {
  open: 'inprogress',
  decided: 'success',
  deferred: 'default',
  revoked: 'removed',
};

/** "due in 2 days", "due today", "3 days overdue". */
export function dueWords(dueDate: string | null, today: string): string {
  if (dueDate === null) return 'No due date';
  const days = Math.round(
    (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  if (days === 0) return `Due today (${dueDate})`;
  if (days > 0) return `Due ${dueDate}, in ${days} ${days === 1 ? 'day' : 'days'}`;
  return `Due ${dueDate}, ${-days} ${days === -1 ? 'day' : 'days'} overdue`;
}

/** One log entry in a sentence; `optionTitle` names an option by id. */
export function describeEntry(
  entry: DecisionLogEntryData,
  optionTitle: (id: string | null) => string,
): string {
  switch (entry.kind) {
    case 'input':
      return `Input: ${entry.text}`;
    case 'approved':
      return `Approved “${optionTitle(entry.optionId)}”: ${entry.comment}`;
    case 'rejected':
      return `Rejected ${entry.optionId === null ? 'all options' : `“${optionTitle(entry.optionId)}”`}: ${entry.comment}`;
    case 'status':
      return `${entry.to === 'open' ? 'Reopened' : STATUS_LABEL[entry.to]}: ${entry.reason}`;
  }
}
