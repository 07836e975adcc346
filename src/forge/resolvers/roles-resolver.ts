import { z } from 'zod';
import type { Role } from '../../shared/roles';
import { getRoles } from '../../app/get-roles';
import { setRoles } from '../../app/set-roles';
import { overrideRoles } from '../../app/override-roles';
import { resetRoles } from '../../app/reset-roles';
import { getRolesHistory } from '../../app/get-roles-history';
import { askAccountable } from '../../app/ask-accountable';
import { tellInformed } from '../../app/tell-informed';
import { respondToRoles } from '../../app/respond-to-roles';
import {
  asAppJiraActions,
  asUserJira,
  asUserJiraActions,
  clock,
  rolesAuditLog,
  rolesConsultedThreshold,
  setRolesDeps,
} from '../composition-root';
import { issueKeyFor } from '../issue-context';
import { buildResolver, type CallContext } from '../resolver-kit';

const ISSUE_KEY = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'an issue key such as LAUNCH-12');
const REVISION = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
// Roles and account ids are only bounded here: the domain's hard rules refuse a wrong one with a sentence that
// names the person and the fix, which a schema error cannot.
const ROLE = z.custom<Role>((v) => typeof v === 'string' && v.length > 0 && v.length <= 40, 'a role name');
const ASSIGNMENT = z.object({ accountId: z.string().max(128), role: ROLE }).strict();
const text = (max: number) => z.string().min(1).max(max);

/** The caller's account id; the kit refuses calls without one before any of these run. */
const caller = (ctx: CallContext): string => ctx.accountId ?? '';

import { escalationIssueDefinitions } from './escalation-engine-definitions';

const ROLES_FROM_THEIR_ISSUE =
  'Roles can only be changed from the issue they belong to. Open the issue and try again.';

export const rolesResolver = buildResolver({
  ...escalationIssueDefinitions,
  'roles/get': {
    payload: z.object({ issueKey: ISSUE_KEY }).strict(),
    run: (payload, ctx) =>
      getRoles(
        { jira: asUserJira(), actions: asUserJiraActions(), consultedThreshold: rolesConsultedThreshold },
        { issueKey: issueKeyFor(payload.issueKey, ctx) },
      ),
  },
  'roles/set': {
    payload: z
      .object({
        issueKey: ISSUE_KEY,
        framework: z.enum(['RACI', 'DACI']),
        assignments: z.array(ASSIGNMENT).max(100),
        revision: REVISION,
      })
      .strict(),
    run: (payload, ctx) =>
      setRoles(setRolesDeps(), {
        issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
        accountId: caller(ctx),
        framework: payload.framework,
        assignments: payload.assignments,
        revision: payload.revision,
      }),
  },
  'roles/override': {
    payload: z.object({ issueKey: ISSUE_KEY, revision: REVISION }).strict(),
    run: (payload, ctx) =>
      overrideRoles(setRolesDeps(), {
        issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
        accountId: caller(ctx),
        revision: payload.revision,
      }),
  },
  'roles/reset': {
    payload: z.object({ issueKey: ISSUE_KEY, revision: REVISION }).strict(),
    run: (payload, ctx) =>
      resetRoles(setRolesDeps(), {
        issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
        accountId: caller(ctx),
        revision: payload.revision,
      }),
  },
  'roles/history': {
    payload: z.object({ issueKey: ISSUE_KEY }).strict(),
    run: (payload, ctx) =>
      getRolesHistory(
        { jira: asUserJira(), audit: rolesAuditLog() },
        { issueKey: issueKeyFor(payload.issueKey, ctx) },
      ),
  },
  'roles/ask': {
    payload: z.object({ issueKey: ISSUE_KEY, message: text(2000) }).strict(),
    run: (payload, ctx) =>
      askAccountable(
        { jira: asUserJira(), actions: asUserJiraActions(), audit: rolesAuditLog(), clock },
        {
          issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
          accountId: caller(ctx),
          message: payload.message,
        },
      ),
  },
  'roles/tell': {
    payload: z.object({ issueKey: ISSUE_KEY, subject: text(255), message: text(5000) }).strict(),
    run: (payload, ctx) =>
      tellInformed(
        { jira: asUserJira(), actions: asUserJiraActions(), audit: rolesAuditLog(), clock },
        {
          issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
          accountId: caller(ctx),
          subject: payload.subject,
          message: payload.message,
        },
      ),
  },
  'roles/respond': {
    payload: z
      .object({
        issueKey: ISSUE_KEY,
        kind: z.enum(['sign-off', 'acknowledge']),
        comment: z.string().max(2000).optional(),
      })
      .strict(),
    run: (payload, ctx) =>
      respondToRoles(
        {
          jira: asUserJira(),
          actions: asUserJiraActions(),
          appActions: asAppJiraActions(),
          audit: rolesAuditLog(),
          clock,
          consultedThreshold: rolesConsultedThreshold,
        },
        {
          issueKey: issueKeyFor(payload.issueKey, ctx, ROLES_FROM_THEIR_ISSUE),
          accountId: caller(ctx),
          kind: payload.kind,
          ...(payload.comment !== undefined ? { comment: payload.comment } : {}),
        },
      ),
  },
});
