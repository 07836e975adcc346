import type { AccordSettings } from '../shared/settings';
import { DEFAULT_SETTINGS, readSettings, type SettingsValues } from '../domain/settings';
import type { DocumentStore } from './ports';

/** Accord keeps one settings record for the whole site, under this id. */
export const SETTINGS_ID = 'site';

/**
 * The settings in force, for any part of Accord that needs them (the sweep, the roles findings): what an
 * administrator saved, or the defaults at revision 0 if nobody has. No permission check: reading a
 * threshold reveals nothing.
 */
export async function loadSettings(store: DocumentStore<SettingsValues>): Promise<AccordSettings> {
  const stored = await store.get(SETTINGS_ID);
  if (!stored) return { ...DEFAULT_SETTINGS, revision: 0 };
  return { ...readSettings(stored.value), revision: stored.revision };
}
