import type { StakeholderGridView } from '../../shared/stakeholders';
import { AppError } from '../errors';
import { requirePageAccess } from '../page-access';
import type { DocumentStore, PageAccess, Versioned, Wiki } from '../ports';
import type { StoredStakeholderGrid } from './stakeholder-grid-record';

export const gridNotHere = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'This stakeholder grid does not exist on this page. Edit the macro to create one.',
  );

/** Loads a grid that must sit on `pageId` (the page comes from the platform context, never the payload). */
export async function loadGridOnPage(
  grids: DocumentStore<StoredStakeholderGrid>,
  gridId: string,
  pageId: string,
): Promise<Versioned<StoredStakeholderGrid>> {
  const stored = await grids.get(gridId);
  if (!stored || stored.value.pageId !== pageId) throw gridNotHere();
  return stored;
}

export const toGridView = (
  gridId: string,
  { value, revision }: Versioned<StoredStakeholderGrid>,
  access: PageAccess,
): StakeholderGridView => ({
  gridId,
  grid: value.body,
  revision,
  pageId: value.pageId,
  updatedAt: value.updatedAt,
  canEdit: access === 'edit',
});

/** Reads a grid for a person who can view the page it is on. */
export async function getStakeholderGrid(
  deps: { grids: DocumentStore<StoredStakeholderGrid>; wiki: Wiki },
  input: { gridId: string; pageId: string },
): Promise<StakeholderGridView> {
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this stakeholder grid is on. Ask its owner for access.',
  );
  const stored = await loadGridOnPage(deps.grids, input.gridId, input.pageId);
  return toGridView(input.gridId, stored, access);
}
