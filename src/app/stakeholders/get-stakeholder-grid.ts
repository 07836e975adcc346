import type { StakeholderGridView } from '../../shared/stakeholders';
import { AppError } from '../errors';
import type { DocumentStore, PageAccess, Versioned, Wiki } from '../ports';
import type { StoredStakeholderGrid } from './stakeholder-grid-record';

export const gridNotHere = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'This stakeholder grid does not exist on this page. Edit the macro to create one.',
  );

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
  const [access, stored] = await Promise.all([
    deps.wiki.pageAccess(input.pageId),
    deps.grids.get(input.gridId),
  ]);
  if (access === 'none') {
    throw new AppError(
      'FORBIDDEN',
      'You cannot view the page this stakeholder grid is on. Ask its owner for access.',
    );
  }
  if (!stored || stored.value.pageId !== input.pageId) throw gridNotHere();
  return toGridView(input.gridId, stored, access);
}
