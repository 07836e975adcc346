import type { Framework, RolesView } from '../shared/roles';
import { isStale, ROLES_PROPERTY_KEY, type AssignmentInput } from '../domain/roles';
import type { Clock, IssueActions, IssueTracker, RolesAuditLog } from './ports';
import { AppError } from './errors';
import {
  loadRolesState,
  readThreshold,
  toRolesView,
  withOwnProperty,
  type RolesState,
  type ThresholdSource,
  type ViewOptions,
} from './load-roles';
import { appendAuditRecord } from './roles-audit';
import { decideRolesChange, validateRolesChange } from './roles-decision';

/**
 * Everything `setRoles` needs. `jira` and `actions` must act AS THE CALLER (asUser): the read shows only what
 * they may browse, and Jira itself refuses the property write if they cannot edit the issue.
 */
export interface SetRolesDeps {
  jira: IssueTracker;
  actions: IssueActions;
  audit: RolesAuditLog;
  clock: Clock;
  /** More Consulted than this draws a warning in the returned view (domain default 5). */
  consultedThreshold?: ThresholdSource;
}

export interface SetRolesInput {
  issueKey: string;
  /** The caller (from the platform context, never from a payload). */
  accountId: string;
  framework: Framework;
  assignments: readonly AssignmentInput[];
  /** The revision the edit was based on (0 when the issue had no roles of its own). */
  revision: number;
  action?: 'set' | 'bulk-apply';
}

/**
 * Stores an issue's roles: hard rules first (nothing is read for a refused list), then EDIT_ISSUES as the caller,
 * then the revision check, then the property write as the caller and an audit line. An unchanged list writes
 * nothing. What is written is decided by `decideRolesChange`, the rules bulk apply uses too. Throws AppError RULE_VIOLATION | FORBIDDEN | CONFLICT | NOT_FOUND | INVALID_INPUT.
 */
export async function setRoles(deps: SetRolesDeps, input: SetRolesInput): Promise<RolesView> {
  // Refused lists are refused before anything is read (the same rules bulk apply uses, per issue).
  validateRolesChange(input);
  const { state, view } = await checkedState(deps, input.issueKey, input.revision);

  const decision = decideRolesChange({
    issueKey: state.issue.key,
    own: state.own,
    inheritsRoles: state.effective.source === 'inherited',
    change: {
      accountId: input.accountId,
      framework: input.framework,
      assignments: input.assignments,
      revision: input.revision,
      action: input.action ?? 'set',
    },
    at: deps.clock.now().toISOString(),
  });
  // checkedState refused a stale revision already; the decision agrees, by the same rule.
  if (decision.kind !== 'write') return toRolesView(state, view);

  // Jira has no compare-and-set on entity properties: read, check the revision, write is the best it allows.
  // The window is the few milliseconds between the read above and this write; the revision still catches every
  // edit made from a stale screen, which is the conflict people actually cause.
  await deps.actions.setProperty(state.issue.key, ROLES_PROPERTY_KEY, decision.property);
  await appendAuditRecord(deps.audit, decision.audit);
  return toRolesView(withOwnProperty(state, decision.property), view);
}

/**
 * Reads the issue as the caller with the EDIT_ISSUES check in parallel, then refuses a caller who cannot edit
 * (FORBIDDEN) or a write based on a stale revision (CONFLICT, with the current view in `details.current`).
 */
export async function checkedState(
  deps: SetRolesDeps,
  issueKey: string,
  basedOn: number,
  walk: 'if-needed' | 'always' = 'if-needed',
): Promise<{ state: RolesState; view: ViewOptions }> {
  const [state, permissions, consultedThreshold] = await Promise.all([
    loadRolesState(deps.jira, issueKey, walk),
    deps.actions.permissions(issueKey, ['EDIT_ISSUES']),
    readThreshold(deps.consultedThreshold),
  ]);
  const view: ViewOptions = {
    canEdit: true,
    ...(consultedThreshold !== undefined ? { consultedThreshold } : {}),
  };
  if (!permissions?.EDIT_ISSUES) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot change the roles on ${state.issue.key}: that needs permission to edit the issue. Ask a project admin.`,
    );
  }
  if (isStale(basedOn, state.own.revision)) {
    throw new AppError(
      'CONFLICT',
      `Someone else changed the roles on ${state.issue.key} while you were editing. Review their version and make your change again.`,
      { current: toRolesView(state, view) },
    );
  }
  return { state, view };
}
