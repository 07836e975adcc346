import { AppError } from '../app/errors';
import type { CallContext } from './resolver-kit';

/**
 * The issue a call is about: the platform's context decides; a key in the payload must agree with it. A write
 * (`writeRefusal` given) needs the context — the issue panel always has it — and is refused with that sentence
 * without one; a read without one falls back to the payload key, which is safe because reads run as the caller
 * and show only what Jira lets them browse.
 */
export function issueKeyFor(payloadKey: string, ctx: CallContext, writeRefusal?: string): string {
  const contextIssue = (ctx.extension.issue as { key?: unknown } | undefined)?.key;
  if (typeof contextIssue === 'string' && contextIssue !== payloadKey) {
    throw new AppError(
      'INVALID_INPUT',
      `This panel is on ${contextIssue}, not ${payloadKey}. Reload the issue.`,
    );
  }
  if (writeRefusal !== undefined && typeof contextIssue !== 'string') {
    throw new AppError('INVALID_INPUT', writeRefusal);
  }
  return payloadKey;
}
