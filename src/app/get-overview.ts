import type { Brief } from '../domain/brief/brief';
import type { InitiativeStatus, Overview } from '../shared/progress';
import type { BriefListItem } from '../shared/settings';
import {
  computeInitiativeStatus,
  createSharedSearches,
  planFor,
  type ComputeDeps,
  type InitiativeBrief,
  type SharedSearches,
} from './compute-initiative-status';
import { createLimiter, type Limiter } from './concurrency';
import type { DecisionStore } from './decisions/decision-ports';
import {
  dateIn,
  DEFAULT_BUSINESS_CALENDAR,
  pendingDecisionsOf,
  requestedAtOf,
  type OpenDecision,
  type PendingDecisions,
} from '../domain/progress';
import { epochKeysOf, isInitiativeRecord } from './initiative-scope';
import { readKeySets, type IssueDueDates, type KeySetDeps, type KeySetRollup } from './key-set-rollup';
import { listBriefs } from './list-briefs';
import { trendOf } from './initiative-trend';
import {
  cachedPageDirectory,
  isFresh,
  PROGRESS_CACHE_TTL_SECONDS,
  type CachedPages,
  type CachedStatus,
} from './progress-cache';
import type {
  Clock,
  EpochStore,
  ExpiringStore,
  Feed,
  InitiativeRecord,
  PageDirectory,
  ProgressCounter,
  RecordStore,
  SnapshotStore,
} from './ports';

/** Everything the executive view reads, for one viewer. */
export interface ProgressDeps {
  viewer: string;
  briefs: Feed<Brief>;
  pages: PageDirectory;
  pageCache: ExpiringStore<CachedPages>;
  initiatives: RecordStore<InitiativeRecord>;
  counter: ProgressCounter;
  epochs: EpochStore;
  statusCache: ExpiringStore<CachedStatus>;
  clock: Clock;
  blockedAgeClause?: ComputeDeps['blockedAgeClause'];
  /** Jira expressions as the viewer: the cold roll-up in about one call per page of issues. */
  rollup?: ComputeDeps['rollup'];
  /** Issue keys by JQL as the viewer: escalations by level and items blocked for long, shared by the overview. */
  keySearch?: ComputeDeps['keySearch'];
  /** Due dates of named issues as the viewer: with `keySearch`, lets the overview read key sets. */
  dueDates?: IssueDueDates;
  /**
   * When the overview reads its cold initiatives as key sets (`src/app/key-set-rollup.ts`): 'auto' when the
   * union's approximate count says it takes fewer calls; 'always'; absent: never.
   */
  keySets?: KeySetDeps['mode'];
  /** When given, each initiative carries its recent daily snapshots (the table's sparkline). */
  snapshots?: SnapshotStore;
  /** KVS decisions (index `by-brief`): each initiative lists its brief's open DACI decisions the viewer may view. */
  decisions?: Pick<DecisionStore, 'list'>;
}

/** Open decisions read per brief (KVS, one indexed query); the status lists the soonest 5 and counts these. */
export const PENDING_DECISIONS_READ = 50;

/** Days of trend the overview's sparkline shows. */
export const OVERVIEW_TREND_DAYS = 30;

/** Jira calls in flight at once for one request. */
export const PROGRESS_PARALLEL_CALLS = 5;

/** The briefs the viewer may see (their Confluence page), page permissions cached per viewer. */
export function visibleBriefs(deps: ProgressDeps) {
  return listBriefs({
    briefs: deps.briefs,
    pages: cachedPageDirectory(deps.pages, deps.pageCache, deps.viewer, deps.clock),
  });
}

/**
 * The overview: every initiative the viewer may see, each computed from Jira as the viewer. A status is
 * reused for an hour unless the brief changed or a Jira change bumped an epoch it depends on, so a warm
 * overview reads only KVS.
 */
