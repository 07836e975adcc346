/** The admin page's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke, requestJira } from '@forge/bridge';
import { fetchPeople } from '../../common/src/user-picker-people';
import type { SaveSettingsPayload, SettingsView } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getSettings = (): Promise<SettingsView> => call('settings/get', {});
export const saveSettings = (payload: SaveSettingsPayload): Promise<SettingsView> =>
  call('settings/save', payload);

/** The Escalation section's calls (escalation-section.tsx). */
export const escalationAdminApi: import('./escalation-section').EscalationAdminApi = {
  defaults: () => call('escalation/defaults-get', {}),
  saveDefaults: (payload) => call('escalation/defaults-save', payload),
  paths: () => call('escalation/paths', {}),
  audit: (payload) => call('escalation/audit', payload),
};

/** The site default path (no page): read and saved by Jira admins through the admin resolver. */
export const sitePathApi: import('./site-path').SitePathApi = {
  getPath: (pathId) => call('escalation/path-get', { pathId }),
  savePath: (payload) => call('escalation/path-save', payload),
  dryRun: (pathId) => call('escalation/dry-run', { pathId }),
};

/** Jira as the admin (the path editor's user picker and names). */
export const jiraAsViewer: import('../../common/src/jira-request').JiraRequest = (path, init) =>
  requestJira(path, init);

/** Display names of account ids, asked of Jira by the browser as the admin (user/bulk). */
export const peopleNames = async (accountIds: string[]): Promise<ReadonlyMap<string, string>> => {
  const people = await fetchPeople((path, init) => requestJira(path, init), accountIds);
  return new Map([...people.values()].map((p) => [p.accountId, p.displayName]));
};
