import type { StakeholderGrid } from '../../domain/stakeholders';

/** A stakeholder grid as stored (entity `stakeholder-grid`): the page it is on and the grid. */
export interface StoredStakeholderGrid {
  pageId: string;
  updatedAt: string;
  body: StakeholderGrid;
}
