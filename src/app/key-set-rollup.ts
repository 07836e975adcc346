import {
  DUE_DATES_PER_PAGE,
  estimateOverviewCalls,
  latestDueMember,
  partitionJql,
  partitionsOf,
  tallyKeySets,
  toCalendarDate,
  unionsOf,
  type CalendarDate,
  type CountPlan,
  type KeySetPartition,
} from '../domain/progress';
import type { RollupTally } from '../domain/progress/expression-rollup';
import { refusedForViewer, type IssueKeySearch } from './compute-initiative-status';
import type { Limiter } from './concurrency';
import type { ProgressCounter } from './ports';

/** Due dates of named issues as the viewer (`search/jql` with `fields: ['duedate']`, 100 a page). */
export interface IssueDueDates {
  dueDates(keys: readonly string[]): Promise<Map<string, string | null>>;
}

/** An initiative's members are listed up to this many keys; a larger one is computed on its own. */
export const MEMBERS_MAX = 20_000;
/** A partition is listed up to this many keys (40 pages); past it, every initiative is computed on its own. */
export const PARTITION_MAX = 200_000;

export interface KeySetDeps {
  counter: ProgressCounter;
  keySearch: IssueKeySearch;
  dueDates: IssueDueDates;
  limit: Limiter;
  /**
   * 'auto': read key sets only when the union's approximate count says they take fewer calls than computing
   * each initiative on its own; 'always': whenever there is an initiative to compute.
   */
  mode: 'auto' | 'always';
  /** Issues one expression call covers (null: the per-initiative figures come from count queries). */
  expressionIssuesPerCall: number | null;
}

/** The overview's key sets: an initiative's figures, 'hidden' (the viewer may not see it), or undefined (not read here). */
export interface KeySetRollup {
  tallyOf(plan: CountPlan, epics: readonly string[]): RollupTally | 'hidden' | undefined;
}

/** What the member lists alone tell: the scopes Jira refused are hidden; every other is computed on its own. */
const hiddenOnly = (members: ReadonlyMap<string, unknown>): KeySetRollup => ({
  tallyOf: (plan) => (members.get(plan.scopeJql) === 'hidden' ? 'hidden' : undefined),
});

class TooMany extends Error {}

/**
 * Reads the figures of many initiatives at once, as the viewer: the members of each scope, then each figure's
 * partition over the union of the scopes the viewer may read, then the due date of each initiative's latest
 * due item. Null when it is not worth it (auto mode) or a partition cannot be listed: then each initiative is
 * computed on its own, as before. In auto mode, when Jira refuses the union's count, the member lists are read
 * first and decide. `plans` must be made at one time with one set of options.
 */
export async function readKeySets(
  deps: KeySetDeps,
  plans: readonly CountPlan[],
): Promise<KeySetRollup | null> {
  const scopes = [...new Set(plans.map((p) => p.scopeJql))];
  if (scopes.length === 0) return null;
  const partitions = partitionsOf(plans);
  const estimate = (initiatives: number, issues: number, unions: number) =>
    estimateOverviewCalls({
      initiatives,
      issues,
      partitions: partitions.length * unions,
      expressionIssuesPerCall: deps.expressionIssuesPerCall,
      countsPerInitiative: (plans[0]?.counts.length ?? 0) + 2,
    });
  /** The union's approximate count; null when Jira refused it (a scope this viewer may not read). */
  let unionIssues: number | null = null;
  if (deps.mode === 'auto') {
    const unions = unionsOf(scopes);
    try {
      const counted = await Promise.all(unions.map((u) => deps.limit(() => deps.counter.count(u.jql))));
      unionIssues = counted.reduce((a, b) => a + b, 0);
    } catch (e) {
      if (!refusedForViewer(e)) throw e;
    }
    if (unionIssues !== null) {
      const calls = estimate(scopes.length, unionIssues, unions.length);
      if (calls.keySets >= calls.perInitiative) return null;
    }
  }

  const members = new Map<string, ReadonlySet<string> | 'hidden' | 'too-many'>();
  await Promise.all(
    scopes.map(async (scope) => {
      try {
        const found = await deps.limit(() => deps.keySearch.find(scope, { max: MEMBERS_MAX }));
        members.set(scope, found ? new Set(found.keys()) : 'too-many');
      } catch (e) {
        if (!refusedForViewer(e)) throw e;
        members.set(scope, 'hidden');
      }
    }),
  );
  const readable = scopes.filter((s) => members.get(s) instanceof Set);
  if (deps.mode === 'auto' && unionIssues === null) {
    // The member lists said which scopes Jira refuses and how large the others are: go on only if the rest of
    // the key sets costs less than computing each readable initiative on its own.
    const issues = readable.reduce((n, s) => n + (members.get(s) as ReadonlySet<string>).size, 0);
    const calls = estimate(readable.length, issues, unionsOf(readable).length);
    if (calls.keySets - calls.memberLists >= calls.perInitiative) return hiddenOnly(members);
  }
  const unions = unionsOf(readable);
  const unionOf = new Map(unions.flatMap((u, i) => u.scopes.map((s) => [s, i] as const)));

  const keys = new Map<string, Set<string>>();
  /** Per union, open work with a due date, latest first. */
  const latestFirst: string[][] = unions.map(() => []);
  try {
    await Promise.all(
      partitions.flatMap((p: KeySetPartition) =>
        unions.map(async (union, i) => {
          const found = await deps.limit(() =>
            deps.keySearch.find(partitionJql(union.jql, p), { max: PARTITION_MAX }),
          );
          if (!found) throw new TooMany();
          const set = keys.get(p.within) ?? new Set<string>();
          for (const key of found.keys()) set.add(key);
          keys.set(p.within, set);
          if (p.latestDueFirst) latestFirst[i] = [...found.keys()];
        }),
      ),
    );
  } catch (e) {
    if (e instanceof TooMany || refusedForViewer(e)) return null;
    throw e;
  }

  const latestKeyOf = new Map<string, string | null>();
  for (const scope of readable) {
    const set = members.get(scope);
    if (set instanceof Set)
      latestKeyOf.set(scope, latestDueMember(set, latestFirst[unionOf.get(scope) ?? 0] ?? []));
  }
  const wanted = [...new Set([...latestKeyOf.values()].filter((k): k is string => k !== null))];
  const due = new Map<string, string | null>();
  await Promise.all(
    Array.from({ length: Math.ceil(wanted.length / DUE_DATES_PER_PAGE) }, async (_, i) => {
      const page = wanted.slice(i * DUE_DATES_PER_PAGE, (i + 1) * DUE_DATES_PER_PAGE);
      for (const [k, d] of await deps.limit(() => deps.dueDates.dueDates(page))) due.set(k, d);
    }),
  );

  const empty: ReadonlySet<string> = new Set();
  return {
    tallyOf(plan, epics) {
      const set = members.get(plan.scopeJql);
      if (set === 'hidden') return 'hidden';
      if (!(set instanceof Set)) return undefined;
      // A plan made at another time (another cutoff or week) was not read here: compute it on its own.
      if (!plan.counts.every((q) => q.key === 'blockedLong' || keys.has(q.within))) return undefined;
      const latestKey = latestKeyOf.get(plan.scopeJql) ?? null;
      let latest: CalendarDate | null = null;
      if (latestKey !== null) {
        const date = toCalendarDate(due.get(latestKey));
        if (date === undefined) return undefined; // No usable date: the count path reports it properly.
        latest = date;
      }
      return tallyKeySets(plan, set, (within) => keys.get(within) ?? empty, { epics, latestDue: latest });
    },
  };
}
