import { z } from 'zod';
import { getRoles } from '../../app/get-roles';
import { AppError } from '../../app/errors';
import { asUserJira } from '../composition-root';
import { buildResolver, type CallContext } from '../resolver-kit';

const ISSUE_KEY = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'an issue key such as LAUNCH-12');

/** The issue a call is about: the platform's context decides; a key in the payload must agree with it. */
export function issueKeyFor(payloadKey: string, ctx: CallContext): string {
  const contextIssue = (ctx.extension.issue as { key?: unknown } | undefined)?.key;
  if (typeof contextIssue === 'string' && contextIssue !== payloadKey) {
    throw new AppError(
      'INVALID_INPUT',
      `This panel is on ${contextIssue}, not ${payloadKey}. Reload the issue.`,
    );
  }
  return payloadKey;
}

export const rolesResolver = buildResolver({
  'roles/get': {
    payload: z.object({ issueKey: ISSUE_KEY }).strict(),
    run: (payload, ctx) => getRoles({ jira: asUserJira() }, { issueKey: issueKeyFor(payload.issueKey, ctx) }),
  },
});