export async function getOverview(deps: ProgressDeps): Promise<Overview> {
  const { briefs } = await visibleBriefs(deps);
  const limit = createLimiter(PROGRESS_PARALLEL_CALLS);
  // One time for the whole request: every initiative's plan (cutoffs, weeks) is the same, so key sets fit all.
  const now = deps.clock.now();
  const atNow: ProgressDeps = { ...deps, clock: { now: () => now } };
  // One search of escalated issues and one of items blocked for long serve every initiative (run only when a
  // status is not cached), instead of a query per initiative.
  const shared = deps.keySearch ? createSharedSearches(deps.keySearch, limit) : undefined;
  const pending = await pendingDecisionsFor(atNow, briefs, limit);
  const prepared = await Promise.all(briefs.map((b) => prepareStatus(atNow, b, pending.get(b.id))));
  const cold = prepared.filter((p): p is ColdStatus => p.kind === 'cold');
  const keySets = cold.length > 0 ? await overviewKeySets(atNow, cold, limit) : undefined;
  const statuses = await Promise.all(
    prepared.map(async (p) =>
      p.kind === 'cold' ? p.compute(limit, shared, keySets) : p.kind === 'cached' ? p.status : null,
    ),
  );
  const snapshots = deps.snapshots;
  if (snapshots) {
    // KVS only (never Jira), and only for initiatives the viewer may see.
    const shown = statuses.filter((s): s is InitiativeStatus => s !== null);
    await Promise.all(
      shown.map((s) =>
        limit(async () => void (s.trend = await trendOf(snapshots, s.briefId, OVERVIEW_TREND_DAYS))),
      ),
    );
  }
  return {
    initiatives: statuses.filter((s): s is InitiativeStatus => s !== null),
    asOf: now.toISOString(),
  };
}

/**
 * The key sets of the overview's cold initiatives, as the viewer (undefined when not wired, not worth it, or
 * not possible: then each initiative is computed on its own).
 */
async function overviewKeySets(
  deps: ProgressDeps,
  cold: readonly ColdStatus[],
  limit: Limiter,
): Promise<KeySetRollup | undefined> {
  if (!deps.keySets || !deps.keySearch || !deps.dueDates) return undefined;
  const now = deps.clock.now();
  const plans = cold.flatMap((c) => {
    const planned = planFor(c.record, now, deps.blockedAgeClause);
    return planned.ok ? [planned.plan] : [];
  });
  const read = await readKeySets(
    {
      counter: deps.counter,
      keySearch: deps.keySearch,
      dueDates: deps.dueDates,
      limit,
      mode: deps.keySets,
      expressionIssuesPerCall: deps.rollup ? deps.rollup.issuesPerCall() : null,
    },
    plans,
  );
  return read ?? undefined;
}

/** A status served from the viewer's cache. */
interface CachedStatusHit {
  kind: 'cached';
  status: InitiativeStatus | null;
}

/** A status to compute from Jira (and then cache). */
interface ColdStatus {
  kind: 'cold';
  record: InitiativeRecord;
  compute(limit: Limiter, shared?: SharedSearches, keySets?: KeySetRollup): Promise<InitiativeStatus | null>;
}

/** One brief's status for the viewer (the brief must already be known visible to them); null: not shown. */
export async function statusFor(
  deps: ProgressDeps,
  brief: Pick<BriefListItem, 'id' | 'title' | 'ownerAccountId' | 'pageId'>,
  limit: Limiter = createLimiter(PROGRESS_PARALLEL_CALLS),
): Promise<InitiativeStatus | null> {
  const pending = pendingDecisionsFor(deps, [brief], limit).then((m) => m.get(brief.id));
  const prepared = await prepareStatus(deps, brief, pending);
  if (prepared.kind === 'cold') return prepared.compute(limit);
  return prepared.kind === 'cached' ? prepared.status : null;
}

/**
 * Whether one brief's status is in the viewer's cache: reused for an hour unless the brief or its open
 * decisions changed or a Jira change bumped an epoch it depends on. Otherwise, how to compute and cache it.
 */
