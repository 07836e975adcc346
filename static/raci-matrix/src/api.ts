/** The RACI matrix macro's only door to its resolvers. */
import { invoke, requestJira } from '@forge/bridge';
import type {
  ImportRaciPayload,
  ImportRaciResult,
  RaciMatrixView,
  RaciRowView,
  SetRaciRowPayload,
} from '../../../src/shared/raci';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/user-picker-people';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getMatrix = (matrixId: string): Promise<RaciMatrixView> => call('raci/get', { matrixId });
export const setRow = (payload: SetRaciRowPayload): Promise<RaciRowView> => call('raci/set-row', payload);
export const importCsv = (payload: ImportRaciPayload): Promise<ImportRaciResult> =>
  call('raci/import', payload);
/** Jira as the viewer: the people columns' names (`user/bulk`), never stored. */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
