/** The `accord-decisions` issue property as the Roles panel reads it (pure: no bridge, no React). */
import type { IssueDecisionEntry } from '../../../src/shared/decision';

export const DECISIONS_PROPERTY_KEY = 'accord-decisions';

const STATUSES = ['open', 'decided', 'deferred', 'revoked'] as const;
export const APPEARANCE = {
  open: 'inprogress',
  decided: 'success',
  deferred: 'default',
  revoked: 'removed',
} as const;
export const LABEL = { open: 'Open', decided: 'Decided', deferred: 'Deferred', revoked: 'Revoked' } as const;

/** The property's entries; anything malformed is skipped. */
export function readIssueDecisions(raw: unknown): IssueDecisionEntry[] {
  const list = (raw as { decisions?: unknown } | null | undefined)?.decisions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: unknown): IssueDecisionEntry[] => {
    if (typeof e !== 'object' || e === null) return [];
    const d = e as Record<string, unknown>;
    if (typeof d.id !== 'string' || typeof d.title !== 'string' || typeof d.pageId !== 'string') return [];
    const status = STATUSES.find((s) => s === d.status) ?? 'open';
    return [
      {
        id: d.id,
        title: d.title,
        status,
        dueDate: typeof d.dueDate === 'string' ? d.dueDate : null,
        approverAccountId: typeof d.approverAccountId === 'string' ? d.approverAccountId : null,
        pageId: d.pageId,
      },
    ];
  });
}
