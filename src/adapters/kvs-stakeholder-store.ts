import type { DocumentStore } from '../app/ports';
import type { StoredStakeholderGrid } from '../app/stakeholders/stakeholder-grid-record';
import { createEntityDocumentStore } from './kvs-stores';

/** Entity name of stakeholder grids (manifest `app.storage.entities`). */
export const STAKEHOLDER_GRID_ENTITY = 'stakeholder-grid';

const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;
const gridKey = (id: string): string => {
  if (!SAFE_ID.test(id)) throw new Error(`"${id}" cannot be part of a storage key.`);
  return id;
};

/** Stakeholder grids in a custom entity, each write guarded by its `revision` (see kvs-stores.ts). */
export const createKvsStakeholderStore = (): DocumentStore<StoredStakeholderGrid> =>
  createEntityDocumentStore<StoredStakeholderGrid>(STAKEHOLDER_GRID_ENTITY, gridKey);
