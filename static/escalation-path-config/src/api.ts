/** The Escalation Path editor's only door to its resolvers and to Jira (people, as the viewer). */
import { invoke, requestJira } from '@forge/bridge';
import type { EscalationPathView, SavePathPayload } from '../../../src/shared/escalation';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/jira-request';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getPath = (pathId: string): Promise<EscalationPathView> =>
  call('escalation/path-get', { pathId });
export const savePath = (payload: SavePathPayload): Promise<EscalationPathView> =>
  call('escalation/path-save', payload);
/** `requestJira` acts as the viewer: the user picker only offers people they may see. */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
