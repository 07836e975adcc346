import type { Brief } from '../domain/brief/brief';
import type { InitiativeStatus, Overview } from '../shared/progress';
import type { BriefListItem } from '../shared/settings';
import {
  computeInitiativeStatus,
  createSharedSearches,
  type ComputeDeps,
  type InitiativeBrief,
  type SharedSearches,
} from './compute-initiative-status';
import { createLimiter } from './concurrency';
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
  // One search of escalated issues and one of items blocked for long serve every initiative (run only when a
  // status is not cached), instead of a query per initiative.
  const shared = deps.keySearch ? createSharedSearches(deps.keySearch, limit) : undefined;
  const pending = await pendingDecisionsFor(deps, briefs, limit);
  const statuses = await Promise.all(briefs.map((b) => statusFor(deps, b, limit, shared, pending.get(b.id))));
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
    asOf: deps.clock.now().toISOString(),
  };
}

/** One brief's status for the viewer (the brief must already be known visible to them); null: not shown. */
export async function statusFor(
  deps: ProgressDeps,
  brief: Pick<BriefListItem, 'id' | 'title' | 'ownerAccountId' | 'pageId'>,
  limit: <T>(task: () => Promise<T>) => Promise<T> = createLimiter(PROGRESS_PARALLEL_CALLS),
  shared?: SharedSearches,
  pendingDecisions?: PendingDecisions,
): Promise<InitiativeStatus | null> {
  const [record, pending] = await Promise.all([
    deps.initiatives.get(brief.id),
    pendingDecisions ?? pendingDecisionsFor(deps, [brief], limit).then((m) => m.get(brief.id)),
  ]);
  if (!isInitiativeRecord(record)) return null;
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
    return cached.status;
  }
  const status = await computeInitiativeStatus(
    {
      counter: deps.counter,
      clock: deps.clock,
      limit,
      ...(deps.blockedAgeClause ? { blockedAgeClause: deps.blockedAgeClause } : {}),
      ...(deps.rollup ? { rollup: deps.rollup } : {}),
      ...(deps.keySearch ? { keySearch: deps.keySearch } : {}),
      ...(shared ? { shared } : {}),
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
  limit: <T>(task: () => Promise<T>) => Promise<T>,
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
