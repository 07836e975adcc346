/** The Stakeholder Analysis Grid: the contract between its macros and resolvers. Type-only. */
export type ScoreData = 1 | 2 | 3 | 4 | 5;
export type QuadrantData = 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor';
export type CadenceData =
  'daily' | 'twice-weekly' | 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'at-milestones';

export type StakeholderPartyData =
  { kind: 'user'; accountId: string } | { kind: 'external'; name: string; organisation: string };

export interface StakeholderData {
  id: string;
  party: StakeholderPartyData;
  role: string;
  authority: ScoreData;
  concern: ScoreData;
  notes: string;
}

export interface StakeholderGridData {
  title: string;
  ownerAccountId: string | null;
  stakeholders: StakeholderData[];
  engagement: Partial<Record<QuadrantData, { cadence: CadenceData; channel: string }>>;
}

export interface StakeholderGridView {
  gridId: string;
  grid: StakeholderGridData;
  revision: number;
  pageId: string;
  updatedAt: string;
  /** The viewer can edit the page, so may move stakeholders and change the grid. */
  canEdit: boolean;
}

export interface GetStakeholderGridPayload {
  gridId: string;
}

export interface SaveStakeholderGridPayload {
  gridId?: string;
  revision: number;
  grid: StakeholderGridData;
}
