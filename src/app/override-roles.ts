import type { RolesView } from '../shared/roles';
import { buildRolesProperty, nextRevision, ROLES_PROPERTY_KEY } from '../domain/roles';
import { AppError } from './errors';
import { toRolesView, withOwnProperty } from './load-roles';
import { appendAudit } from './roles-audit';
import { checkedState, type SetRolesDeps } from './set-roles';

/**
 * "Override": copies the roles an issue inherits onto the issue as its own, so they can be changed there without
 * touching the ancestor. EDIT_ISSUES and the revision are checked first; an issue that already has its own roles
 * is left as it is.
 */
export async function overrideRoles(
  deps: SetRolesDeps,
  input: { issueKey: string; accountId: string; revision: number },
): Promise<RolesView> {
  const { state, view } = await checkedState(deps, input.issueKey, input.revision);
  const { effective } = state;
  if (effective.source === 'issue') return toRolesView(state, view);
  if (effective.source === 'none') {
    throw new AppError(
      'NOT_FOUND',
      `${state.issue.key} inherits no roles from its parents, so there is nothing to copy. Add roles to it instead.`,
    );
  }
  const at = deps.clock.now().toISOString();
  const property = buildRolesProperty({
    framework: effective.framework,
    assignments: effective.assignments,
    revision: nextRevision(state.own.revision),
    updatedAt: at,
    updatedBy: input.accountId,
  });
  // Read-check-write: Jira offers no compare-and-set on entity properties (see setRoles).
  await deps.actions.setProperty(state.issue.key, ROLES_PROPERTY_KEY, property);
  await appendAudit(
    deps,
    state.issue.key,
    {
      accountId: input.accountId,
      action: 'override',
      changes: effective.assignments.map((a) => ({ ...a, change: 'added' as const })),
      frameworkAfter: effective.framework,
      ...(effective.inheritedFrom ? { note: `Copied from ${effective.inheritedFrom}.` } : {}),
    },
    at,
  );
  return toRolesView(withOwnProperty(state, property), view);
}
