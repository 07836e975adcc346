/**
 * The engine's one step for one issue: for each enabled path whose scope holds it, advance the episode
 * (`stepEpisode`), store what changed, fire the levels that are due, and keep the Jira-visible
 * `accord-escalation` property in step. Safe under duplicate, late and out-of-order delivery: time is the
 * clock's, state is read fresh, a level fires only after a conditional claim, and only success marks it fired.
 */
import {
  type EpisodeState,
  type EscalationPath,
  markFired,
  stepEpisode,
  type StepResult,
} from '../../domain/escalation';
import type { EscalationAuditEntry, ResolvedTarget } from '../../shared/escalation';
import type { Clock } from '../ports';
import type {
  BriefOwners,
  EpisodeStore,
  EscalationAuditStore,
  EscalationIssue,
  EscalationIssueSource,
  EscalationJira,
  IssueEdit,
} from './engine-ports';
import { escalationCommentAdf, escalationNotification, type LevelMessage } from './escalation-comment';
import { ESCALATION_PROPERTY } from '../../domain/progress/escalations-by-level';
import { toFacts } from './issue-facts-from-jira';
import { TargetResolver } from './resolve-targets';
import { endCachedStatusesOf } from '../invalidate-progress';
import type { EpochStore } from '../ports';

export interface EngineDeps {
  /** Jira reads as the app. */
  source: EscalationIssueSource;
  jira: EscalationJira;
  episodes: EpisodeStore;
  audit: EscalationAuditStore;
  briefs: BriefOwners;
  clock: Clock;
  /**
   * The executive view's cache epochs: writing `accord-escalation` fires no Jira event (the trigger ignores the
   * app's own writes), so the engine ends the cached statuses that count the issue itself.
   */
  epochs: EpochStore;
}

export interface ProcessInput {
  issue: EscalationIssue;
  /** The enabled paths to consider. */
  paths: readonly EscalationPath[];
  /** True when `paths` is every enabled path: open episodes of paths not among them end (path removed). */
  complete: boolean;
  /** Paths whose scope JQL does not match the issue (the caller asked Jira); projects are checked here. */
  outOfScope?: ReadonlySet<string>;
  /** Priority names, most urgent first, memoised by the caller for a run. */
  priorities?: () => Promise<string[]>;
}

export interface ProcessResult {
  issueKey: string;
  started: string[];
  ended: string[];
  fired: Array<{ pathId: string; level: number }>;
  failed: Array<{ pathId: string; level: number; detail: string }>;
  /** True when the `accord-escalation` property was written or deleted. */
  propertyChanged: boolean;
}

/** Whether a path reads linked decisions (a decision-overdue condition or a decision-approver target). */
export const needsDecisions = (p: EscalationPath) =>
  p.conditions.some((c) => c.kind === 'decision-overdue') ||
  p.levels.some((l) => l.targets.some((t) => t.kind === 'role' && t.role === 'decision-approver'));

/** Whether a path watches an issue, judged from its projects (scope JQL is checked by the caller's search). */
export function projectInScope(path: EscalationPath, projectKey: string): boolean {
  return path.scope.projects.length === 0 || path.scope.projects.includes(projectKey.toUpperCase());
}

