/** The admin page's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { SaveSettingsPayload, SettingsView } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getSettings = (): Promise<SettingsView> => call('settings/get', {});
export const saveSettings = (payload: SaveSettingsPayload): Promise<SettingsView> =>
  call('settings/save', payload);
