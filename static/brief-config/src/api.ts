/** The brief config's only door to its resolvers (see static/common/src/resolver-client.ts) and to Jira. */
import { invoke, requestJira } from '@forge/bridge';
import type { BriefDetail, SaveBriefPayload } from '../../../src/shared/brief';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/user-picker-people';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getBrief = (briefId: string): Promise<BriefDetail> => call('brief/get', { briefId });
export const saveBrief = (payload: SaveBriefPayload): Promise<BriefDetail> => call('brief/save', payload);
/** Jira as the viewer, for the owner picker (`user/search`) and the owner's name (`user/bulk`). */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
