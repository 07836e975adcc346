/**
 * The roles panel's only door to `@forge/bridge`'s `invoke` (writes and audit reads) and `requestJira`
 * (every read the panel makes for the viewer, free and permission-correct; see read-roles.ts).
 */
import { invoke, requestJira } from '@forge/bridge';
import type {
  AskPayload,
  RespondPayload,
  RevisionedIssuePayload,
  RolesHistory,
  RolesView,
  SetRolesPayload,
  TellPayload,
} from '../../../src/shared/roles';
import { createResolverClient } from '../../common/src/resolver-client';
import type { JiraRequest } from './jira-request';

const call = createResolverClient((key, payload) => invoke(key, payload));

/** `requestJira` as the viewer, in the shape the read functions take. */
export const jiraAsViewer: JiraRequest = (path, init) => requestJira(path, init);

export interface RolesApi {
  setRoles(payload: SetRolesPayload): Promise<RolesView>;
  overrideRoles(payload: RevisionedIssuePayload): Promise<RolesView>;
  resetRoles(payload: RevisionedIssuePayload): Promise<RolesView>;
  history(issueKey: string): Promise<RolesHistory>;
  ask(payload: AskPayload): Promise<{ commentId: string }>;
  tell(payload: TellPayload): Promise<{ notified: number }>;
  respond(payload: RespondPayload): Promise<RolesView>;
  jira: JiraRequest;
}

export const rolesApi: RolesApi = {
  setRoles: (payload) => call('roles/set', payload),
  overrideRoles: (payload) => call('roles/override', payload),
  resetRoles: (payload) => call('roles/reset', payload),
  history: (issueKey) => call('roles/history', { issueKey }),
  ask: (payload) => call('roles/ask', payload),
  tell: (payload) => call('roles/tell', payload),
  respond: (payload) => call('roles/respond', payload),
  jira: jiraAsViewer,
};

/** The Escalation tab's calls (escalation-tab.tsx): asked only when the person opens the tab. */
export const escalationApi: import('./escalation-tab').EscalationTabApi = {
  escalations: (issueKey) => call('escalation/issue', { issueKey }),
  acknowledge: (payload) => call('escalation/acknowledge', payload),
  jira: jiraAsViewer,
};