export async function processIssue(deps: EngineDeps, input: ProcessInput): Promise<ProcessResult> {
  // A working copy whose properties follow what this run wrote (so the property is never written twice).
  const issue: EscalationIssue = { ...input.issue, properties: { ...input.issue.properties } };
  const now = deps.clock.now();
  const result: ProcessResult = {
    issueKey: issue.key,
    started: [],
    ended: [],
    fired: [],
    failed: [],
    propertyChanged: false,
  };
  const stored = new Map((await deps.episodes.listForIssue(issue.key)).map((s) => [s.pathId, s]));
  const decisionIssues =
    issue.decisionLinks.length > 0 && input.paths.some(needsDecisions)
      ? await deps.source.fetch(issue.decisionLinks)
      : [];
  const targets = new TargetResolver(deps, issue, decisionIssues);
  const priorities = memo(input.priorities ?? (() => deps.jira.priorities()));
  const audit: EscalationAuditEntry[] = [];
  /** The property to fold into a level's issue edit: what it becomes once `fired` is stored, if that differs. */
  const propertyAfter = (fired: EpisodeState) => {
    const want = escalationProperty([
      ...[...stored.values()].filter((s) => s.pathId !== fired.pathId),
      fired,
    ]);
    return want && !sameProperty(issue.properties[ESCALATION_PROPERTY], want) ? want : undefined;
  };

  for (const path of input.paths) {
    const previous = stored.get(path.id);
    const inScope = projectInScope(path, issue.projectKey) && !input.outOfScope?.has(path.id);
    if (!inScope && (!previous || previous.endedAt)) continue;
    const facts = toFacts(issue, path.calendar, decisionIssues);
    const options = path.conditions.some((c) => c.kind === 'priority-at-least')
      ? { priorities: await priorities() }
      : {};
    const step = stepEpisode(previous, {
      facts,
      now,
      path,
      options,
      ...(inScope ? {} : { event: { kind: 'path-removed' as const } }),
    });
    let state = step.state;
    if (!state) continue;
    const base = { issueKey: issue.key, pathId: path.id, pathName: path.name, episodeId: state.episodeId };
    if (step.started) {
      result.started.push(path.id);
      audit.push({ ...base, at: state.startedAt, kind: 'episode-started' });
    }
    if (step.ended) {
      result.ended.push(path.id);
      audit.push({ ...base, at: now.toISOString(), kind: 'episode-ended', reason: step.ended });
    }
    let changed = step.changed;
    for (const level of step.fire) {
      const outcome = await fireLevel(deps, {
        state,
        path,
        level,
        issue,
        targets,
        step,
        priorities,
        propertyAfter,
      });
      audit.push(...outcome.audit);
      if (outcome.state !== state) {
        state = outcome.state;
        changed = true;
      }
      if (outcome.fired) result.fired.push({ pathId: path.id, level });
      if (outcome.failure) {
        result.failed.push({ pathId: path.id, level, detail: outcome.failure });
        break; // The ladder climbs in order: a higher level waits for this one.
      }
      if (!outcome.fired) break; // Another delivery holds the claim and is firing it.
    }
    if (changed) {
      state = await putMerged(deps.episodes, state);
    }
    stored.set(path.id, state);
  }

  if (input.complete) {
    const enabled = new Set(input.paths.map((p) => p.id));
    for (const [pathId, state] of stored) {
      if (enabled.has(pathId) || state.endedAt) continue;
      const ended: EpisodeState = { ...state, endedAt: now.toISOString(), endReason: 'path-removed' };
      await deps.episodes.put(ended);
      stored.set(pathId, ended);
      result.ended.push(pathId);
      audit.push({
        issueKey: issue.key,
        pathId,
        pathName: pathId,
        episodeId: state.episodeId,
        at: now.toISOString(),
        kind: 'episode-ended',
        reason: 'path-removed',
      });
    }
  }

  if (audit.length > 0) await deps.audit.append(audit);
  const folded = issue.properties[ESCALATION_PROPERTY] !== input.issue.properties[ESCALATION_PROPERTY];
  result.propertyChanged = (await syncEscalationProperty(deps.jira, issue, [...stored.values()])) || folded;
  if (result.propertyChanged) await endCachedStatusesOf(deps.epochs, issue.key);
  return result;
}

/**
 * The `accord-escalation` property for an issue's episodes, or undefined when none is open: only what JQL
 * indexes (`accordEscalationLevel`), the highest level fired in any open episode (0 while none has fired).
 * Per-path detail lives in KVS, so the property changes — and is written — only when that number does.
 */
export function escalationProperty(states: readonly EpisodeState[]): { level: number } | undefined {
  const open = states.filter((s) => !s.endedAt);
  if (open.length === 0) return undefined;
  return { level: Math.max(0, ...open.flatMap((s) => s.firedLevels.map((f) => f.level))) };
}

function sameProperty(have: unknown, want: { level: number }): boolean {
  return !!have && typeof have === 'object' && (have as { level?: unknown }).level === want.level;
}

/** Writes (or deletes) the property only when its level differs from what Jira holds; true when it wrote. */
export async function syncEscalationProperty(
  jira: EscalationJira,
  issue: EscalationIssue,
  states: readonly EpisodeState[],
): Promise<boolean> {
  const want = escalationProperty(states);
  const have = issue.properties[ESCALATION_PROPERTY];
  if (want === undefined) {
    if (have === undefined || have === null) return false;
    await jira.deleteProperty(issue.key, ESCALATION_PROPERTY);
    delete issue.properties[ESCALATION_PROPERTY];
    return true;
  }
  if (sameProperty(have, want)) return false;
  await jira.setProperty(issue.key, ESCALATION_PROPERTY, want);
  issue.properties[ESCALATION_PROPERTY] = want;
  return true;
}

