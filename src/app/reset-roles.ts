import type { RolesView } from '../shared/roles';
import { resolveEffectiveRoles, ROLES_PROPERTY_KEY } from '../domain/roles';
import { toRolesView } from './load-roles';
import { appendAudit } from './roles-audit';
import { checkedState, type SetRolesDeps } from './set-roles';

/**
 * "Reset": deletes the issue's own roles so it inherits its nearest ancestor's again. EDIT_ISSUES and the revision
 * are checked first; an issue without roles of its own is left as it is.
 */
export async function resetRoles(
  deps: SetRolesDeps,
  input: { issueKey: string; accountId: string; revision: number },
): Promise<RolesView> {
  const { state, view } = await checkedState(deps, input.issueKey, input.revision, 'always');
  if (!state.hasOwnProperty) return toRolesView(state, view);

  // Deleting is as close to compare-and-set as Jira allows (see setRoles). The next save starts again at
  // revision 1; an editor still holding an older revision is refused, since any revision > 0 is now stale.
  await deps.actions.deleteProperty(state.issue.key, ROLES_PROPERTY_KEY);
  const before = state.own.property;
  await appendAudit(deps, state.issue.key, {
    accountId: input.accountId,
    action: 'reset',
    changes: (before?.assignments ?? []).map((a) => ({ ...a, change: 'removed' as const })),
    ...(before ? { frameworkBefore: before.framework } : {}),
  });
  const effective = resolveEffectiveRoles([
    { issueKey: state.issue.key, issueTypeName: state.issue.issueType.name },
    ...state.ancestors,
  ]);
  return toRolesView({ ...state, own: { property: undefined, revision: 0, findings: [] }, effective }, view);
}
