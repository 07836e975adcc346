import { withRetries, retryDelayMs, defaultRetryPolicy, type MinimalResponse } from './retrying-fetch';

const res = (status: number, retryAfter?: string): MinimalResponse => ({
  status,
  ok: status < 300,
  headers: { get: (n: string) => (n.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
  json: async () => ({}),
  text: async () => '',
});

describe('withRetries', () => {
  const policy = () => {
    const slept: number[] = [];
    return { slept, policy: { ...defaultRetryPolicy, sleep: async (ms: number) => void slept.push(ms) } };
  };

  it('waits as long as Retry-After says, then returns the success', async () => {
    const { slept, policy: p } = policy();
    const answers = [res(429, '2'), res(503), res(200)];
    const out = await withRetries(async () => answers.shift()!, p);
    expect(out.status).toBe(200);
    expect(slept).toEqual([2000, 1000]);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { slept, policy: p } = policy();
    let calls = 0;
    const out = await withRetries(async () => (calls++, res(404)), p);
    expect([out.status, calls, slept.length]).toEqual([404, 1, 0]);
  });

  it('gives up after the last attempt and returns the last refusal', async () => {
    const { policy: p } = policy();
    let calls = 0;
    const out = await withRetries(async () => (calls++, res(429, '1')), p);
    expect([out.status, calls]).toEqual([429, defaultRetryPolicy.attempts]);
  });

  it('retries network errors and rethrows the last one', async () => {
    const { policy: p } = policy();
    await expect(withRetries(async () => Promise.reject(new Error('socket hang up')), p)).rejects.toThrow(
      'socket hang up',
    );
  });

  it('reads an HTTP-date Retry-After and caps long waits', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(retryDelayMs(res(429, 'Fri, 27 Nov 2026 10:00:03 GMT'), 0, defaultRetryPolicy, now)).toBe(3000);
    expect(retryDelayMs(res(429, '3600'), 0, defaultRetryPolicy, now)).toBe(defaultRetryPolicy.maxDelayMs);
  });
});
