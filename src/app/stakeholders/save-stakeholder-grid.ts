import { parseStakeholderGrid } from '../../domain/stakeholders';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../shared/stakeholders';
import { AppError } from '../errors';
import {
  RevisionConflict,
  type Clock,
  type DocumentStore,
  type IdGenerator,
  type Versioned,
  type Wiki,
} from '../ports';
import { loadGridOnPage, toGridView } from './get-stakeholder-grid';
import type { StoredStakeholderGrid } from './stakeholder-grid-record';
import { requirePageAccess } from '../page-access';

const conflict = (e: RevisionConflict) =>
  new AppError(
    'CONFLICT',
    'Someone changed this stakeholder grid while you were editing. Reload to see their version, then make your change again.',
    { currentRevision: e.currentRevision },
  );

/**
 * Creates or updates a stakeholder grid (including a drag that moved someone). Only people who can edit the
 * page may; the grid is validated with sentences; a stale revision is CONFLICT. How a quadrant is engaged
 * (cadence and channel) and who owns the grid change only by the owner; a new grid is owned by its creator
 * unless it names an owner.
 */
export async function saveStakeholderGrid(
  deps: {
    grids: DocumentStore<StoredStakeholderGrid>;
    wiki: Wiki;
    clock: Clock;
    ids: IdGenerator;
  },
  input: SaveStakeholderGridPayload & { pageId: string; accountId: string },
): Promise<StakeholderGridView> {
  const parsed = parseStakeholderGrid(input.grid);
  if (!parsed.ok) {
    throw new AppError('INVALID_INPUT', parsed.problems.map((p) => p.message).join(' '), {
      problems: parsed.problems,
    });
  }
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'edit',
    'Only people who can edit this page can change its stakeholder grid. Ask the page owner.',
  );
  let grid = parsed.value;
  let current: Versioned<StoredStakeholderGrid> | undefined;
  if (input.gridId !== undefined) {
    current = await loadGridOnPage(deps.grids, input.gridId, input.pageId);
    if (current.revision !== input.revision) throw conflict(new RevisionConflict(current.revision));
    const owner = current.value.body.ownerAccountId;
    const ownerOnly =
      JSON.stringify(sortedPlans(grid.engagement)) !==
        JSON.stringify(sortedPlans(current.value.body.engagement)) || grid.ownerAccountId !== owner;
    if (ownerOnly && owner !== null && owner !== input.accountId) {
      throw new AppError(
        'FORBIDDEN',
        'Only the owner of this grid can change how a quadrant is engaged or who owns the grid.',
      );
    }
  } else {
    if (input.revision !== 0) {
      throw new AppError(
        'INVALID_INPUT',
        'A new stakeholder grid starts at revision 0. Reload the page and try again.',
      );
    }
    grid = { ...grid, ownerAccountId: grid.ownerAccountId ?? input.accountId };
  }
  const id = input.gridId ?? deps.ids.next('grid');
  const record: StoredStakeholderGrid = {
    pageId: input.pageId,
    updatedAt: deps.clock.now().toISOString(),
    body: grid,
  };
  try {
    return toGridView(id, await deps.grids.put(id, record, input.revision), access);
  } catch (e) {
    if (e instanceof RevisionConflict) throw conflict(e);
    throw e;
  }
}

function sortedPlans(engagement: object): Array<[string, unknown]> {
  return Object.entries(engagement)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
