import { UpstreamError } from '../app/errors';

/**
 * Product calls that Jira or Confluence refuse with 429 or 5xx are retried, honouring Retry-After
 * (seconds or an HTTP date), with capped exponential back-off otherwise. A network error is retried too.
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface MinimalResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const retryable = (status: number) => status === 429 || (status >= 500 && status <= 599);

export function retryDelayMs(
  res: MinimalResponse | undefined,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): number {
  const header = res?.headers.get('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.min(Math.max(at - nowMs, 0), policy.maxDelayMs);
  }
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

export async function withRetries<R extends MinimalResponse>(
  call: () => Promise<R>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<R> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    let res: R | undefined;
    try {
      res = await call();
    } catch (e) {
      lastError = e;
    }
    if (res && !retryable(res.status)) return res;
    if (attempt === policy.attempts - 1) {
      if (res) return res;
      break;
    }
    await policy.sleep(retryDelayMs(res, attempt, policy, Date.now()));
  }
  const reason = lastError instanceof Error ? lastError.message : 'no answer';
  throw new UpstreamError(`Atlassian did not answer (${reason}). Try again in a minute.`, 504);
}
