import { isValidAccountId } from '../roles/account-id';
import {
  CADENCES,
  GRID_LIMITS,
  type Cadence,
  type EngagementPlan,
  type Quadrant,
  type Stakeholder,
  type StakeholderGrid,
} from './stakeholder';

/**
 * A score of 3 or more is high. The middle of the 1–5 scale counts as high on purpose: someone with
 * "some" authority who can still block a launch is better managed than merely monitored.
 */
export const HIGH_FROM = 3;

/** True when a score counts as high (≥ {@link HIGH_FROM}). */
export function isHigh(score: number): boolean {
  return score >= HIGH_FROM;
}

/** The quadrant a stakeholder's scores put them in; a function of authority and concern only. */
export function quadrantOf(s: Pick<Stakeholder, 'authority' | 'concern'>): Quadrant {
  if (isHigh(s.authority)) return isHigh(s.concern) ? 'manage-closely' : 'keep-satisfied';
  return isHigh(s.concern) ? 'keep-informed' : 'monitor';
}

export interface QuadrantInfo {
  label: string;
  /** Which scores land here, in words, for the axis legend and screen readers. */
  meaning: string;
}

export const QUADRANT_INFO: Record<Quadrant, QuadrantInfo> = {
  'manage-closely': { label: 'Manage closely', meaning: 'high authority, high concern' },
  'keep-satisfied': { label: 'Keep satisfied', meaning: 'high authority, low concern' },
  'keep-informed': { label: 'Keep informed', meaning: 'low authority, high concern' },
  monitor: { label: 'Monitor', meaning: 'low authority, low concern' },
};

/** The plan each quadrant starts with; the grid's owner may change it. */
export const DEFAULT_ENGAGEMENT: Record<Quadrant, EngagementPlan> = {
  'manage-closely': { cadence: 'weekly', channel: '1:1 meeting and the decision log' },
  'keep-satisfied': { cadence: 'fortnightly', channel: 'Executive status report' },
  'keep-informed': { cadence: 'weekly', channel: 'Project digest and Confluence updates' },
  monitor: { cadence: 'monthly', channel: 'Monthly newsletter' },
};

export const CADENCE_LABEL: Record<Cadence, string> = {
  daily: 'Daily',
  'twice-weekly': 'Twice a week',
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'at-milestones': 'At each milestone',
};

/** The plan in force for a quadrant: the owner's, or the default, and which one it is. */
export function engagementFor(
  grid: Pick<StakeholderGrid, 'engagement'>,
  quadrant: Quadrant,
): EngagementPlan & { source: 'owner' | 'default' } {
  const own = grid.engagement[quadrant];
  return own ? { ...own, source: 'owner' } : { ...DEFAULT_ENGAGEMENT[quadrant], source: 'default' };
}

export type GridResult =
  { ok: true; grid: StakeholderGrid } | { ok: false; code: 'INVALID_INPUT' | 'FORBIDDEN'; message: string };

/**
 * Sets (or, with `plan` null, resets to the default) how a quadrant's stakeholders are engaged.
 * Only the grid's owner may.
 */
export function setEngagement(
  grid: StakeholderGrid,
  by: string,
  quadrant: Quadrant,
  plan: { cadence: unknown; channel: unknown } | null,
): GridResult {
  if (!isValidAccountId(by) || by !== grid.ownerAccountId) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: 'Only the owner of this grid can change how a quadrant is engaged.',
    };
  }
  if (!(quadrant in DEFAULT_ENGAGEMENT)) {
    return { ok: false, code: 'INVALID_INPUT', message: 'Pick one of the four quadrants.' };
  }
  const engagement = { ...grid.engagement };
  if (plan === null) {
    delete engagement[quadrant];
    return { ok: true, grid: { ...grid, engagement } };
  }
  if (typeof plan.cadence !== 'string' || !(CADENCES as readonly string[]).includes(plan.cadence)) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: `Pick a cadence: ${CADENCES.map((c) => CADENCE_LABEL[c].toLowerCase()).join(', ')}.`,
    };
  }
  const channel = typeof plan.channel === 'string' ? plan.channel.trim() : '';
  if (channel === '') {
    return { ok: false, code: 'INVALID_INPUT', message: 'Say through which channel they hear from you.' };
  }
  if (channel.length > GRID_LIMITS.channel) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: `Keep the channel to ${GRID_LIMITS.channel} characters.`,
    };
  }
  engagement[quadrant] = { cadence: plan.cadence as Cadence, channel };
  return { ok: true, grid: { ...grid, engagement } };
}
