/** The RACI matrix config's only door to its resolvers. */
import { invoke, requestJira } from '@forge/bridge';
import type { RaciMatrixView, SaveRaciPayload } from '../../../src/shared/raci';
import type { BriefList } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/user-picker-people';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getMatrix = (matrixId: string): Promise<RaciMatrixView> => call('raci/get', { matrixId });
export const saveMatrix = (payload: SaveRaciPayload): Promise<RaciMatrixView> => call('raci/save', payload);
/** Jira as the viewer, for the people picker (`user/search`) and the columns' names (`user/bulk`). */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
/** The briefs the viewer may see, to pick a new matrix's brief (the listing the Status report config uses). */
export const listBriefs = (): Promise<BriefList> => call('status/briefs', {});
