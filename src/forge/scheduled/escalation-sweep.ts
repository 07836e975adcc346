import { sweepEscalations, type SweepReport } from '../../app/escalation/sweep-escalations';
import { deferredEpochBumps } from '../../app/invalidate-progress';
import { escalationSweepDeps } from '../compose-escalation';
import { progressEpochs } from '../composition-root';

/** Hourly: what time alone made due on every enabled escalation path (the rest goes through the queue). */
export async function runEscalationSweep(): Promise<SweepReport> {
  // The executive view's caches of a project end once, after the sweep's last write there.
  const epochs = deferredEpochBumps(progressEpochs());
  try {
    return await sweepEscalations({ ...escalationSweepDeps(), epochs });
  } finally {
    await epochs.flush();
  }
}
