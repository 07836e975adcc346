import { Queue } from '@forge/events';
import type { WorkQueue } from '../app/ports';

/** The queue of the manifest's `consumer` module `accord-bulk-apply-consumer`. */
export const BULK_APPLY_QUEUE = 'accord-bulk-apply';

/** `@forge/events` takes at most 50 events per push. */
const PUSH_LIMIT = 50;

/** A WorkQueue over a Forge queue declared by a manifest `consumer` module. */
export function createForgeQueue<T extends Record<string, unknown>>(queueKey: string): WorkQueue<T> {
  const queue = new Queue({ key: queueKey });
  return {
    async push(events) {
      for (let i = 0; i < events.length; i += PUSH_LIMIT) {
        await queue.push(events.slice(i, i + PUSH_LIMIT).map((body) => ({ body })));
      }
    },
  };
}
