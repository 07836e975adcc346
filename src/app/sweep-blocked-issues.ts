import type { SettingsValues } from '../domain/settings';
import type { Clock, DocumentStore, IssueTracker, RecordStore } from './ports';
import { loadSettings } from './load-settings';

export interface BlockedSweep {
  at: string;
  /** Issues Blocked for longer than the threshold, as Jira's own JQL found them. */
  blocked: string[];
  /** Of those, the ones the previous sweep had not seen. */
  newlyBlocked: string[];
  /** The threshold this sweep used (the admin page's setting at the time). */
  thresholdHours?: number;
}

/** The sweep keeps one record: the last one. */
export const LAST_SWEEP_ID = 'last';

export const BLOCKED_JQL = (hours: number) =>
  `status = Blocked AND statusCategoryChangedDate <= -${hours}h ORDER BY statusCategoryChangedDate ASC`;

/**
 * The scheduled sweep's first job: find, with JQL on the server (never by paging every issue), the
 * issues that time alone made overdue, and remember them so the next sweep can tell what is new.
 * The threshold is the admin page's `blockedThresholdHours` (48 until an administrator changes it).
 */
export async function sweepBlockedIssues(
  deps: {
    jira: Pick<IssueTracker, 'searchIssues'>;
    sweeps: RecordStore<BlockedSweep>;
    settings: DocumentStore<SettingsValues>;
    clock: Clock;
  },
  opts: { pageSize?: number; maxIssues?: number } = {},
): Promise<BlockedSweep> {
  const { blockedThresholdHours } = await loadSettings(deps.settings);
  const blocked: string[] = [];
  let token: string | undefined;
  const max = opts.maxIssues ?? 1000;
  do {
    const page = await deps.jira.searchIssues(BLOCKED_JQL(blockedThresholdHours), {
      maxResults: opts.pageSize ?? 100,
      ...(token ? { nextPageToken: token } : {}),
    });
    blocked.push(...page.issues.map((i) => i.key));
    token = page.nextPageToken;
  } while (token && blocked.length < max);

  const previous = await deps.sweeps.get(LAST_SWEEP_ID);
  const seen = new Set(previous?.blocked ?? []);
  const sweep: BlockedSweep = {
    at: deps.clock.now().toISOString(),
    blocked,
    newlyBlocked: blocked.filter((k) => !seen.has(k)),
    thresholdHours: blockedThresholdHours,
  };
  // KVS writes cost ~20× reads: the record is rewritten only when what it says changes.
  const changed =
    !previous ||
    previous.blocked.join() !== blocked.join() ||
    previous.thresholdHours !== blockedThresholdHours;
  if (changed) await deps.sweeps.set(LAST_SWEEP_ID, sweep);
  return sweep;
}
