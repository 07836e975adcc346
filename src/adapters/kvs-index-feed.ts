import { kvs, Sort } from '@forge/kvs';
import type { Feed } from '../app/ports';

/**
 * Reads a custom entity through one of its indexes, a page at a time, in the index's order (newest first
 * for a descending range). The stored `revision` attribute is not part of the value the app sees.
 */
export function createEntityIndexFeed<T extends object>(
  entityName: string,
  indexName: string,
  order: 'ASC' | 'DESC',
): Feed<T> {
  type Stored = T & { revision?: number };
  return {
    async page({ limit, cursor }) {
      let query = kvs
        .entity<Stored>(entityName)
        .query()
        .index(indexName)
        .sort(order === 'DESC' ? Sort.DESC : Sort.ASC)
        .limit(limit);
      if (cursor) query = query.cursor(cursor);
      const result = await query.getMany();
      return {
        items: result.results.map(({ key, value }) => {
          const { revision: _revision, ...rest } = value;
          return { id: key, value: rest as unknown as T };
        }),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },
  };
}
