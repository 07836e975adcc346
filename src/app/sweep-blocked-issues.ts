import type { Clock, IssueTracker, RecordStore } from './ports';

export interface BlockedSweep {
  at: string;
  /** Issues Blocked for longer than the threshold, as Jira's own JQL found them. */
  blocked: string[];
  /** Of those, the ones the previous sweep had not seen. */
  newlyBlocked: string[];
}

export const BLOCKED_JQL = (hours: number) =>
  `status = Blocked AND statusCategoryChangedDate <= -${hours}h ORDER BY statusCategoryChangedDate ASC`;

/**
 * The scheduled sweep's first job: find, with JQL on the server (never by paging every issue), the
 * issues that time alone made overdue, and remember them so the next sweep can tell what is new.
 */
export async function sweepBlockedIssues(
  deps: { jira: IssueTracker; sweeps: RecordStore<BlockedSweep>; clock: Clock },
  opts: { thresholdHours: number; pageSize?: number; maxIssues?: number } = { thresholdHours: 48 },
): Promise<BlockedSweep> {
  const blocked: string[] = [];
  let token: string | undefined;
  const max = opts.maxIssues ?? 1000;
  do {
    const page = await deps.jira.searchIssues(BLOCKED_JQL(opts.thresholdHours), {
      maxResults: opts.pageSize ?? 100,
      ...(token ? { nextPageToken: token } : {}),
    });
    blocked.push(...page.issues.map((i) => i.key));
    token = page.nextPageToken;
  } while (token && blocked.length < max);

  const previous = await deps.sweeps.get('last');
  const seen = new Set(previous?.blocked ?? []);
  const sweep: BlockedSweep = {
    at: deps.clock.now().toISOString(),
    blocked,
    newlyBlocked: blocked.filter((k) => !seen.has(k)),
  };
  const changed = !previous || previous.blocked.join() !== blocked.join();
  if (changed) await deps.sweeps.set('last', sweep);
  return sweep;
}
