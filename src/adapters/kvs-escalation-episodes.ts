import { kvs } from '@forge/kvs';
import { CLAIM_HOLD_MS, type ClaimOutcome, type EpisodeStore } from '../app/escalation/engine-ports';
import { type EpisodeState, readEpisodeState } from '../domain/escalation';
import { escalationKeys, ESCALATION_EPISODE_ENTITY } from './storage-keys';

/** The stored entity: the episode with the attributes its index reads. */
interface EpisodeEntity {
  issueKey: string;
  pathId: string;
  updatedAt: string;
  state: EpisodeState;
}

/**
 * A level's claim: held by a run until `until` (with the actions done so far), left by a partly failed run
 * (free to take, with the actions that succeeded), or the permanent record that the level fired.
 */
type ClaimValue =
  | { status: 'claimed'; done?: string[]; until?: string }
  | { status: 'failed'; done: string[] }
  | { status: 'fired'; at: string };

/** Unconfirmed claims and failed attempts are garbage-collected after this long (the sweep runs hourly). */
const OPEN_CLAIM_TTL = { value: 30, unit: 'DAYS' } as const;

/**
 * Escalation episodes in the KVS entity `escalation-episode` (one per issue and path, index `by-issue`), and
 * per-level firing claims under plain keys written with `FAIL_IF_EXISTS`: of two deliveries that try to fire
 * the same level of the same episode only one creates the claim. A confirmed claim stays as the record that
 * the level fired (no TTL), so a redelivery that lost the state write still sees it.
 */
export function createKvsEpisodeStore(): EpisodeStore {
  const entity = kvs.entity<EpisodeEntity>(ESCALATION_EPISODE_ENTITY);
  const read = (value: EpisodeEntity | undefined): EpisodeState | undefined => {
    if (!value) return undefined;
    const parsed = readEpisodeState(value.state);
    return parsed.ok ? parsed.state : undefined;
  };
  const claimKey = (s: EpisodeState, level: number) =>
    escalationKeys.claim(s.issueKey, s.pathId, s.episodeId, level);
  return {
    async get(issueKey, pathId) {
      return read(await entity.get(escalationKeys.episode(issueKey, pathId)));
    },
    async listForIssue(issueKey) {
      const out: EpisodeState[] = [];
      let cursor: string | undefined;
      do {
        let query = entity
          .query()
          .index('by-issue', { partition: [issueKey] })
          .limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        for (const r of page.results) {
          const s = read(r.value);
          if (s) out.push(s);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },
    async put(state) {
      await entity.set(escalationKeys.episode(state.issueKey, state.pathId), {
        issueKey: state.issueKey,
        pathId: state.pathId,
        updatedAt: new Date(
          Math.max(
            ...[state.startedAt, state.endedAt, ...state.firedLevels.map((f) => f.at)]
              .filter((t): t is string => !!t)
              .map(Date.parse),
          ),
        ).toISOString(),
        state,
      });
    },
    async claim(state, level, now): Promise<ClaimOutcome> {
      const key = claimKey(state, level);
      const until = new Date(now.getTime() + CLAIM_HOLD_MS).toISOString();
      try {
        await kvs.set<ClaimValue>(
          key,
          { status: 'claimed', done: [], until },
          { keyPolicy: 'FAIL_IF_EXISTS', ttl: OPEN_CLAIM_TTL },
        );
        return { kind: 'claimed', done: [] };
      } catch (e) {
        if (!isKeyExists(e)) throw e;
      }
      const existing = await kvs.get<ClaimValue>(key);
      if (existing?.status === 'fired') return { kind: 'fired', at: existing.at };
      if (existing && !isFree(existing, now)) return { kind: 'held' };
      // Left by a partly failed or crashed run: take it over with an atomic swap. Only the run that swaps out
      // exactly what it read holds it; anything else swapped out is put back (another run got there first).
      const done = [...(existing?.done ?? [])];
      const swapped = await kvs.set<ClaimValue>(
        key,
        { status: 'claimed', done, until },
        { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS', ttl: OPEN_CLAIM_TTL },
      );
      const previous = (swapped as { value?: ClaimValue } | undefined)?.value;
      if (previous === undefined || JSON.stringify(previous) === JSON.stringify(existing)) {
        return {
          kind: 'claimed',
          done: previous && previous.status !== 'fired' ? [...(previous.done ?? [])] : [],
        };
      }
      await kvs.set<ClaimValue>(
        key,
        previous,
        previous.status === 'fired' ? undefined : { ttl: OPEN_CLAIM_TTL },
      );
      return previous.status === 'fired' ? { kind: 'fired', at: previous.at } : { kind: 'held' };
    },
    async progress(state, level, done, now) {
      const until = new Date(now.getTime() + CLAIM_HOLD_MS).toISOString();
      await kvs.set<ClaimValue>(
        claimKey(state, level),
        { status: 'claimed', done: [...done], until },
        { ttl: OPEN_CLAIM_TTL },
      );
    },
    async confirm(state, level, at) {
      await kvs.set<ClaimValue>(claimKey(state, level), { status: 'fired', at });
    },
    async release(state, level, done) {
      if (done.length === 0) await kvs.delete(claimKey(state, level));
      else
        await kvs.set<ClaimValue>(
          claimKey(state, level),
          { status: 'failed', done: [...done] },
          { ttl: OPEN_CLAIM_TTL },
        );
    },
  };
}

/** A failed attempt, or a claim whose holder ran out of time (a claim without `until` predates them: held). */
function isFree(value: Exclude<ClaimValue, { status: 'fired' }>, now: Date): boolean {
  if (value.status === 'failed') return true;
  return value.until !== undefined && Date.parse(value.until) <= now.getTime();
}

function isKeyExists(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'KEY_ALREADY_EXISTS' || /already exists/i.test(e instanceof Error ? e.message : '');
}
