/** Accord's site-wide settings, as a Jira administrator sets them on the admin page. Pure: no I/O. */
import { DEFAULT_CONSULTED_THRESHOLD } from '../roles/findings';

export interface SettingsValues {
  /** How long an issue may sit Blocked before the hourly sweep lists it. */
  blockedThresholdHours: number;
  /** More people Consulted than this on one issue draws a warning. */
  consultedThreshold: number;
}

export const SETTINGS_LIMITS = {
  blockedThresholdHours: { min: 1, max: 720 },
  consultedThreshold: { min: 1, max: 50 },
} as const;

export const DEFAULT_BLOCKED_THRESHOLD_HOURS = 48;

/** What a site that never saved settings runs with. */
export const DEFAULT_SETTINGS: SettingsValues = {
  blockedThresholdHours: DEFAULT_BLOCKED_THRESHOLD_HOURS,
  consultedThreshold: DEFAULT_CONSULTED_THRESHOLD,
};

export type SettingsField = keyof SettingsValues;

/** One sentence per field that is wrong, saying what to enter instead; empty when the values are valid. */
export function settingsProblems(input: SettingsValues): Partial<Record<SettingsField, string>> {
  const problems: Partial<Record<SettingsField, string>> = {};
  const hours = SETTINGS_LIMITS.blockedThresholdHours;
  if (!isWholeNumberIn(input.blockedThresholdHours, hours.min, hours.max)) {
    problems.blockedThresholdHours = `Enter a whole number of hours from ${hours.min} to ${hours.max} (${hours.max} hours is 30 days).`;
  }
  const consulted = SETTINGS_LIMITS.consultedThreshold;
  if (!isWholeNumberIn(input.consultedThreshold, consulted.min, consulted.max)) {
    problems.consultedThreshold = `Enter a whole number of people from ${consulted.min} to ${consulted.max}.`;
  }
  return problems;
}

/** Whether a save would change anything (KVS writes cost ~20× reads: an unchanged save writes nothing). */
export function sameSettings(a: SettingsValues, b: SettingsValues): boolean {
  return a.blockedThresholdHours === b.blockedThresholdHours && a.consultedThreshold === b.consultedThreshold;
}

/** Reads stored settings defensively: a value that is missing or out of range falls back to its default. */
export function readSettings(stored: Partial<Record<SettingsField, unknown>> | undefined): SettingsValues {
  const pick = (field: SettingsField): number => {
    const value = stored?.[field];
    const { min, max } = SETTINGS_LIMITS[field];
    return typeof value === 'number' && isWholeNumberIn(value, min, max) ? value : DEFAULT_SETTINGS[field];
  };
  return {
    blockedThresholdHours: pick('blockedThresholdHours'),
    consultedThreshold: pick('consultedThreshold'),
  };
}

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
