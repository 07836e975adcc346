import { z } from 'zod';
import { getSettings } from '../../app/get-settings';
import { saveSettings } from '../../app/save-settings';
import { asUserSiteAdministration, blockedSweepStore, settingsStore } from '../composition-root';
import { buildResolver } from '../resolver-kit';
import { escalationPathAdminDefinitions } from './escalation-path-definitions';

const settingsDeps = () => ({
  settings: settingsStore(),
  sweeps: blockedSweepStore(),
  admin: asUserSiteAdministration(),
});

// The ranges are checked by the domain (settingsProblems), which says what to enter instead.
const COUNT = z.number().finite();

/** The Jira admin page (`accord-settings`): Accord's site settings, for Jira administrators. */
import { escalationAuditDefinitions, escalationDryRunDefinitions } from './escalation-engine-definitions';

export const adminResolver = buildResolver({
  ...escalationDryRunDefinitions,
  ...escalationAuditDefinitions,
  ...escalationPathAdminDefinitions,
  'settings/get': {
    payload: z.object({}).strict(),
    run: () => getSettings(settingsDeps()),
  },
  'settings/save': {
    payload: z
      .object({
        blockedThresholdHours: COUNT,
        consultedThreshold: COUNT,
        revision: z.number().int().min(0),
      })
      .strict(),
    run: (payload) => saveSettings(settingsDeps(), payload),
  },
});
