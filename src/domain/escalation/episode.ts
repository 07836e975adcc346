/**
 * Episodes: one stretch of time in which an issue meets a path. A pure step function decides, from the
 * stored state and what is true now, whether an episode starts or ends and which levels to fire. It is
 * safe under duplicate, late and out-of-order inputs: a level is listed to fire only while it is not
 * recorded as fired, the caller records success with `markFired`, and no input moves time backwards.
 */
import { z } from 'zod';
import { addBusinessTime } from './business-clock';
import { businessDurationMillis } from './business-duration';
import { type ConditionOptions, type ConditionResult, evaluateConditions } from './conditions';
import { EscalationInputError, isValidDate } from './escalation-input-error';
import type { EscalationPath } from './escalation-path';
import { effectivePauses, type IssueFacts } from './issue-facts';

export type EpisodeEndReason =
  | 'conditions-cleared'
  | 'resolved'
  | 'acknowledged'
  | 'path-removed'
  /** The issue was deleted (`avi:jira:deleted:issue`). */
  | 'deleted';

/** The stored state of the latest episode of one path on one issue (JSON-safe: times are ISO strings). */
export interface EpisodeState {
  pathId: string;
  issueKey: string;
  /** Unique among the episodes of this path on this issue; stable for the same start (deduplicates writes). */
  episodeId: string;
  /** 1 for the first episode of this path on this issue, then 2, 3, … */
  number: number;
  startedAt: string;
  /** Levels (1-based) whose actions succeeded, with when. */
  firedLevels: Array<{ level: number; at: string }>;
  acknowledgedBy?: string;
  endedAt?: string;
  endReason?: EpisodeEndReason;
  /** After an acknowledgement: when the issue was first seen no longer meeting the path (re-arms it). */
  clearedAt?: string;
}

export type EpisodeEvent =
  /** `isCurrentTarget`: the use case resolved the current level's targets and found this person among them. */
  | { kind: 'acknowledged'; accountId: string; isCurrentTarget: boolean }
  /** The path was deleted or the issue left its scope. */
  | { kind: 'path-removed' };

export interface StepInput {
  facts: IssueFacts;
  now: Date;
  path: EscalationPath;
  event?: EpisodeEvent;
  options?: ConditionOptions;
}

export interface StepResult {
  /** The state to store (undefined when there never was an episode). */
  state: EpisodeState | undefined;
  /** False when `state` is the input state unchanged: nothing to write. */
  changed: boolean;
  /** Levels not yet fired in the open episode, with when each is (or was) due, by level. */
  due: Array<{ level: number; dueAt: Date }>;
  /** Levels to fire now (due and not yet recorded as fired), lowest first. */
  fire: number[];
  started?: boolean;
  ended?: EpisodeEndReason;
  /** Why the input changed nothing, as a sentence (stale input, wrong person, …). */
  ignored?: string;
  evaluation?: ConditionResult;
}

/** Advances an episode by one observation; pure, and idempotent under repeated or shuffled inputs. */
export function stepEpisode(previous: EpisodeState | undefined, input: StepInput): StepResult {
  const { facts, now, path, event } = input;
  const same = (ignored?: string): StepResult => ({
    state: previous,
    changed: false,
    due: previous && !previous.endedAt ? safeDue(previous, input) : [],
    fire: [],
    ...(ignored ? { ignored } : {}),
  });
  if (!isValidDate(now)) return same('The current time given to the escalation engine is not a valid date.');
  if (previous && (previous.pathId !== path.id || previous.issueKey !== facts.issueKey)) {
    return {
      state: previous,
      changed: false,
      due: [],
      fire: [],
      ignored: `This episode belongs to path ${previous.pathId} on ${previous.issueKey}, not ${path.id} on ${facts.issueKey}.`,
    };
  }
  const latest = previous ? latestTime(previous) : Number.NEGATIVE_INFINITY;
  if (now.getTime() < latest) {
    return same(
      `Ignored an observation from ${now.toISOString()}: the episode already records a later moment.`,
    );
  }
  const evaluation = evaluateConditions(path, facts, now, input.options);
  const at = now.toISOString();
  const open = previous && !previous.endedAt ? previous : undefined;

  if (open) {
    let reason: EpisodeEndReason | undefined;
    let acknowledgedBy: string | undefined;
    if (event?.kind === 'acknowledged') {
      if (!event.isCurrentTarget) {
        const level = currentLevel(open, path);
        return {
          ...same(
            `Only the people level ${level} (${path.levels[level - 1]?.name ?? ''}) involves can acknowledge this escalation.`,
          ),
          evaluation,
        };
      }
      reason = 'acknowledged';
      acknowledgedBy = event.accountId;
    } else if (event?.kind === 'path-removed') reason = 'path-removed';
    else if (facts.resolved || facts.status.category === 'done') reason = 'resolved';
    else if (!evaluation.meets) reason = 'conditions-cleared';
    if (reason) {
      const state: EpisodeState = {
        ...open,
        endedAt: at,
        endReason: reason,
        ...(acknowledgedBy ? { acknowledgedBy } : {}),
      };
      return { state, changed: true, due: [], fire: [], ended: reason, evaluation };
    }
    return { ...ladder(open, input, false), evaluation };
  }

  if (event?.kind === 'acknowledged')
    return { ...same('There is no open escalation to acknowledge.'), evaluation };
  if (event?.kind === 'path-removed' || !evaluation.meets) {
    // An acknowledged episode re-arms once the issue is seen no longer meeting the path.
    if (previous?.endReason === 'acknowledged' && !previous.clearedAt && !evaluation.meets) {
      return { state: { ...previous, clearedAt: at }, changed: true, due: [], fire: [], evaluation };
    }
    return { ...same(), evaluation };
  }
  const lower = previous?.endedAt ? Date.parse(previous.endedAt) : Number.NEGATIVE_INFINITY;
  const since = evaluation.since?.getTime() ?? now.getTime();
  if (previous?.endReason === 'acknowledged' && !previous.clearedAt && since <= lower) {
    // Still the same stretch the ladder was stopped for: acknowledgement holds until the issue recovers.
    return { ...same(), evaluation };
  }
  const start = Math.min(Math.max(since, lower), now.getTime());
  const number = (previous?.number ?? 0) + 1;
  const state: EpisodeState = {
    pathId: path.id,
    issueKey: facts.issueKey,
    episodeId: `ep${number}-${start.toString(36)}`,
    number,
    startedAt: new Date(start).toISOString(),
    firedLevels: [],
  };
  return { ...ladder(state, input, true), started: true, evaluation };
}

