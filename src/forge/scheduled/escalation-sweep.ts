import { sweepEscalations, type SweepReport } from '../../app/escalation/sweep-escalations';
import { escalationSweepDeps } from '../compose-escalation';

/** Hourly: what time alone made due on every enabled escalation path (the rest goes through the queue). */
export async function runEscalationSweep(): Promise<SweepReport> {
  return sweepEscalations(escalationSweepDeps());
}
