import { sweepBlockedIssues } from '../../app/sweep-blocked-issues';
import { asAppJira, blockedSweepStore, clock } from '../composition-root';

/** Hourly: which issues has time alone made overdue (Blocked for more than two days)? */
export async function runBlockedSweep(): Promise<{ blocked: number; newlyBlocked: string[] }> {
  const sweep = await sweepBlockedIssues(
    { jira: asAppJira(), sweeps: blockedSweepStore(), clock },
    { thresholdHours: 48 },
  );
  return { blocked: sweep.blocked.length, newlyBlocked: sweep.newlyBlocked };
}
