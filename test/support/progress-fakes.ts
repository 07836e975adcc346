import type { Brief } from '../../src/domain/brief/brief';
import type {
  EpochStore,
  ExpiringStore,
  Feed,
  PageDirectory,
  PageLink,
  ProgressCounter,
  SnapshotStore,
} from '../../src/app/ports';
import type { Snapshot } from '../../src/domain/progress';
import { UpstreamError } from '../../src/app/errors';

/** A Jira counter answering from a function of the JQL; counts every call; refuses JQL `refuse` matches. */
export function fakeCounter(answer: (jql: string) => number, refuse?: RegExp) {
  const counter = {
    calls: 0,
    jql: [] as string[],
    async count(jql: string) {
      counter.calls++;
      counter.jql.push(jql);
      if (refuse?.test(jql)) throw new UpstreamError('Jira refused to count issues (HTTP 400).', 400);
      return answer(jql);
    },
    async firstDueDate(jql: string) {
      counter.calls++;
      counter.jql.push(jql);
      if (refuse?.test(jql)) throw new UpstreamError('Jira refused to run the search (HTTP 400).', 400);
      return null;
    },
  };
  return counter satisfies ProgressCounter;
}

export function memoryExpiringStore<T>(): ExpiringStore<T> & { data: Map<string, T> } {
  const data = new Map<string, T>();
  return { data, get: async (id) => data.get(id), set: async (id, value) => void data.set(id, value) };
}

export function memoryEpochs(): EpochStore & { data: Record<string, number> } {
  const data: Record<string, number> = {};
  return {
    data,
    read: async (projects) => Object.fromEntries(projects.map((p) => [p, data[p] ?? 0])),
    bump: async (projects) => projects.forEach((p) => (data[p] = (data[p] ?? 0) + 1)),
  };
}

export function briefFeed(briefs: Array<{ id: string; value: Brief }>): Feed<Brief> {
  return { page: async () => ({ items: briefs }) };
}

/** Confluence that lets the viewer see the listed pages; counts calls. */
export function pagesVisible(ids: string[]): PageDirectory & { calls: number } {
  const dir = {
    batchSize: 250,
    calls: 0,
    async viewablePages(pageIds: readonly string[]) {
      dir.calls++;
      const map = new Map<string, PageLink>();
      for (const id of pageIds)
        if (ids.includes(id)) map.set(id, { id, title: `Page ${id}`, url: `/wiki/pages/${id}` });
      return map;
    },
  };
  return dir;
}

export function memorySnapshots(): SnapshotStore & { data: Map<string, Snapshot[]>; puts: number } {
  const data = new Map<string, Snapshot[]>();
  const store = {
    data,
    puts: 0,
    history: async (briefId: string) => [...(data.get(briefId) ?? [])],
    put: async (briefId: string, s: Snapshot) => {
      store.puts++;
      data.set(briefId, [...(data.get(briefId) ?? []).filter((x) => x.date !== s.date), s]);
    },
  };
  return store;
}
