import type { Clock, IdGenerator } from '../app/ports';
import { randomUUID } from 'node:crypto';

/**
 * On Forge, time is the machine's. The local site moves time for demos and tests by providing
 * `__accord_site_clock__` (see docs/decisions/0002-site-clock.md); nothing else reads it.
 */
export const platformClock: Clock = {
  now() {
    const siteClock = (globalThis as { __accord_site_clock__?: () => number }).__accord_site_clock__;
    return new Date(siteClock ? siteClock() : Date.now());
  },
};

export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}-${randomUUID()}`,
};
