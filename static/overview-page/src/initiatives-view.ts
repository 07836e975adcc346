/** What the initiatives table shows: filters, sorting, figure links and the CSV export, as pure functions. */
import type { Figure, InitiativeStatus, Rag } from '../../../src/shared/progress';
import { toCsv } from '../../common/src/csv';
import type { Person } from './people';

export type InitiativeSortKey =
  'rag' | 'title' | 'percent' | 'forecast' | 'blocked' | 'escalations' | 'decisions';
export type SortOrder = 'ASC' | 'DESC';

export interface InitiativeFilters {
  /** An owner's account id, or undefined for everyone. */
  owner?: string;
  rag?: Rag;
}

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', grey: 'Grey' };
/** Red first when sorting by RAG descending: the worst news on top. */
const RAG_RANK: Record<Rag, number> = { grey: 0, green: 1, amber: 2, red: 3 };

export function ownerNameOf(item: InitiativeStatus, people: ReadonlyMap<string, Person>): string {
  if (!item.ownerAccountId) return 'No owner';
  return people.get(item.ownerAccountId)?.displayName ?? 'Unknown person';
}

/** Decisions waiting: open Jira issues of type Decision plus the brief's open DACI decisions the viewer sees. */
export const decisionsWaiting = (item: InitiativeStatus): number =>
  item.decisionsAwaiting + (item.pendingDecisionsTotal ?? 0);

export function escalationTotal(item: InitiativeStatus): number {
  return Object.values(item.escalationsByLevel).reduce((sum, n) => sum + n, 0);
}

/** "L2: 1, L1: 2" (highest level first), or an empty string when none is open. */
export function escalationText(item: InitiativeStatus): string {
  return Object.entries(item.escalationsByLevel)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => b.localeCompare(a, undefined, { numeric: true }))
    .map(([level, n]) => `${/^\d+$/.test(level) ? `L${level}` : level}: ${n}`)
    .join(', ');
}

/** One open-escalations level with its count and drill-down JQL (`escalations-<level>` figure), highest first. */
export interface EscalationLevelLink {
  level: string;
  count: number;
  jql: string | undefined;
}

export function escalationLinks(item: InitiativeStatus): EscalationLevelLink[] {
  return Object.entries(item.escalationsByLevel)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => b.localeCompare(a, undefined, { numeric: true }))
    .map(([level, count]) => ({ level, count, jql: figureOf(item, `escalations-${level}`)?.jql }));
}

/** The figure behind a column, when the back end sent one with a JQL. */
export function figureOf(item: InitiativeStatus, key: string): Figure | undefined {
  return item.figures.find((f) => f.key === key && typeof f.jql === 'string' && f.jql.trim() !== '');
}

/** The Jira search a column's number opens: its own figure's JQL; % done falls back to the whole scope. */
export function jqlFor(
  item: InitiativeStatus,
  column: 'percent' | 'blocked' | 'escalations' | 'decisions',
): string | undefined {
  switch (column) {
    case 'percent':
      return figureOf(item, 'done')?.jql ?? (item.scopeJql || undefined);
    case 'blocked':
      return figureOf(item, 'blocked')?.jql;
    case 'escalations':
      return figureOf(item, 'escalations')?.jql;
    case 'decisions':
      // The back end names it `decisionsAwaiting` (src/app/compute-initiative-status.ts).
      return (figureOf(item, 'decisionsAwaiting') ?? figureOf(item, 'decisions'))?.jql;
  }
}

/** The host path of a Jira issue search. */
export function searchPath(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/** "12 Dec" for a YYYY-MM-DD date (read as a calendar date, never shifted by the viewer's zone). */
export function shortDay(date: string | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** "12 Dec → 21 Dec (+9d)", "30 Nov → 28 Nov (−2d)", "No baseline → 21 Dec", "12 Dec → no forecast". */
export function baselineForecastText(item: InitiativeStatus): string {
  const base = item.baseline ? shortDay(item.baseline) : 'No baseline';
  const fc = item.forecast ? shortDay(item.forecast) : 'no forecast';
  const slip =
    item.slipDays === undefined || item.slipDays === 0 || !item.baseline || !item.forecast
      ? ''
      : ` (${item.slipDays > 0 ? '+' : '−'}${Math.abs(item.slipDays)}d)`;
  return `${base} → ${fc}${slip}`;
}

export function filterInitiatives(
  items: readonly InitiativeStatus[],
  filters: InitiativeFilters,
): InitiativeStatus[] {
  return items.filter(
    (i) =>
      (filters.rag === undefined || i.rag === filters.rag) &&
      (filters.owner === undefined || i.ownerAccountId === filters.owner),
  );
}

/** The value a column sorts by (DynamicTable sorts by each cell's `key`, so the same value goes there). */
export function initiativeSortValue(item: InitiativeStatus, key: InitiativeSortKey): string | number {
  switch (key) {
    case 'rag':
      return RAG_RANK[item.rag];
    case 'title':
      return item.title.toLocaleLowerCase();
    case 'percent':
      return item.percentDone;
    case 'forecast':
      // Slip orders "how late"; initiatives without one sort as on time.
      return item.slipDays ?? 0;
    case 'blocked':
      return item.blocked;
    case 'escalations':
      return escalationTotal(item);
    case 'decisions':
      return decisionsWaiting(item);
  }
}

export function sortInitiatives(
  items: readonly InitiativeStatus[],
  key: InitiativeSortKey,
  order: SortOrder,
): InitiativeStatus[] {
  const sign = order === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = initiativeSortValue(a, key);
    const y = initiativeSortValue(b, key);
    const byKey = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    // Ties fall back to the title, so the order is stable whatever the column.
    return sign * byKey || a.title.localeCompare(b.title);
  });
}

/** The owners that appear in the list, for the owner filter, by name. */
export function initiativeOwnerOptions(
  items: readonly InitiativeStatus[],
  people: ReadonlyMap<string, Person>,
): Array<{ value: string; label: string }> {
  const seen = new Map<string, string>();
  for (const i of items) if (i.ownerAccountId) seen.set(i.ownerAccountId, ownerNameOf(i, people));
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The rows as shown, as CSV a spreadsheet opens; `origin` makes the Jira search links absolute. */
export function initiativesCsv(
  items: readonly InitiativeStatus[],
  people: ReadonlyMap<string, Person>,
  origin: string,
): string {
  const header = [
    'RAG',
    'Initiative',
    'Owner',
    '% done',
    'Done',
    'Total',
    'Baseline',
    'Forecast',
    'Slip (days)',
    'Blocked',
    'Escalations',
    'Decisions waiting',
    'Reason',
    'Jira search',
  ];
  const rows = items.map((i) => [
    RAG_LABELS[i.rag],
    i.title,
    ownerNameOf(i, people),
    String(i.percentDone),
    String(i.counts.done),
    String(i.counts.total),
    i.baseline ?? '',
    i.forecast ?? '',
    i.slipDays === undefined ? '' : String(i.slipDays),
    String(i.blocked),
    escalationText(i) || '0',
    String(decisionsWaiting(i)),
    i.reason,
    i.scopeJql ? new URL(searchPath(i.scopeJql), origin).toString() : '',
  ]);
  // Every cell quoted, formula-looking ones neutralised (see common/src/csv).
  return toCsv([header, ...rows], { quoteAll: true });
}
