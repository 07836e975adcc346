/**
 * The envelope client: turns a resolver's `{ ok, data | error }` envelope into a value or a thrown
 * ResolverCallError whose message is the server's own sentence, so screens can show it as is.
 * It takes the invoke function as an argument so that each app's `api.ts` stays the only caller of
 * `@forge/bridge`'s `invoke()` and so that tests can feed it envelopes without a bridge.
 */
import type { ErrorCode } from '../../../src/shared/envelope';
import type { ResolverContract, ResolverKey } from '../../../src/shared/resolver-keys';

/** Server codes plus one the client adds when the back end could not be reached at all. */
export type ClientErrorCode = ErrorCode | 'UNREACHABLE';

const SERVER_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'RULE_VIOLATION',
  'UPSTREAM',
  'RATE_LIMITED',
  'INTERNAL',
]);

export class ResolverCallError extends Error {
  override readonly name = 'ResolverCallError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly call?: string,
  ) {
    super(message);
  }
}

export const UNREACHABLE_MESSAGE =
  'Accord could not reach its back end. Check your connection, then reload the page.';
export const MALFORMED_MESSAGE =
  'Accord got an answer it did not understand. Reload the page; if it happens again, tell your Jira admin.';

/** The bridge's `invoke(key, payload)` as seen by the client. */
export type InvokeFn = (key: string, payload: Record<string, unknown>) => Promise<unknown>;

export type ResolverCall = <K extends ResolverKey>(
  key: K,
  payload: ResolverContract[K]['payload'],
) => Promise<ResolverContract[K]['result']>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Builds the typed `call(key, payload)` used by every app's api.ts. */
export function createResolverClient(invokeFn: InvokeFn): ResolverCall {
  return async (key, payload) => {
    let answer: unknown;
    try {
      answer = await invokeFn(key, payload as unknown as Record<string, unknown>);
    } catch (cause) {
      // The bridge itself failed (network, rate limit, unknown function): no envelope to read.
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new ResolverCallError('UNREACHABLE', UNREACHABLE_MESSAGE, { cause: detail }, key);
    }
    if (!isRecord(answer) || typeof answer.ok !== 'boolean') {
      throw new ResolverCallError('INTERNAL', MALFORMED_MESSAGE, { answer }, key);
    }
    if (answer.ok) {
      return answer.data as never;
    }
    const error = answer.error;
    if (!isRecord(error) || typeof error.message !== 'string' || typeof error.code !== 'string') {
      throw new ResolverCallError('INTERNAL', MALFORMED_MESSAGE, { answer }, key);
    }
    const code = SERVER_CODES.has(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
    throw new ResolverCallError(code, error.message, error.details, key);
  };
}

/** A sentence for any error a screen catches, preferring the server's own words. */
export function describeError(error: unknown): string {
  if (error instanceof ResolverCallError) return error.message;
  return UNREACHABLE_MESSAGE;
}
