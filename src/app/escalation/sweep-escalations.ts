/**
 * The scheduled sweep: what time alone made due. Jira selects the candidates with the paths' candidate JQL
 * (server-side, named fields, never every issue). Paths scoped by projects only share one search (their
 * candidate JQLs joined with OR, up to `PATHS_PER_SEARCH`), since the engine checks projects and conditions
 * itself; a path with its own scope JQL is searched alone. The sweep handles up to a budget inline and hands
 * the rest to a queue, one page (or the rest of a page) per message.
 */
import { type EscalationPath, toCandidateJql } from '../../domain/escalation';
import type { WorkQueue } from '../ports';
import type { EscalationPathStore } from '../escalation-ports';
import type { EscalationIssue } from './engine-ports';
import { MAX_ENABLED_PATHS } from './handle-issue-event';
import { type EngineDeps, memo, processIssue } from './process-issue';

export const SWEEP_PAGE_SIZE = 100;
/** Issues one invocation handles before the rest goes to the queue. */
export const SWEEP_INLINE_BUDGET = 50;
/** Paths whose candidate JQLs one search joins with OR (keeps the JQL well under Jira's length limits). */
export const PATHS_PER_SEARCH = 10;

/** One unit of queued sweep work: a path and either a search page to fetch or issue keys to process. */
export type SweepMessage =
  { pathIds: string[]; jql: string; nextPageToken: string } | { pathIds: string[]; keys: string[] };

export interface SweepDeps extends EngineDeps {
  paths: EscalationPathStore;
  queue: WorkQueue<SweepMessage>;
}

export interface SweepReport {
  paths: number;
  candidates: number;
  processed: number;
  queued: number;
  fired: number;
  failed: number;
}

/** Groups the paths into searches: project-scoped paths share one OR-joined JQL, scope-JQL paths go alone. */
export function sweepSearches(
  paths: readonly EscalationPath[],
  now: Date,
): Array<{ paths: EscalationPath[]; jql: string }> {
  const alone = paths.filter((p) => p.scope.jql);
  const shared = paths.filter((p) => !p.scope.jql);
  const groups: EscalationPath[][] = alone.map((p) => [p]);
  for (let i = 0; i < shared.length; i += PATHS_PER_SEARCH)
    groups.push(shared.slice(i, i + PATHS_PER_SEARCH));
  return groups.map((group) => ({
    paths: group,
    jql:
      group.length === 1
        ? toCandidateJql(group[0]!, now)
        : group.map((p) => `(${toCandidateJql(p, now)})`).join(' OR '),
  }));
}

export async function sweepEscalations(deps: SweepDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  const paths = (await deps.paths.listEnabled(MAX_ENABLED_PATHS)).map((s) => s.path);
  const report: SweepReport = {
    paths: paths.length,
    candidates: 0,
    processed: 0,
    queued: 0,
    fired: 0,
    failed: 0,
  };
  const queued: SweepMessage[] = [];
  let budget = SWEEP_INLINE_BUDGET;
  const priorities = memo(() => deps.jira.priorities());
  for (const search of sweepSearches(paths, now)) {
    const pathIds = search.paths.map((p) => p.id);
    const page = await deps.source.search(search.jql, { maxResults: SWEEP_PAGE_SIZE });
    report.candidates += page.issues.length;
    const inline = page.issues.slice(0, budget);
    budget -= inline.length;
    for (const issue of inline) {
      const r = await processIssue(deps, { issue, paths: search.paths, complete: false, priorities });
      report.processed++;
      report.fired += r.fired.length;
      report.failed += r.failed.length;
    }
    const rest = page.issues.slice(inline.length).map((i) => i.key);
    if (rest.length > 0) queued.push({ pathIds, keys: rest });
    if (page.nextPageToken) queued.push({ pathIds, jql: search.jql, nextPageToken: page.nextPageToken });
  }
  if (queued.length > 0) await deps.queue.push(queued);
  report.queued = queued.length;
  return report;
}

/** The queue consumer: one message of sweep work; a further page is queued again. */
export async function continueSweep(deps: SweepDeps, message: SweepMessage): Promise<SweepReport> {
  const report: SweepReport = { paths: 0, candidates: 0, processed: 0, queued: 0, fired: 0, failed: 0 };
  const paths: EscalationPath[] = [];
  for (const id of message.pathIds) {
    const stored = await deps.paths.get(id);
    // A path removed or disabled since the sweep is skipped.
    if (stored?.value.enabled) paths.push(stored.value.path);
  }
  report.paths = paths.length;
  if (paths.length === 0) return report;
  let issues: EscalationIssue[];
  if ('keys' in message) {
    issues = await deps.source.fetch(message.keys);
  } else {
    const page = await deps.source.search(message.jql, {
      maxResults: SWEEP_PAGE_SIZE,
      nextPageToken: message.nextPageToken,
    });
    issues = page.issues;
    if (page.nextPageToken) {
      await deps.queue.push([
        { pathIds: message.pathIds, jql: message.jql, nextPageToken: page.nextPageToken },
      ]);
      report.queued = 1;
    }
  }
  report.candidates = issues.length;
  const priorities = memo(() => deps.jira.priorities());
  for (const issue of issues) {
    const r = await processIssue(deps, { issue, paths, complete: false, priorities });
    report.processed++;
    report.fired += r.fired.length;
    report.failed += r.failed.length;
  }
  return report;
}
