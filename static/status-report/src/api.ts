/** The Status report macro's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke, requestJira } from '@forge/bridge';
import type { JiraRequest } from '../../common/src/jira-request';
import type { StatusReportView } from '../../../src/shared/progress';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getStatusReport = (reportId: string): Promise<StatusReportView> =>
  call('status/get', { reportId });

/** Jira as the viewer (the pending decisions' Approver names). */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);
