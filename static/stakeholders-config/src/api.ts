/** The Stakeholder grid config's only door to its resolvers and to Jira (as the viewer). */
import { invoke, requestJira } from '@forge/bridge';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../../src/shared/stakeholders';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/user-picker-people';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getGrid = (gridId: string): Promise<StakeholderGridView> => call('stakeholders/get', { gridId });
export const saveGrid = (payload: SaveStakeholderGridPayload): Promise<StakeholderGridView> =>
  call('stakeholders/save', payload);
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
