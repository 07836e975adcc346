/**
 * The overview's roll-up over key sets. Instead of a count (or an expression page) per initiative and figure,
 * it reads one list of keys per initiative (its members) and one per figure over the union of every
 * initiative's scope (the figure's partition), each through `POST /rest/api/3/search/jql` asking for `key`
 * only, 5,000 a page. An initiative's figure is the number of its members in the figure's partition: exactly
 * what the count query `(<scope>) AND <within>` counts, so the two give the same numbers by construction.
 */
import type { CalendarDate } from './calendar-date';
import { OPEN_DECISIONS, type CountPlan } from './count-queries';
import type { RollupTally } from './expression-rollup';

/** Keys Jira returns in one page of `search/jql` when only `key` is asked for (the spec's maximum). */
export const KEYS_PER_PAGE = 5000;

/** A union of scopes is kept under this many characters of JQL; more scopes make another union. */
export const UNION_JQL_MAX_CHARS = 6000;

/** Issues a page of due dates can carry (`search/jql` with a field). */
export const DUE_DATES_PER_PAGE = 100;

/** One figure's search over a union of scopes. */
export interface KeySetPartition {
  within: string;
  /** Read latest due date first: then each initiative's first member is its latest due item. */
  latestDueFirst: boolean;
}

/** Scopes or-ed into one JQL. */
export interface ScopeUnion {
  jql: string;
  scopes: string[];
}

/** The scopes or-ed into as few unions as fit in `maxChars` (a longer scope is a union of its own). */
export function unionsOf(scopes: readonly string[], maxChars = UNION_JQL_MAX_CHARS): ScopeUnion[] {
  const unions: ScopeUnion[] = [];
  let current: ScopeUnion | null = null;
  for (const scope of new Set(scopes)) {
    const part = `(${scope})`;
    if (current && current.jql.length + 4 + part.length > maxChars) {
      unions.push(current);
      current = null;
    }
    if (current) {
      current.jql = `${current.jql} OR ${part}`;
      current.scopes.push(scope);
    } else current = { jql: part, scopes: [scope] };
  }
  if (current) unions.push(current);
  return unions;
}

/**
 * The partitions the plans need: each count's clause except "blocked for long" (the overview reads that in
 * one shared search), plus open decisions. "Open with a due date" is read latest first, so it also gives each
 * initiative's latest due item. Plans made at the same time with the same options share every partition.
 */
export function partitionsOf(plans: readonly CountPlan[]): KeySetPartition[] {
  const seen = new Map<string, KeySetPartition>();
  for (const plan of plans) {
    for (const q of plan.counts) {
      if (q.key === 'blockedLong' || seen.has(q.within)) continue;
      seen.set(q.within, { within: q.within, latestDueFirst: q.key === 'openWithDueDate' });
    }
  }
  if (!seen.has(OPEN_DECISIONS)) seen.set(OPEN_DECISIONS, { within: OPEN_DECISIONS, latestDueFirst: false });
  return [...seen.values()];
}

/** The JQL of one partition over one union of scopes. */
export const partitionJql = (union: string, p: KeySetPartition): string =>
  `(${union}) AND ${p.within}${p.latestDueFirst ? ' ORDER BY duedate DESC' : ''}`;

/** The first of `latestFirst` (open work with a due date, latest first) that is a member; null when none is. */
export function latestDueMember(members: ReadonlySet<string>, latestFirst: Iterable<string>): string | null {
  for (const key of latestFirst) if (members.has(key)) return key;
  return null;
}

const among = (members: ReadonlySet<string>, partition: ReadonlySet<string>): string[] => {
  const [small, large] = members.size <= partition.size ? [members, partition] : [partition, members];
  const found: string[] = [];
  for (const key of small) if (large.has(key)) found.push(key);
  return found;
};

/**
 * One initiative's figures from its members and the partitions (`partition(within)` gives the keys of one
 * partition; every count's clause but blocked-for-long, and open decisions, must be there). The same shape the
 * expression rows give, so the rest of the roll-up (blocked for long, escalations) is shared.
 */
export function tallyKeySets(
  plan: CountPlan,
  members: ReadonlySet<string>,
  partition: (within: string) => ReadonlySet<string>,
  options: { epics: readonly string[]; latestDue: CalendarDate | null },
): RollupTally {
  const count = (within: string | undefined): number =>
    within === undefined ? 0 : among(members, partition(within)).length;
  const byKey = new Map(plan.counts.map((q) => [q.key, q.within]));
  const done = partition(byKey.get('done') ?? '');
  const blockedWithin = byKey.get('blocked');
  return {
    figures: {
      counts: {
        new: count(byKey.get('new')),
        indeterminate: count(byKey.get('indeterminate')),
        done: count(byKey.get('done')),
      },
      blocked: count(blockedWithin),
      overdue: count(byKey.get('overdue')),
      openDueDates: { latest: options.latestDue, withDueDate: count(byKey.get('openWithDueDate')) },
      throughput: plan.throughputWeeks.map((w) => count(byKey.get(w.key))),
      sources: plan.sources,
    },
    blockedKeys: blockedWithin === undefined ? [] : among(members, partition(blockedWithin)),
    openKeys: [...members].filter((k) => !done.has(k)),
    decisionsAwaiting: count(OPEN_DECISIONS),
    visibleEpics: options.epics.filter((e) => members.has(e)).length,
  };
}

/** What is known before reading: the initiatives to compute and how many issues their scopes hold. */
export interface OverviewReadEstimate {
  initiatives: number;
  /** The union's approximate count. */
  issues: number;
  partitions: number;
  /** Issues one expression call covers; null when figures come from count queries instead. */
  expressionIssuesPerCall: number | null;
  /** Count queries one initiative needs when there are no expressions. */
  countsPerInitiative: number;
}

/**
 * Product calls each way, estimated: per initiative, at least one call each (an expression page or its
 * counts); key sets, one member list per initiative (5,000 keys a page), one search per partition plus its
 * further pages (the partitions together hold at most about three keys per issue), and the due-date lookup.
 */
export function estimateOverviewCalls(e: OverviewReadEstimate): {
  keySets: number;
  /** The part of `keySets` that lists each initiative's members. */
  memberLists: number;
  perInitiative: number;
} {
  const perInitiative =
    e.expressionIssuesPerCall === null
      ? e.initiatives * e.countsPerInitiative
      : Math.max(e.initiatives, Math.ceil(e.issues / e.expressionIssuesPerCall));
  const memberLists = Math.max(e.initiatives, Math.ceil(e.issues / KEYS_PER_PAGE));
  const keySets =
    memberLists +
    e.partitions +
    Math.ceil((3 * e.issues) / KEYS_PER_PAGE) +
    Math.ceil(e.initiatives / DUE_DATES_PER_PAGE);
  return { keySets, memberLists, perInitiative };
}