/** Records that a level's actions succeeded; idempotent, and never records a time before the episode start. */
export function markFired(state: EpisodeState, level: number, at: Date): EpisodeState {
  if (!Number.isSafeInteger(level) || level < 1 || !isValidDate(at)) return state;
  if (state.firedLevels.some((f) => f.level === level)) return state;
  const when = new Date(Math.max(at.getTime(), Date.parse(state.startedAt))).toISOString();
  const firedLevels = [...state.firedLevels, { level, at: when }].sort((a, b) => a.level - b.level);
  return { ...state, firedLevels };
}

/** The level whose targets may acknowledge: the highest fired level, or level 1 before any has fired. */
export function currentLevel(state: EpisodeState, path: EscalationPath): number {
  const highest = Math.max(0, ...state.firedLevels.map((f) => f.level));
  return Math.min(Math.max(1, highest), Math.max(1, path.levels.length));
}

/** When each level of an episode is due, by level (levels the clock never reaches are left out). */
export function levelDueTimes(
  state: EpisodeState,
  path: EscalationPath,
  facts: IssueFacts,
): Array<{ level: number; dueAt: Date }> {
  const start = new Date(state.startedAt);
  const pauses = effectivePauses(path.calendar, facts);
  const due: Array<{ level: number; dueAt: Date }> = [];
  path.levels.forEach((level, i) => {
    const dueAt = addBusinessTime(
      start,
      businessDurationMillis(level.after, path.calendar),
      path.calendar,
      pauses,
    );
    if (dueAt) due.push({ level: i + 1, dueAt });
  });
  return due;
}

/** Reads a stored episode defensively: anything malformed gives a sentence instead of a state. */
export function readEpisodeState(
  stored: unknown,
): { ok: true; state: EpisodeState } | { ok: false; message: string } {
  const parsed = storedSchema.safeParse(stored);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      message: `The stored escalation episode is damaged (${first ? `${first.path.join('.') || 'value'}: ${first.message}` : 'unreadable'}).`,
    };
  }
  const { acknowledgedBy, endedAt, endReason, clearedAt, ...rest } = parsed.data;
  return {
    ok: true,
    state: {
      ...rest,
      ...(acknowledgedBy !== undefined ? { acknowledgedBy } : {}),
      ...(endedAt !== undefined ? { endedAt } : {}),
      ...(endReason !== undefined ? { endReason } : {}),
      ...(clearedAt !== undefined ? { clearedAt } : {}),
    },
  };
}

const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: 'not a time' });
const storedSchema = z.object({
  pathId: z.string().min(1),
  issueKey: z.string().min(1),
  episodeId: z.string().min(1),
  number: z.number().int().min(1),
  startedAt: isoTime,
  firedLevels: z.array(z.object({ level: z.number().int().min(1), at: isoTime })),
  acknowledgedBy: z.string().optional(),
  endedAt: isoTime.optional(),
  endReason: z.enum(['conditions-cleared', 'resolved', 'acknowledged', 'path-removed', 'deleted']).optional(),
  clearedAt: isoTime.optional(),
});

function ladder(state: EpisodeState, input: StepInput, changed: boolean): StepResult {
  let due: Array<{ level: number; dueAt: Date }>;
  try {
    due = levelDueTimes(state, input.path, input.facts);
  } catch (error) {
    if (error instanceof EscalationInputError) {
      return { state, changed, due: [], fire: [], ignored: error.message };
    }
    throw error;
  }
  const fired = new Set(state.firedLevels.map((f) => f.level));
  const pending = due.filter((d) => !fired.has(d.level));
  const fire = pending.filter((d) => d.dueAt.getTime() <= input.now.getTime()).map((d) => d.level);
  return { state, changed, due: pending, fire };
}

function safeDue(state: EpisodeState, input: StepInput): Array<{ level: number; dueAt: Date }> {
  try {
    const fired = new Set(state.firedLevels.map((f) => f.level));
    return levelDueTimes(state, input.path, input.facts).filter((d) => !fired.has(d.level));
  } catch {
    return [];
  }
}

/** The latest moment an episode records; an observation before it is stale. */
function latestTime(state: EpisodeState): number {
  const times = [state.startedAt, state.endedAt, state.clearedAt, ...state.firedLevels.map((f) => f.at)];
  return Math.max(...times.filter((t): t is string => t !== undefined).map((t) => Date.parse(t)));
}