interface FireInput {
  state: EpisodeState;
  path: EscalationPath;
  level: number;
  /** The run's working copy: a folded property write is recorded in its `properties`. */
  issue: EscalationIssue;
  targets: TargetResolver;
  step: StepResult;
  priorities: () => Promise<string[]>;
  propertyAfter: (fired: EpisodeState) => { level: number } | undefined;
}

interface FireOutcome {
  state: EpisodeState;
  fired: boolean;
  failure?: string;
  audit: EscalationAuditEntry[];
}

type ActionResult = { action: string; ok: boolean; detail?: string };

/** Actions that edit the issue's fields; they run as one issue edit that also carries the property. */
const EDIT_ACTIONS = new Set(['raise-priority', 'add-label']);
/**
 * Actions whose repetition changes nothing: adding a label or a watcher that is already there (and setting the
 * property to the value it has). A comment, a notification or a priority step must never run twice.
 */
const REPEATABLE = new Set(['add-label', 'add-watchers']);

/**
 * The level's actions as steps: each of comment, notify and add watchers alone, the field edits as one step.
 * Steps that may safely run twice go first, the rest in the level's order (field edits with a priority step
 * last). So a level whose only unrepeatable action is its last (comment + label, comment + watchers) needs no
 * progress record between its steps: a run that dies or fails part-way repeats only what is harmless to repeat.
 */
export function actionSteps(actions: readonly string[]): string[][] {
  const separate = actions.filter((a) => !EDIT_ACTIONS.has(a));
  const edits = actions.filter((a) => EDIT_ACTIONS.has(a));
  const steps: string[][] = [...separate.map((a) => [a]), ...(edits.length > 0 ? [edits] : [])];
  const repeatable = (step: string[]) => step.every((a) => REPEATABLE.has(a));
  return [...steps.filter(repeatable), ...steps.filter((s) => !repeatable(s))];
}
const DONE_BEFORE = 'Done by an earlier attempt; not repeated.';

/**
 * Claims the level, resolves its targets, runs its actions; marks it fired only when every action succeeded.
 * Comment, notify and watchers run in the level's order, then the field edits (priority, label) go in one
 * `PUT /issue` with the `accord-escalation` property. Each success is recorded under the claim, so a retry
 * after a partial failure (or a crash) runs only what has not succeeded: never a second comment.
 */
async function fireLevel(deps: EngineDeps, f: FireInput): Promise<FireOutcome> {
  const claim = await deps.episodes.claim(f.state, f.level, deps.clock.now());
  if (claim.kind === 'fired') {
    // An earlier delivery fired it but its state write was lost or is not visible yet: repair the state.
    return { state: markFired(f.state, f.level, new Date(claim.at)), fired: true, audit: [] };
  }
  if (claim.kind === 'held') return { state: f.state, fired: false, audit: [] };

  const now = deps.clock.now();
  const level = f.path.levels[f.level - 1];
  const base = {
    at: now.toISOString(),
    issueKey: f.issue.key,
    pathId: f.path.id,
    pathName: f.path.name,
    episodeId: f.state.episodeId,
    level: f.level,
  };
  const done = new Set(claim.done);
  const firedState = markFired(f.state, f.level, now);
  let resolved: ResolvedTarget[] = [];
  const results: ActionResult[] = [];
  let failure: string | undefined;
  try {
    if (!level) throw new Error(`The path has no level ${f.level}.`);
    resolved = await f.targets.resolve(level);
  } catch (e) {
    failure = errorText(e);
  }
  if (level && !failure) {
    const message: LevelMessage = {
      issueKey: f.issue.key,
      summary: f.issue.summary,
      path: f.path,
      level: f.level,
      targets: resolved,
      reasons: f.step.evaluation?.reasons ?? [],
    };
    const steps = actionSteps(level.actions);
    for (const [i, actions] of steps.entries()) {
      if (failure) {
        actions.forEach((action) =>
          results.push({ action, ok: false, detail: 'Not attempted after an earlier action failed.' }),
        );
        continue;
      }
      const todo = actions.filter((a) => !done.has(a));
      actions
        .filter((a) => done.has(a))
        .forEach((action) => results.push({ action, ok: true, detail: DONE_BEFORE }));
      if (todo.length === 0) continue;
      try {
        if (todo.some((a) => EDIT_ACTIONS.has(a))) {
          results.push(...(await runEdits(deps.jira, todo, f, level.label, firedState)));
        } else {
          const detail = await runAction(deps.jira, todo[0]!, f.issue, message);
          results.push({ action: todo[0]!, ok: true, ...(detail ? { detail } : {}) });
        }
      } catch (e) {
        failure = `${todo.join(', ')}: ${errorText(e)}`;
        todo.forEach((action) => results.push({ action, ok: false, detail: errorText(e) }));
        continue;
      }
      todo.forEach((a) => done.add(a));
      // Recorded before the next action: if the invocation dies now, the run that takes over skips these. Only
      // worth a write when something done so far must not run twice (repeating a label or a watcher is harmless).
      const more = steps.slice(i + 1).some((later) => later.some((a) => !done.has(a)));
      if (more && [...done].some((a) => !REPEATABLE.has(a)))
        await deps.episodes.progress(f.state, f.level, [...done], deps.clock.now());
    }
    // The audit lists the actions in the level's order, whatever order they ran in.
    const order = (a: string) => level.actions.indexOf(a as (typeof level.actions)[number]);
    results.sort((a, b) => order(a.action) - order(b.action));
  }
  if (failure) {
    await deps.episodes.release(f.state, f.level, [...done]);
    return {
      state: f.state,
      fired: false,
      failure,
      audit: [{ ...base, kind: 'level-failed', targets: resolved, actions: results }],
    };
  }
  await deps.episodes.confirm(f.state, f.level, base.at);
  return {
    state: firedState,
    fired: true,
    audit: [{ ...base, kind: 'level-fired', targets: resolved, actions: results }],
  };
}

