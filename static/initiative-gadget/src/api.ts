/** The initiative gadget's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke, requestJira } from '@forge/bridge';
import type { JiraRequest } from '../../common/src/jira-request';
import type { InitiativeDetail, Overview } from '../../../src/shared/progress';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const loadInitiative = (briefId: string): Promise<InitiativeDetail> =>
  call('progress/initiative', { briefId });
export const loadOverview = (): Promise<Overview> => call('progress/overview', {});

/** Jira as the viewer (the pending decisions' Approver names). */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
