/** What the overview table shows: filtering, sorting and the CSV export, as pure functions. */
import type { BriefListItem } from '../../../src/shared/settings';
import { BRIEF_STATUS_LABELS } from '../../common/src/brief-status';
import { toCsv } from '../../common/src/csv';
import type { Person } from './people';

export type BriefStatus = BriefListItem['status'];
export type SortKey = 'title' | 'status' | 'owner' | 'updated';
export type SortOrder = 'ASC' | 'DESC';

export interface BriefFilters {
  /** An account id, `none` for briefs without an owner, or undefined for everyone. */
  owner?: string;
  status?: BriefStatus;
}

export const NO_OWNER = 'none';
const STATUS_RANK: Record<BriefStatus, number> = { draft: 0, 'in-review': 1, approved: 2 };

export function ownerName(brief: BriefListItem, people: ReadonlyMap<string, Person>): string {
  if (!brief.ownerAccountId) return 'No owner';
  return people.get(brief.ownerAccountId)?.displayName ?? 'Unknown person';
}

export function filterBriefs(briefs: readonly BriefListItem[], filters: BriefFilters): BriefListItem[] {
  return briefs.filter(
    (b) =>
      (filters.status === undefined || b.status === filters.status) &&
      (filters.owner === undefined || (b.ownerAccountId ?? NO_OWNER) === filters.owner),
  );
}

/** The value a column sorts by (DynamicTable sorts by each cell's `key`, so the same value goes there). */
export function sortValue(
  brief: BriefListItem,
  key: SortKey,
  people: ReadonlyMap<string, Person>,
): string | number {
  switch (key) {
    case 'title':
      return brief.title.toLocaleLowerCase();
    case 'status':
      return STATUS_RANK[brief.status];
    case 'owner':
      return ownerName(brief, people).toLocaleLowerCase();
    case 'updated':
      return Date.parse(brief.updatedAt) || 0;
  }
}

export function sortBriefs(
  briefs: readonly BriefListItem[],
  key: SortKey,
  order: SortOrder,
  people: ReadonlyMap<string, Person>,
): BriefListItem[] {
  const sign = order === 'ASC' ? 1 : -1;
  return [...briefs].sort((a, b) => {
    const x = sortValue(a, key, people);
    const y = sortValue(b, key, people);
    const byKey = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    // Ties keep the newest first, so the order is stable whatever the column.
    return sign * byKey || Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  });
}

/** The owners that appear in the list, for the owner filter, by name. */
export function ownerOptions(
  briefs: readonly BriefListItem[],
  people: ReadonlyMap<string, Person>,
): Array<{ value: string; label: string }> {
  const seen = new Map<string, string>();
  for (const b of briefs) seen.set(b.ownerAccountId ?? NO_OWNER, ownerName(b, people));
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The rows as shown (filtered and sorted), as CSV a spreadsheet opens; `origin` makes page links absolute. */
export function briefsCsv(
  briefs: readonly BriefListItem[],
  people: ReadonlyMap<string, Person>,
  origin: string,
): string {
  const header = ['Title', 'Status', 'Owner', 'Owner account id', 'Updated', 'Confluence page'];
  const rows = briefs.map((b) => [
    b.title,
    BRIEF_STATUS_LABELS[b.status],
    ownerName(b, people),
    b.ownerAccountId ?? '',
    b.updatedAt,
    new URL(b.pageUrl, origin).toString(),
  ]);
  // Every cell quoted, formula-looking ones neutralised (see common/src/csv).
  return toCsv([header, ...rows], { quoteAll: true });
}
