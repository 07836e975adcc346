/**
 * `escalation/dry-run`: what a path would do now. Candidates are searched AS THE CALLER, so nobody sees an
 * issue they cannot browse; each is evaluated against its stored episode; nothing is written or sent.
 */
import { stepEpisode, toCandidateJql } from '../../domain/escalation';
import type { DryRunIssue, DryRunResult } from '../../shared/escalation';
import { AppError } from '../errors';
import type { EscalationPathStore } from '../escalation-ports';
import type { Clock, SiteAdministration, Wiki } from '../ports';
import type { BriefOwners, EpisodeStore, EscalationIssueSource, EscalationJira } from './engine-ports';
import { toFacts } from './issue-facts-from-jira';
import { TargetResolver } from './resolve-targets';

export const DRY_RUN_LIMIT = 100;

export interface DryRunDeps {
  paths: EscalationPathStore;
  /** Jira as the caller. */
  userSource: EscalationIssueSource;
  /** Group members (as the app). */
  jira: Pick<EscalationJira, 'groupMembers' | 'priorities'>;
  episodes: Pick<EpisodeStore, 'get'>;
  briefs: BriefOwners;
  wiki: Wiki;
  admin: SiteAdministration;
  clock: Clock;
}

/** Who may look at a path: anyone who can view its page; the site path, Jira admins. */
export async function requirePathAccess(deps: Pick<DryRunDeps, 'wiki' | 'admin'>, pageId: string | null) {
  if (pageId) {
    if ((await deps.wiki.pageAccess(pageId)) === 'none') {
      throw new AppError('NOT_FOUND', 'This escalation path does not exist or you cannot view its page.');
    }
    return;
  }
  if (!(await deps.admin.callerIsJiraAdmin())) {
    throw new AppError('FORBIDDEN', 'Only Jira administrators can try the site-wide escalation path.');
  }
}

export async function dryRunPath(deps: DryRunDeps, input: { pathId: string }): Promise<DryRunResult> {
  const stored = await deps.paths.get(input.pathId);
  if (!stored)
    throw new AppError('NOT_FOUND', 'This escalation path does not exist or you cannot view its page.');
  await requirePathAccess(deps, stored.value.pageId);
  const path = stored.value.path;
  const now = deps.clock.now();
  const candidateJql = toCandidateJql(path, now);
  const page = await deps.userSource.search(candidateJql, { maxResults: DRY_RUN_LIMIT });
  const needsPriorities = path.conditions.some((c) => c.kind === 'priority-at-least');
  const options = needsPriorities ? { priorities: await deps.jira.priorities() } : {};
  const issues: DryRunIssue[] = [];
  for (const issue of page.issues) {
    const previous = await deps.episodes.get(issue.key, path.id);
    const decisions = issue.decisionLinks.length > 0 ? await deps.userSource.fetch(issue.decisionLinks) : [];
    const step = stepEpisode(previous, {
      facts: toFacts(issue, path.calendar, decisions),
      now,
      path,
      options,
    });
    const top = Math.max(0, ...step.fire);
    const level = path.levels[top - 1];
    if (!level) continue;
    const resolver = new TargetResolver(
      { source: deps.userSource, jira: deps.jira as EscalationJira, briefs: deps.briefs },
      issue,
      decisions,
    );
    issues.push({
      issueKey: issue.key,
      summary: issue.summary,
      level: top,
      levelName: level.name,
      dueAt: (step.due.find((d) => d.level === top)?.dueAt ?? now).toISOString(),
      targets: await resolver.resolve(level),
      actions: [...level.actions],
      reasons: step.evaluation?.reasons ?? [],
    });
  }
  return {
    pathId: path.id,
    now: now.toISOString(),
    candidateJql,
    candidates: page.issues.length,
    issues,
    truncated: page.nextPageToken !== undefined,
  };
}
