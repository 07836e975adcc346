import {
  RevisionConflict,
  type Clock,
  type DocumentStore,
  type IdGenerator,
  type PageAccess,
  type RecordStore,
  type Versioned,
  type Wiki,
} from '../../src/app/ports';

/** In-memory adapters for use-case tests: the ports' contracts, without Forge. */
export function memoryDocumentStore<T>(): DocumentStore<T> & { data: Map<string, Versioned<T>> } {
  const data = new Map<string, Versioned<T>>();
  return {
    data,
    async get(id) {
      return data.get(id);
    },
    async put(id, value, basedOn) {
      const current = data.get(id);
      if ((current?.revision ?? 0) !== basedOn) throw new RevisionConflict(current?.revision ?? null);
      const next = { value, revision: basedOn + 1 };
      data.set(id, next);
      return next;
    },
  };
}

export function memoryRecordStore<T>(): RecordStore<T> & { data: Map<string, T>; writes: number } {
  const data = new Map<string, T>();
  const store = {
    data,
    writes: 0,
    async get(id: string) {
      return data.get(id);
    },
    async set(id: string, value: T) {
      store.writes++;
      data.set(id, value);
    },
  };
  return store;
}

export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
};

export const sequentialIds = (): IdGenerator => {
  let n = 0;
  return { next: (prefix) => `${prefix}-${++n}` };
};

export const wikiWith = (access: Record<string, PageAccess>): Wiki => ({
  pageAccess: async (pageId) => access[pageId] ?? 'none',
});