async function prepareStatus(
  deps: ProgressDeps,
  brief: Pick<BriefListItem, 'id' | 'title' | 'ownerAccountId' | 'pageId'>,
  pendingDecisions: PendingDecisions | undefined | Promise<PendingDecisions | undefined>,
): Promise<CachedStatusHit | ColdStatus | { kind: 'none' }> {
  const [record, pending] = await Promise.all([deps.initiatives.get(brief.id), pendingDecisions]);
  if (!isInitiativeRecord(record)) return { kind: 'none' };
  const initiative: InitiativeBrief = {
    id: brief.id,
    title: brief.title,
    ownerAccountId: brief.ownerAccountId ?? '',
    pageId: brief.pageId,
  };
  // The brief, its scope and the open decisions the viewer sees: saving or acting on a decision changes this.
  const fingerprint = JSON.stringify([
    initiative,
    record,
    ...(pending ? [pending.items, pending.total] : []),
  ]);
  const cacheKey = `${deps.viewer}|${brief.id}`;
  const [cached, epochs] = await Promise.all([
    deps.statusCache.get(cacheKey),
    deps.epochs.read(epochKeysOf(record)),
  ]);
  if (
    cached &&
    cached.fingerprint === fingerprint &&
    isFresh(cached.computedAt, deps.clock) &&
    sameEpochs(cached.epochs, epochs)
  ) {
    return { kind: 'cached', status: cached.status };
  }
  return {
    kind: 'cold',
    record,
    async compute(limit, shared, keySets) {
      const status = await computeInitiativeStatus(
        {
          counter: deps.counter,
          clock: deps.clock,
          limit,
          ...(deps.blockedAgeClause ? { blockedAgeClause: deps.blockedAgeClause } : {}),
          ...(deps.rollup ? { rollup: deps.rollup } : {}),
          ...(deps.keySearch ? { keySearch: deps.keySearch } : {}),
          ...(shared ? { shared } : {}),
          ...(keySets ? { keySets } : {}),
        },
        initiative,
        record,
        pending,
      );
      await deps.statusCache.set(
        cacheKey,
        { computedAt: deps.clock.now().toISOString(), fingerprint, epochs, status },
        PROGRESS_CACHE_TTL_SECONDS,
      );
      return status;
    },
  };
}

function sameEpochs(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/**
 * The open DACI decisions of each brief that sit on pages the viewer may view (KVS `by-brief` index, then the
 * per-viewer page cache: only pages it has not seen yet go to Confluence, in batches). Empty when the
 * decisions are not wired (no `decisions` store): then no status carries them.
 */
export async function pendingDecisionsFor(
  deps: ProgressDeps,
  briefs: ReadonlyArray<Pick<BriefListItem, 'id'>>,
  limit: Limiter,
): Promise<Map<string, PendingDecisions>> {
  const store = deps.decisions;
  const result = new Map<string, PendingDecisions>();
  if (!store) return result;
  const listed = await Promise.all(
    briefs.map(async (b) => {
      const { items } = await limit(() =>
        store.list({ kind: 'brief', briefId: b.id }, 'open', PENDING_DECISIONS_READ),
      );
      return { briefId: b.id, items };
    }),
  );
  const pageIds = [...new Set(listed.flatMap((l) => l.items.map((d) => d.value.pageId)))];
  const pages = cachedPageDirectory(deps.pages, deps.pageCache, deps.viewer, deps.clock);
  const viewable = new Set<string>();
  for (let i = 0; i < pageIds.length; i += pages.batchSize) {
    const answer = await pages.viewablePages(pageIds.slice(i, i + pages.batchSize));
    for (const id of answer.keys()) viewable.add(id);
  }
  const today = dateIn(deps.clock.now(), DEFAULT_BUSINESS_CALENDAR.timeZone);
  for (const { briefId, items } of listed) {
    const open: OpenDecision[] = items
      .filter((d) => d.value.status === 'open' && viewable.has(d.value.pageId))
      .map((d) => ({
        id: d.id,
        pageId: d.value.pageId,
        question: d.value.body.question,
        approver: d.value.body.approver,
        dueDate: d.value.body.dueDate,
        requestedAt: requestedAtOf(d.value.updatedAt, d.value.body.log),
      }));
    result.set(briefId, pendingDecisionsOf(open, today));
  }
  return result;
}
