import type { RoleResponse, RolesView } from '../shared/roles';
import { ROLE_LABELS } from '../domain/roles';
import type { Clock, IssueActions, IssueTracker, RolesAuditLog } from './ports';
import { AppError } from './errors';
import { signOffCommentAdf } from './comment-adf';
import {
  loadRolesState,
  readThreshold,
  RESPONSES_PROPERTY_KEY,
  toRolesView,
  type ResponsesProperty,
  type ThresholdSource,
} from './load-roles';
import { appendAudit } from './roles-audit';

export interface RespondDeps {
  /** Jira as the caller: proves they can browse the issue and posts their comment. */
  jira: IssueTracker;
  actions: IssueActions;
  /** Jira as the app: writes `accord-responses` (see below for why). */
  appActions: IssueActions;
  audit: RolesAuditLog;
  clock: Clock;
  consultedThreshold?: ThresholdSource;
}

/**
 * A Consulted person (RACI) or Contributor (DACI) signs off, optionally with a comment; an Informed person
 * acknowledges. The response is stored in the `accord-responses` issue property.
 */
export async function respondToRoles(
  deps: RespondDeps,
  input: { issueKey: string; accountId: string; kind: 'sign-off' | 'acknowledge'; comment?: string },
): Promise<RolesView> {
  const comment = input.comment?.trim() ?? '';
  if (input.kind === 'acknowledge' && comment !== '') {
    throw new AppError(
      'INVALID_INPUT',
      'An acknowledgement has no comment; add your words as a Jira comment.',
    );
  }
  // Read as the caller: an issue they cannot browse is NOT_FOUND, and only roles they can see count.
  const [state, permissions, consultedThreshold] = await Promise.all([
    loadRolesState(deps.jira, input.issueKey),
    deps.actions.permissions(input.issueKey, ['EDIT_ISSUES', 'ADD_COMMENTS']),
    readThreshold(deps.consultedThreshold),
  ]);
  const view = {
    canEdit: permissions?.EDIT_ISSUES === true,
    ...(consultedThreshold !== undefined ? { consultedThreshold } : {}),
  };
  const { issue, effective } = state;
  const role =
    input.kind === 'acknowledge' ? 'informed' : effective.framework === 'DACI' ? 'contributor' : 'consulted';
  if (!effective.assignments.some((a) => a.accountId === input.accountId && a.role === role)) {
    throw new AppError(
      'FORBIDDEN',
      input.kind === 'acknowledge'
        ? `Only people Informed on ${issue.key} can acknowledge it, and you are not.`
        : `Only people ${ROLE_LABELS[role]} on ${issue.key} can sign it off, and you are not.`,
    );
  }
  if (comment !== '' && !permissions?.ADD_COMMENTS) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot comment on ${issue.key}, so your sign-off cannot carry words. Sign off without a comment.`,
    );
  }
  const previous = state.storedResponses.find(
    (r) => r.accountId === input.accountId && r.kind === input.kind,
  );
  if (previous && comment === '') return toRolesView(state, view);

  // The comment is the caller's own words, so it is posted as them (Jira refuses it if they cannot comment,
  // before anything is stored).
  const posted =
    comment !== ''
      ? await deps.actions.addComment(issue.key, signOffCommentAdf(ROLE_LABELS[role], comment))
      : undefined;
  const at = deps.clock.now().toISOString();
  const response: RoleResponse = {
    accountId: input.accountId,
    kind: input.kind,
    at,
    ...(posted ? { commentId: posted.id } : {}),
  };
  const responses = [
    ...state.storedResponses.filter((r) => !(r.accountId === input.accountId && r.kind === input.kind)),
    response,
  ];
  const property: ResponsesProperty = { version: 1, responses };
  // Written AS THE APP on purpose: Jira lets only people with EDIT_ISSUES set issue properties, and those who
  // sign off or acknowledge (legal, finance, executives) usually can only view the issue. The app writes only
  // after checking, as the caller, that they can browse the issue and hold the role that lets them respond,
  // and it writes nothing but their own response.
  await deps.appActions.setProperty(issue.key, RESPONSES_PROPERTY_KEY, property);
  await appendAudit(
    deps,
    issue.key,
    {
      accountId: input.accountId,
      action: input.kind,
      ...(posted ? { note: `With comment ${posted.id}.` } : {}),
    },
    at,
  );
  return toRolesView({ ...state, storedResponses: responses }, view);
}
