/** `escalation/issue`: an issue's escalation state and history for the Roles panel, for someone who may browse it. */
import { currentLevel, type EpisodeState, type EscalationPath, levelDueTimes } from '../../domain/escalation';
import type { IssueEpisodeView, IssueEscalations } from '../../shared/escalation';
import { AppError } from '../errors';
import type { EscalationPathStore } from '../escalation-ports';
import type { IssueActions } from '../ports';
import type { EscalationIssue } from './engine-ports';
import { toFacts } from './issue-facts-from-jira';
import type { EngineDeps } from './process-issue';
import { TargetResolver } from './resolve-targets';

export const HISTORY_LIMIT = 50;

export interface PersonEscalationDeps extends EngineDeps {
  paths: EscalationPathStore;
  /** The caller's Jira (asUser): only the permission check. */
  userActions: Pick<IssueActions, 'permissions'>;
}

/** Refuses, as not found, an issue the caller may not browse (so its existence is not revealed). */
export async function requireBrowse(deps: Pick<PersonEscalationDeps, 'userActions'>, issueKey: string) {
  const perms = await deps.userActions.permissions(issueKey, ['BROWSE_PROJECTS']);
  if (!perms?.BROWSE_PROJECTS) {
    throw new AppError(
      'NOT_FOUND',
      `Issue ${issueKey} does not exist or you do not have permission to see it.`,
    );
  }
}

export async function getIssueEscalations(
  deps: PersonEscalationDeps,
  input: { issueKey: string; accountId: string },
): Promise<IssueEscalations> {
  await requireBrowse(deps, input.issueKey);
  return readIssueEscalations(deps, input);
}

/** The view, without the permission check (the caller has done it). */
export async function readIssueEscalations(
  deps: PersonEscalationDeps,
  input: { issueKey: string; accountId: string },
): Promise<IssueEscalations> {
  const [states, history] = await Promise.all([
    deps.episodes.listForIssue(input.issueKey),
    deps.audit.listForIssue(input.issueKey, HISTORY_LIMIT),
  ]);
  if (states.length === 0) return { issueKey: input.issueKey, episodes: [], history };
  const [issue] = await deps.source.fetch([input.issueKey]);
  const targets = issue ? new TargetResolver(deps, issue, []) : undefined;
  const sorted = states.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  // One KVS read per path, in parallel; each episode then resolves its own level's targets.
  const stored = await Promise.all(sorted.map((state) => deps.paths.get(state.pathId)));
  const episodes: IssueEpisodeView[] = [];
  for (const [i, state] of sorted.entries()) {
    episodes.push(await episodeView(state, stored[i]?.value.path, issue, targets, input.accountId));
  }
  return { issueKey: input.issueKey, episodes, history };
}

async function episodeView(
  state: EpisodeState,
  path: EscalationPath | undefined,
  issue: EscalationIssue | undefined,
  targets: TargetResolver | undefined,
  accountId: string,
): Promise<IssueEpisodeView> {
  const fired = new Map(state.firedLevels.map((f) => [f.level, f.at]));
  let due = new Map<number, string>();
  if (path && issue && !state.endedAt) {
    try {
      due = new Map(
        levelDueTimes(state, path, toFacts(issue, path.calendar)).map((d) => [
          d.level,
          d.dueAt.toISOString(),
        ]),
      );
    } catch {
      due = new Map();
    }
  }
  const open = !state.endedAt;
  let canAcknowledge = false;
  if (open && path && targets) {
    const level = path.levels[currentLevel(state, path) - 1];
    if (level) canAcknowledge = (await targets.resolve(level)).some((t) => t.accountId === accountId);
  }
  return {
    pathId: state.pathId,
    pathName: path?.name ?? 'A removed escalation path',
    episodeId: state.episodeId,
    startedAt: state.startedAt,
    currentLevel: Math.max(0, ...state.firedLevels.map((f) => f.level)),
    levels: (path?.levels ?? []).map((l, i) => ({
      level: i + 1,
      name: l.name,
      dueAt: fired.has(i + 1) ? null : (due.get(i + 1) ?? null),
      firedAt: fired.get(i + 1) ?? null,
    })),
    acknowledgedBy: state.acknowledgedBy ?? null,
    endedAt: state.endedAt ?? null,
    endReason: state.endReason ?? null,
    canAcknowledge,
  };
}
