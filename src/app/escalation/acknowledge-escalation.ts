import { endCachedStatusesOf } from '../invalidate-progress';
/** `escalation/acknowledge`: one of the current level's targets says "I have this"; the ladder stops. */
import { currentLevel, stepEpisode } from '../../domain/escalation';
import type { IssueEscalations } from '../../shared/escalation';
import { AppError } from '../errors';
import { type PersonEscalationDeps, readIssueEscalations, requireBrowse } from './get-issue-escalations';
import { toFacts } from './issue-facts-from-jira';
import { syncEscalationProperty } from './process-issue';
import { TargetResolver } from './resolve-targets';

export async function acknowledgeEscalation(
  deps: PersonEscalationDeps,
  input: { issueKey: string; pathId: string; episodeId: string; accountId: string },
): Promise<IssueEscalations> {
  await requireBrowse(deps, input.issueKey);
  const state = await deps.episodes.get(input.issueKey, input.pathId);
  if (!state || state.episodeId !== input.episodeId) {
    throw new AppError(
      'CONFLICT',
      'This escalation has changed since you opened the issue. Reload and try again.',
    );
  }
  if (state.endedAt) {
    throw new AppError('CONFLICT', `This escalation has already ended (${state.endReason ?? 'ended'}).`);
  }
  const stored = await deps.paths.get(input.pathId);
  if (!stored) throw new AppError('NOT_FOUND', 'The escalation path of this escalation no longer exists.');
  const path = stored.value.path;
  const [issue] = await deps.source.fetch([input.issueKey]);
  if (!issue) throw new AppError('NOT_FOUND', `Issue ${input.issueKey} no longer exists.`);

  // Checked here, on the server: the targets are resolved now, the way the level resolves them.
  const level = currentLevel(state, path);
  const targets = await new TargetResolver(deps, issue, []).resolve(
    path.levels[level - 1] ?? path.levels[0]!,
  );
  const isCurrentTarget = targets.some((t) => t.accountId === input.accountId);
  const now = deps.clock.now();
  const step = stepEpisode(state, {
    facts: toFacts(issue, path.calendar),
    now,
    path,
    event: { kind: 'acknowledged', accountId: input.accountId, isCurrentTarget },
  });
  if (!step.changed || !step.state) {
    throw new AppError(isCurrentTarget ? 'CONFLICT' : 'FORBIDDEN', step.ignored ?? 'Nothing to acknowledge.');
  }
  await deps.episodes.put(step.state);
  await deps.audit.append([
    {
      at: now.toISOString(),
      issueKey: input.issueKey,
      pathId: path.id,
      pathName: path.name,
      episodeId: state.episodeId,
      kind: 'acknowledged',
      level,
      accountId: input.accountId,
      reason: 'acknowledged',
    },
  ]);
  const all = await deps.episodes.listForIssue(input.issueKey);
  const merged = all.map((s) => (s.pathId === path.id ? step.state! : s));
  // The app's own property write raises no Jira event: end the cached statuses that showed this escalation.
  if (await syncEscalationProperty(deps.jira, issue, merged))
    await endCachedStatusesOf(deps.epochs, issue.key);
  return readIssueEscalations(deps, input);
}
