/**
 * Faults on demand: a share of product calls answer 429 with Retry-After, or 5xx, or time out,
 * so tests can prove that Accord retries and never records a failed action as done.
 * Deterministic: a seeded generator decides which calls fail.
 */
export interface FaultSettings {
  /** Share of product calls (0..1) that answer 429 Too Many Requests. */
  rate429: number;
  /** Share that answer 503 Service Unavailable. */
  rate5xx: number;
  /** Share that never answer: the call fails as a network timeout would. */
  rateTimeout: number;
  /** Seconds sent in Retry-After with a 429. */
  retryAfterSeconds: number;
  seed: number;
}

export type FaultDecision =
  { kind: 'none' } | { kind: '429'; retryAfterSeconds: number } | { kind: '5xx' } | { kind: 'timeout' };

export const NO_FAULTS: FaultSettings = {
  rate429: 0,
  rate5xx: 0,
  rateTimeout: 0,
  retryAfterSeconds: 1,
  seed: 1,
};

export function parseFaultSettings(input: unknown): FaultSettings | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'The body must be a JSON object.';
  const merged: Record<string, unknown> = { ...NO_FAULTS, ...(input as Record<string, unknown>) };
  for (const key of Object.keys(input)) {
    if (!(key in NO_FAULTS))
      return `Unknown fault setting "${key}"; use ${Object.keys(NO_FAULTS).join(', ')}.`;
  }
  for (const key of ['rate429', 'rate5xx', 'rateTimeout'] as const) {
    const v = merged[key];
    if (typeof v !== 'number' || v < 0 || v > 1) return `${key} must be a number from 0 to 1.`;
  }
  const sum = (merged.rate429 as number) + (merged.rate5xx as number) + (merged.rateTimeout as number);
  if (sum > 1) return 'The fault rates add up to more than 1.';
  if (typeof merged.retryAfterSeconds !== 'number' || merged.retryAfterSeconds < 0)
    return 'retryAfterSeconds must be a number of seconds, 0 or more.';
  if (!Number.isInteger(merged.seed)) return 'seed must be an integer.';
  return merged as unknown as FaultSettings;
}

export class FaultInjector {
  private settings: FaultSettings = NO_FAULTS;
  private state = 1;

  configure(settings: FaultSettings): void {
    this.settings = settings;
    this.state = settings.seed >>> 0 || 1;
  }

  current(): FaultSettings {
    return this.settings;
  }

  /** Decides the fate of the next product call. */
  next(): FaultDecision {
    const { rate429, rate5xx, rateTimeout, retryAfterSeconds } = this.settings;
    if (rate429 + rate5xx + rateTimeout === 0) return { kind: 'none' };
    const r = this.random();
    if (r < rate429) return { kind: '429', retryAfterSeconds };
    if (r < rate429 + rate5xx) return { kind: '5xx' };
    if (r < rate429 + rate5xx + rateTimeout) return { kind: 'timeout' };
    return { kind: 'none' };
  }

  /** xorshift32: small, seeded and good enough to spread faults. */
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
}
