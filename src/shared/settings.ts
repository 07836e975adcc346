/** Global page (overview of briefs) and admin page (settings) contract. Type-only. */
import type { BriefSummary } from './brief';

export interface BriefListItem extends Pick<
  BriefSummary,
  'id' | 'title' | 'status' | 'ownerAccountId' | 'updatedAt'
> {
  pageId: string;
  /** Where the brief's Confluence page opens, relative to the site (e.g. `/wiki/spaces/LAUNCH/pages/…`). */
  pageUrl: string;
}

export interface BriefList {
  briefs: BriefListItem[];
  /** True when more briefs exist than one listing reads (the newest are listed). */
  truncated: boolean;
}

export interface AccordSettings {
  /** How long an issue may sit Blocked before the hourly sweep lists it. */
  blockedThresholdHours: number;
  /** Default consulted threshold for the "more Consulted than the team can hear" finding. */
  consultedThreshold: number;
  revision: number;
}

export interface SettingsView {
  settings: AccordSettings;
  lastSweep: { at: string; blocked: string[]; newlyBlocked: string[]; thresholdHours?: number } | null;
}

export interface SaveSettingsPayload {
  blockedThresholdHours: number;
  consultedThreshold: number;
  revision: number;
}