/** Comment, notify, add watchers: one product call each (watchers one per person). */
async function runAction(
  jira: EscalationJira,
  action: string,
  issue: EscalationIssue,
  m: LevelMessage,
): Promise<string | undefined> {
  const people = m.targets.flatMap((t) => (t.accountId ? [t.accountId] : []));
  switch (action) {
    case 'comment':
      await jira.addComment(issue.key, escalationCommentAdf(m));
      return undefined;
    case 'notify':
      if (people.length === 0) return 'Nobody to notify.';
      await jira.notify(issue.key, escalationNotification(m));
      return undefined;
    case 'add-watchers':
      for (const accountId of people) await jira.addWatcher(issue.key, accountId);
      return people.length === 0 ? 'Nobody to add.' : undefined;
    default:
      throw new Error(`Unknown action ${action}.`);
  }
}

/** Raise priority and add label as one issue edit, with the property the fired level leads to (if it changes). */
async function runEdits(
  jira: EscalationJira,
  actions: readonly string[],
  f: FireInput,
  label: string | undefined,
  firedState: EpisodeState,
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  const edit: IssueEdit = {};
  if (actions.includes('raise-priority')) {
    const order = await f.priorities();
    const current = f.issue.priority;
    const at = current ? order.indexOf(current) : -1;
    const next = order[at - 1];
    if (at < 0) {
      results.push({
        action: 'raise-priority',
        ok: true,
        detail: `The priority ${current ?? '(none)'} is not in the site's list; left as it is.`,
      });
    } else if (!next) {
      results.push({
        action: 'raise-priority',
        ok: true,
        detail: `Already ${current ?? ''}, the most urgent priority.`,
      });
    } else {
      edit.priority = next;
      results.push({ action: 'raise-priority', ok: true, detail: `${current ?? ''} → ${next}` });
    }
  }
  if (actions.includes('add-label')) {
    if (!label) results.push({ action: 'add-label', ok: true, detail: 'No label set on the level.' });
    else {
      edit.addLabels = [label];
      results.push({ action: 'add-label', ok: true });
    }
  }
  if (edit.priority === undefined && edit.addLabels === undefined) return results;
  const property = f.propertyAfter(firedState);
  if (property) edit.properties = { [ESCALATION_PROPERTY]: property };
  await jira.editIssue(f.issue.key, edit);
  if (edit.priority) f.issue.priority = edit.priority;
  if (property) f.issue.properties[ESCALATION_PROPERTY] = property;
  return results;
}

/** Stores a state without losing a level another delivery recorded meanwhile for the same episode. */
async function putMerged(store: EpisodeStore, state: EpisodeState): Promise<EpisodeState> {
  const current = await store.get(state.issueKey, state.pathId);
  let merged = state;
  if (current && current.episodeId === state.episodeId) {
    for (const f of current.firedLevels) merged = markFired(merged, f.level, new Date(f.at));
  }
  await store.put(merged);
  return merged;
}

/** Runs `fn` once, on first call, and shares its promise with every later call. */
export function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
