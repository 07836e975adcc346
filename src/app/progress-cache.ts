import type { InitiativeStatus } from '../shared/progress';
import type { PageDirectory, PageLink, ExpiringStore, Clock } from './ports';

/** Caches live one hour at most: a lost permission shows at most that long, and Jira triggers end them sooner. */
export const PROGRESS_CACHE_TTL_SECONDS = 3600;

/** One viewer's status of one initiative, with what it was computed from. null status: hidden from them. */
export interface CachedStatus {
  computedAt: string;
  /** The brief and scope it was computed for: editing the brief recomputes. */
  fingerprint: string;
  epochs: Record<string, number>;
  status: InitiativeStatus | null;
}

/** The pages one viewer was found to see (a link) or not see (null), with when that was asked. */
export interface CachedPages {
  computedAt: string;
  pages: Record<string, PageLink | null>;
}

export const isFresh = (computedAt: string, clock: Clock): boolean => {
  const age = clock.now().getTime() - Date.parse(computedAt);
  return Number.isFinite(age) && age >= 0 && age < PROGRESS_CACHE_TTL_SECONDS * 1000;
};

/**
 * A page directory that remembers, per viewer for an hour, which pages they may view; only pages it has not
 * asked about yet go to Confluence. A warm overview then makes no product call for page permissions.
 */
export function cachedPageDirectory(
  directory: PageDirectory,
  store: ExpiringStore<CachedPages>,
  viewer: string,
  clock: Clock,
): PageDirectory {
  return {
    batchSize: directory.batchSize,
    async viewablePages(pageIds) {
      const cached = await store.get(viewer);
      const known =
        cached && isFresh(cached.computedAt, clock)
          ? cached
          : { computedAt: clock.now().toISOString(), pages: {} };
      const unknown = pageIds.filter((id) => !(id in known.pages));
      if (unknown.length > 0) {
        const answer = await directory.viewablePages(unknown);
        const pages = { ...known.pages };
        for (const id of unknown) pages[id] = answer.get(id) ?? null;
        await store.set(viewer, { computedAt: known.computedAt, pages }, PROGRESS_CACHE_TTL_SECONDS);
        known.pages = pages;
      }
      const result = new Map<string, PageLink>();
      for (const id of pageIds) {
        const link = known.pages[id];
        if (link) result.set(id, link);
      }
      return result;
    },
  };
}
