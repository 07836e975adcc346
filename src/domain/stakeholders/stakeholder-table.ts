import type { DisplayNameLookup } from '../roles/people-names';
import { CADENCE_LABEL, engagementFor, QUADRANT_INFO, quadrantOf } from './quadrant';
import { QUADRANTS, type Cadence, type Quadrant, type Score, type StakeholderGrid } from './stakeholder';
import { stakeholderName } from './stakeholder-name';

/** One row of the accessible table view (and of the export). */
export interface StakeholderRow {
  stakeholderId: string;
  name: string;
  kind: 'Jira user' | 'External';
  organisation: string;
  role: string;
  authority: Score;
  concern: Score;
  quadrant: Quadrant;
  quadrantLabel: string;
  cadence: Cadence;
  cadenceLabel: string;
  channel: string;
}

/**
 * The grid as table rows: by quadrant (manage closely first), then highest authority, highest concern,
 * name and id, so the order is the same for every reader.
 */
export function stakeholderRows(grid: StakeholderGrid, names?: DisplayNameLookup): StakeholderRow[] {
  return grid.stakeholders
    .map((s): StakeholderRow => {
      const quadrant = quadrantOf(s);
      const plan = engagementFor(grid, quadrant);
      return {
        stakeholderId: s.id,
        name: stakeholderName(s.party, names),
        kind: s.party.kind === 'user' ? 'Jira user' : 'External',
        organisation: s.party.kind === 'external' ? s.party.organisation : '',
        role: s.role,
        authority: s.authority,
        concern: s.concern,
        quadrant,
        quadrantLabel: QUADRANT_INFO[quadrant].label,
        cadence: plan.cadence,
        cadenceLabel: CADENCE_LABEL[plan.cadence],
        channel: plan.channel,
      };
    })
    .sort(
      (a, b) =>
        QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant) ||
        b.authority - a.authority ||
        b.concern - a.concern ||
        a.name.localeCompare(b.name, 'en') ||
        (a.stakeholderId < b.stakeholderId ? -1 : a.stakeholderId > b.stakeholderId ? 1 : 0),
    );
}
