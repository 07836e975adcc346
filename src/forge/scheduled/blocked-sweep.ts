import { sweepBlockedIssues } from '../../app/sweep-blocked-issues';
import { asAppJira, blockedSweepStore, clock, settingsStore } from '../composition-root';

/** Hourly: which issues has time alone made overdue (Blocked longer than the admin page's threshold)? */
export async function runBlockedSweep(): Promise<{ blocked: number; newlyBlocked: string[] }> {
  const sweep = await sweepBlockedIssues({
    jira: asAppJira(),
    sweeps: blockedSweepStore(),
    settings: settingsStore(),
    clock,
  });
  return { blocked: sweep.blocked.length, newlyBlocked: sweep.newlyBlocked };
}
