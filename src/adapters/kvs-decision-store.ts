import { kvs, Sort } from '@forge/kvs';
import type { DecisionStore, StoredDecision } from '../app/decisions/decision-ports';
import { createEntityDocumentStore } from './kvs-stores';

/** Entity and index names of decisions (manifest `app.storage.entities`). */
export const DECISION_ENTITY = 'decision';
export const DECISION_BY_SPACE_INDEX = 'by-space';
export const DECISION_BY_BRIEF_INDEX = 'by-brief';

const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;
/** The decision's key is its validated id; anything else cannot become a storage key. */
export const decisionKey = (id: string): string => {
  if (!SAFE_ID.test(id)) throw new Error(`"${id}" cannot be part of a storage key.`);
  return id;
};

/**
 * Decisions in a custom entity with a `revision` guard on every write (see kvs-stores.ts) and two indexes
 * for the decision log: by space and status, and by brief and status, each ordered by due date.
 */
export function createKvsDecisionStore(): DecisionStore {
  const documents = createEntityDocumentStore<StoredDecision>(DECISION_ENTITY, decisionKey);
  type Stored = StoredDecision & { revision: number };
  return {
    ...documents,
    async list(scope, status, limit) {
      const [index, partition] =
        scope.kind === 'space'
          ? [DECISION_BY_SPACE_INDEX, [scope.spaceId, status]]
          : [DECISION_BY_BRIEF_INDEX, [scope.briefId, status]];
      const page = await kvs
        .entity<Stored>(DECISION_ENTITY)
        .query()
        .index(index, { partition })
        .sort(Sort.ASC)
        .limit(limit)
        .getMany();
      return {
        items: page.results.map(({ key, value }) => {
          const { revision, ...rest } = value;
          return { id: key, value: rest, revision };
        }),
        truncated: Boolean(page.nextCursor),
      };
    },
  };
}
