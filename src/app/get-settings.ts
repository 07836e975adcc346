import type { SettingsView } from '../shared/settings';
import type { SettingsValues } from '../domain/settings';
import { LAST_SWEEP_ID, type BlockedSweep } from './sweep-blocked-issues';
import type { DocumentStore, RecordStore, SiteAdministration } from './ports';
import { AppError } from './errors';
import { loadSettings } from './load-settings';

export interface SettingsDeps {
  settings: DocumentStore<SettingsValues>;
  sweeps: RecordStore<BlockedSweep>;
  admin: SiteAdministration;
}

/** Settings belong to Jira administrators: refuses anyone Jira (asked as them) does not call one. */
export async function requireJiraAdmin(admin: SiteAdministration, doing: string): Promise<void> {
  if (!(await admin.callerIsJiraAdmin())) {
    throw new AppError(
      'FORBIDDEN',
      `Only Jira administrators can ${doing}. Ask one of your Jira administrators to do it, or to make you one.`,
    );
  }
}

/** The admin page's view: the settings in force and what the last blocked sweep found (Jira admins only). */
export async function getSettings(deps: SettingsDeps): Promise<SettingsView> {
  // The last sweep lists issue keys found as the app, so only an administrator may read it.
  await requireJiraAdmin(deps.admin, "see Accord's settings");
  return readSettingsView(deps);
}

export async function readSettingsView(deps: Omit<SettingsDeps, 'admin'>): Promise<SettingsView> {
  const [settings, lastSweep] = await Promise.all([
    loadSettings(deps.settings),
    deps.sweeps.get(LAST_SWEEP_ID),
  ]);
  return { settings, lastSweep: lastSweep ?? null };
}
