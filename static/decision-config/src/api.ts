/** The Decision config's only door to its resolvers and to Jira (as the viewer). */
import { invoke, requestJira } from '@forge/bridge';
import type { DecisionView, SaveDecisionPayload } from '../../../src/shared/decision';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/user-picker-people';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getDecision = (decisionId: string): Promise<DecisionView> =>
  call('decision/get', { decisionId });
export const saveDecision = (payload: SaveDecisionPayload): Promise<DecisionView> =>
  call('decision/save', payload);
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
