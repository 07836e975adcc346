import type { SaveSettingsPayload, SettingsView } from '../shared/settings';
import { sameSettings, settingsProblems, type SettingsValues } from '../domain/settings';
import { RevisionConflict } from './ports';
import { AppError } from './errors';
import { readSettingsView, requireJiraAdmin, type SettingsDeps } from './get-settings';
import { SETTINGS_ID, loadSettings } from './load-settings';

const conflict = (currentRevision: number | null) =>
  new AppError(
    'CONFLICT',
    "Someone saved Accord's settings while you were editing. Reload to see their values, then make your change again.",
    { currentRevision },
  );

/**
 * Saves the site's settings. Only Jira administrators may; the save names the revision it was based on
 * and a stale one is refused with CONFLICT. An unchanged save writes nothing.
 */
export async function saveSettings(deps: SettingsDeps, input: SaveSettingsPayload): Promise<SettingsView> {
  const values: SettingsValues = {
    blockedThresholdHours: input.blockedThresholdHours,
    consultedThreshold: input.consultedThreshold,
  };
  const problems = settingsProblems(values);
  if (Object.keys(problems).length > 0) {
    throw new AppError('INVALID_INPUT', Object.values(problems).join(' '), { problems });
  }
  await requireJiraAdmin(deps.admin, "change Accord's settings");

  const current = await loadSettings(deps.settings);
  if (current.revision !== input.revision) throw conflict(current.revision);
  if (!sameSettings(current, values)) {
    try {
      await deps.settings.put(SETTINGS_ID, values, input.revision);
    } catch (e) {
      if (e instanceof RevisionConflict) throw conflict(e.currentRevision);
      throw e;
    }
  }
  return readSettingsView(deps);
}
