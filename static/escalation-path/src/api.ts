/** The Escalation Path macro's only door to its resolvers and to Jira (people's names, as the viewer). */
import { invoke, requestJira } from '@forge/bridge';
import type { DryRunResult, EscalationPathView } from '../../../src/shared/escalation';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from '../../common/src/jira-request';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getPath = (pathId: string): Promise<EscalationPathView> =>
  call('escalation/path-get', { pathId });
export const dryRun = (pathId: string): Promise<DryRunResult> => call('escalation/dry-run', { pathId });
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
