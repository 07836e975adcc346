import { z } from 'zod';
import { continueSweep, type SweepReport } from '../../app/escalation/sweep-escalations';
import { deferredEpochBumps } from '../../app/invalidate-progress';
import { escalationSweepDeps } from '../compose-escalation';
import { progressEpochs } from '../composition-root';

const ID = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/);
const KEY = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/);
/** The queue event as `@forge/events` delivers it: our sweep message is its `body`. */
const SweepEvent = z.object({
  body: z.union([
    z.object({ pathIds: z.array(ID).min(1).max(20), keys: z.array(KEY).min(1).max(100) }),
    z.object({
      pathIds: z.array(ID).min(1).max(20),
      jql: z.string().min(1).max(60_000),
      nextPageToken: z.string().min(1).max(4000),
    }),
  ]),
});

/**
 * Consumer of `accord-escalation-sweep`: one page (or the rest of one) of a large sweep. A malformed event is
 * dropped; a failure throws so Forge redelivers it, which the episode claims make safe.
 */
export async function continueEscalationSweep(event: unknown): Promise<SweepReport | undefined> {
  const parsed = SweepEvent.safeParse(event);
  if (!parsed.success) {
    console.warn('Accord dropped a malformed escalation sweep event.');
    return undefined;
  }
  const epochs = deferredEpochBumps(progressEpochs());
  try {
    return await continueSweep({ ...escalationSweepDeps(), epochs }, parsed.data.body);
  } finally {
    await epochs.flush();
  }
}
