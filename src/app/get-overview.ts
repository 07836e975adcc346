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
}

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
  const statuses = await Promise.all(briefs.map((b) => statusFor(deps, b, limit, shared)));
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
): Promise<InitiativeStatus | null> {
  const record = await deps.initiatives.get(brief.id);
  if (!isInitiativeRecord(record)) return null;
  const initiative: InitiativeBrief = {
    id: brief.id,
    title: brief.title,
    ownerAccountId: brief.ownerAccountId ?? '',
    pageId: brief.pageId,
  };
  const fingerprint = JSON.stringify([initiative, record]);
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
