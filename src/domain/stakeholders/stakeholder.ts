/** The Stakeholder Analysis Grid: who has a stake, with how much authority and concern. Types only. */

/** A score from 1 (none) to 5 (decisive). */
export type Score = 1 | 2 | 3 | 4 | 5;

export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** A Jira user (by account id, never a name or e-mail) or a named party outside the site, such as a vendor. */
export type StakeholderParty =
  { kind: 'user'; accountId: string } | { kind: 'external'; name: string; organisation: string };

export interface Stakeholder {
  /** Stable within the grid, so a drag or an edit names the right dot. */
  id: string;
  party: StakeholderParty;
  /** What they are to the project ("Head of Legal", "SMS vendor"); may be empty. */
  role: string;
  /** How much they can change the project's course. */
  authority: Score;
  /** How much the project affects them, and how much they care. */
  concern: Score;
  notes: string;
}

export type Quadrant = 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor';

export const QUADRANTS: readonly Quadrant[] = [
  'manage-closely',
  'keep-satisfied',
  'keep-informed',
  'monitor',
];

export type Cadence =
  'daily' | 'twice-weekly' | 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'at-milestones';

export const CADENCES: readonly Cadence[] = [
  'daily',
  'twice-weekly',
  'weekly',
  'fortnightly',
  'monthly',
  'quarterly',
  'at-milestones',
];

/** How often, and through what, a quadrant's stakeholders hear from the project. */
export interface EngagementPlan {
  cadence: Cadence;
  channel: string;
}

export interface StakeholderGrid {
  title: string;
  ownerAccountId: string | null;
  stakeholders: Stakeholder[];
  /** The owner's changes to the default plan of a quadrant; a quadrant not named here uses the default. */
  engagement: Partial<Record<Quadrant, EngagementPlan>>;
}

export const GRID_LIMITS = {
  title: 200,
  stakeholders: 100,
  name: 100,
  organisation: 100,
  role: 100,
  notes: 2_000,
  channel: 100,
} as const;
