import type { RolesView } from '../shared/roles';
import type { IssueActions, IssueTracker } from './ports';
import { loadRolesState, readThreshold, toRolesView, type ThresholdSource } from './load-roles';

export interface GetRolesDeps {
  /** Jira as the person asking, so nobody sees roles on an issue (or an ancestor) they cannot browse. */
  jira: IssueTracker;
  /** Also as the person asking; when given, the view says whether they may edit (`canEdit`). */
  actions?: IssueActions;
  /** More Consulted than this draws a warning (domain default 5). */
  consultedThreshold?: ThresholdSource;
}

/**
 * The roles that apply to an issue: its own `accord-roles` property, else its nearest ancestor's, with findings,
 * responses and whether the caller may edit them. An issue with roles of its own costs one Jira call, plus the
 * EDIT_ISSUES check in parallel.
 */
export async function getRoles(deps: GetRolesDeps, input: { issueKey: string }): Promise<RolesView> {
  const [state, permissions, consultedThreshold] = await Promise.all([
    loadRolesState(deps.jira, input.issueKey),
    deps.actions ? deps.actions.permissions(input.issueKey, ['EDIT_ISSUES']) : Promise.resolve(undefined),
    readThreshold(deps.consultedThreshold),
  ]);
  return toRolesView(state, {
    ...(permissions !== undefined ? { canEdit: permissions?.EDIT_ISSUES === true } : {}),
    ...(consultedThreshold !== undefined ? { consultedThreshold } : {}),
  });
}
