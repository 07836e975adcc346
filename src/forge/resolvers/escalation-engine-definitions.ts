import { z } from 'zod';
import { acknowledgeEscalation } from '../../app/escalation/acknowledge-escalation';
import { dryRunPath } from '../../app/escalation/dry-run-path';
import { getEscalationAudit } from '../../app/escalation/get-escalation-audit';
import { getIssueEscalations } from '../../app/escalation/get-issue-escalations';
import { escalationAuditDeps, escalationDryRunDeps, escalationPersonDeps } from '../compose-escalation';
import type { CallContext, ResolverDefinitions } from '../resolver-kit';
import { issueKeyFor } from '../issue-context';

const ISSUE_KEY = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'an issue key such as LAUNCH-12');
const ID = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'an id');
const caller = (ctx: CallContext): string => ctx.accountId ?? '';

/** `escalation/dry-run` (macro and admin page). */
export const escalationDryRunDefinitions: ResolverDefinitions = {
  'escalation/dry-run': {
    payload: z.object({ pathId: ID }).strict(),
    run: (payload) => dryRunPath(escalationDryRunDeps(), payload),
  },
};

/** `escalation/issue` and `escalation/acknowledge` (Roles panel): the issue is the platform context's. */
export const escalationIssueDefinitions: ResolverDefinitions = {
  'escalation/issue': {
    payload: z.object({ issueKey: ISSUE_KEY }).strict(),
    run: (payload, ctx) =>
      getIssueEscalations(escalationPersonDeps(), {
        issueKey: issueKeyFor(payload.issueKey, ctx),
        accountId: caller(ctx),
      }),
  },
  'escalation/acknowledge': {
    payload: z.object({ issueKey: ISSUE_KEY, pathId: ID, episodeId: ID }).strict(),
    run: (payload, ctx) =>
      acknowledgeEscalation(escalationPersonDeps(), {
        ...payload,
        issueKey: issueKeyFor(
          payload.issueKey,
          ctx,
          'Acknowledge an escalation from the issue it is on. Open the issue and try again.',
        ),
        accountId: caller(ctx),
      }),
  },
};

/** `escalation/audit` (admin page). */
export const escalationAuditDefinitions: ResolverDefinitions = {
  'escalation/audit': {
    payload: z
      .object({ cursor: z.string().min(1).max(2000).optional(), issueKey: ISSUE_KEY.optional() })
      .strict(),
    run: (payload) => getEscalationAudit(escalationAuditDeps(), payload),
  },
};
