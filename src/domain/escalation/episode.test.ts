import {
  currentLevel,
  type EpisodeState,
  markFired,
  readEpisodeState,
  stepEpisode,
  type StepInput,
} from './episode';
import type { IssueFacts } from './issue-facts';
import { blockedFacts, LAUNCH_PATH, utc } from './__fixtures__/launch-path';

const path = LAUNCH_PATH;
const step = (
  state: EpisodeState | undefined,
  now: string,
  facts: Partial<IssueFacts> = {},
  extra: Partial<StepInput> = {},
) => stepEpisode(state, { path, facts: blockedFacts(facts), now: utc(now), ...extra });
const iso = (s: string) => utc(s).toISOString();

describe('the ladder of the Launch blockers path (Blocked since Thu 19 Dec 2024 10:00 Berlin)', () => {
  const start = step(undefined, '2024-12-19T09:00');

  test('an episode starts when the issue meets the conditions, from when it started meeting them', () => {
    expect(start.started).toBe(true);
    expect(start.state?.startedAt).toBe(iso('2024-12-19T09:00'));
    expect(start.fire).toEqual([]);
    expect(start.due.map((d) => [d.level, d.dueAt.toISOString()])).toEqual([
      [1, iso('2024-12-23T09:00')], // 2 business days: Thu 7h, Fri 8h, Mon 1h
      [2, iso('2024-12-27T09:00')], // 4 business days: skips Christmas (25, 26 Dec)
    ]);
  });

  test.each([
    ['Monday 09:59, just before level 1', '2024-12-23T08:59', []],
    ['Monday 10:00, level 1 is due', '2024-12-23T09:00', [1]],
    ['Christmas Day, still only level 1', '2024-12-25T12:00', [1]],
    ['Friday 27 Dec 10:00, both are due', '2024-12-27T09:00', [1, 2]],
  ])('%s', (_name, now, fire) => {
    expect(step(start.state, now).fire).toEqual(fire);
  });

  test('a level fires once: after markFired it is no longer listed', () => {
    const due1 = step(start.state, '2024-12-23T09:05');
    expect(due1.fire).toEqual([1]);
    const fired = markFired(due1.state!, 1, utc('2024-12-23T09:06'));
    const again = step(fired, '2024-12-23T10:00');
    expect(again.fire).toEqual([]);
    expect(again.changed).toBe(false);
    expect(again.due.map((d) => d.level)).toEqual([2]);
  });

  test('a level whose action failed (not marked fired) is listed again on the next step', () => {
    const first = step(start.state, '2024-12-23T09:05');
    expect(step(first.state, '2024-12-23T10:05').fire).toEqual([1]);
  });

  test('acknowledgement by the current level’s target stops the ladder', () => {
    const fired = markFired(start.state!, 1, utc('2024-12-23T09:06'));
    const ack = step(
      fired,
      '2024-12-23T11:00',
      {},
      {
        event: { kind: 'acknowledged', accountId: '712020:lead', isCurrentTarget: true },
      },
    );
    expect(ack.ended).toBe('acknowledged');
    expect(ack.state).toMatchObject({
      endReason: 'acknowledged',
      acknowledgedBy: '712020:lead',
      endedAt: iso('2024-12-23T11:00'),
    });
    // Still Blocked later, but the ladder stays stopped: no new episode, nothing fires.
    const later = step(ack.state, '2024-12-30T09:00');
    expect(later.fire).toEqual([]);
    expect(later.started).toBeUndefined();
    expect(later.state?.episodeId).toBe(fired.episodeId);
  });

  test('acknowledgement by someone the current level does not involve changes nothing', () => {
    const result = step(
      start.state,
      '2024-12-23T11:00',
      {},
      {
        event: { kind: 'acknowledged', accountId: '712020:someone', isCurrentTarget: false },
      },
    );
    expect(result.changed).toBe(false);
    expect(result.state?.endedAt).toBeUndefined();
    expect(result.ignored).toMatch(/Only the people level 1 \(Team lead\) involves/);
  });

  test('leaving Blocked ends the episode; re-entering starts a new one with a fresh ladder', () => {
    const fired = markFired(start.state!, 1, utc('2024-12-23T09:06'));
    const unblocked = step(fired, '2024-12-23T12:00', {
      status: { name: 'In Progress', category: 'indeterminate' },
      statusSince: utc('2024-12-23T11:30'),
    });
    expect(unblocked.ended).toBe('conditions-cleared');
    const again = step(unblocked.state, '2024-12-30T08:00', { statusSince: utc('2024-12-30T08:00') });
    expect(again.started).toBe(true);
    expect(again.state?.number).toBe(2);
    expect(again.state?.episodeId).not.toBe(fired.episodeId);
    expect(again.state?.firedLevels).toEqual([]);
    // Mon 30 Dec 09:00 + 16 business hours = Tue 31 Dec 17:00 (New Year's Eve is not a public holiday).
    expect(again.due[0]?.dueAt.toISOString()).toBe(iso('2024-12-31T16:00'));
  });

  test('an acknowledged episode re-arms once the issue recovers, then re-entering starts a new episode', () => {
    const ack = step(
      start.state,
      '2024-12-20T09:00',
      {},
      {
        event: { kind: 'acknowledged', accountId: '712020:lead', isCurrentTarget: true },
      },
    );
    const recovered = step(ack.state, '2024-12-20T10:00', {
      status: { name: 'In Progress', category: 'indeterminate' },
    });
    expect(recovered.changed).toBe(true);
    expect(recovered.state?.clearedAt).toBe(iso('2024-12-20T10:00'));
    const blockedAgain = step(recovered.state, '2024-12-20T11:00', { statusSince: utc('2024-12-20T11:00') });
    expect(blockedAgain.started).toBe(true);
    expect(blockedAgain.state?.number).toBe(2);
  });

  test('resolution ends the episode', () => {
    const result = step(start.state, '2024-12-20T09:00', {
      resolved: true,
      status: { name: 'Done', category: 'done' },
    });
    expect(result.ended).toBe('resolved');
    expect(result.fire).toEqual([]);
  });

  test('a late observation older than what the episode records changes nothing', () => {
    const ended = step(start.state, '2024-12-23T12:00', {
      status: { name: 'In Progress', category: 'indeterminate' },
    });
    const late = step(ended.state, '2024-12-23T11:00');
    expect(late.changed).toBe(false);
    expect(late.state).toBe(ended.state);
    expect(late.ignored).toMatch(/later moment/);
  });

  test('a paused status stops the clock: Waiting for vendor all of Friday delays level 1 by a day', () => {
    const facts = { pauses: [{ start: utc('2024-12-20T08:00'), end: utc('2024-12-23T08:00') }] };
    expect(step(start.state, '2024-12-23T09:00', facts).fire).toEqual([]);
    expect(step(start.state, '2024-12-24T09:00', facts).fire).toEqual([1]);
  });

  test('path-removed ends an open episode', () => {
    expect(step(start.state, '2024-12-20T09:00', {}, { event: { kind: 'path-removed' } }).ended).toBe(
      'path-removed',
    );
  });

  test('a state for another issue or path is refused with a sentence', () => {
    const result = step(start.state, '2024-12-20T09:00', { issueKey: 'LAUNCH-8' });
    expect(result.changed).toBe(false);
    expect(result.ignored).toMatch(/belongs to path launch-blockers on LAUNCH-7/);
  });

  test('an invalid now is refused with a sentence', () => {
    expect(stepEpisode(start.state, { path, facts: blockedFacts(), now: new Date('x') }).ignored).toMatch(
      /not a valid date/,
    );
  });

  test('a level delay of zero fires at once when the episode starts', () => {
    const immediate = { ...path, levels: [{ ...path.levels[0]!, after: 'PT0M' }, path.levels[1]!] };
    const result = stepEpisode(undefined, {
      path: immediate,
      facts: blockedFacts(),
      now: utc('2024-12-19T09:00'),
    });
    expect(result.fire).toEqual([1]);
  });

  test('an issue seen for the first time long after it was blocked fires every level that is due', () => {
    expect(step(undefined, '2025-01-06T12:00').fire).toEqual([1, 2]);
  });
});

describe('markFired', () => {
  const state = step(undefined, '2024-12-19T09:00').state!;
  test('is idempotent and never records a time before the start', () => {
    const once = markFired(state, 2, utc('2024-12-27T09:00'));
    expect(markFired(once, 2, utc('2024-12-28T09:00'))).toBe(once);
    expect(markFired(state, 1, utc('2024-01-01T00:00')).firedLevels).toEqual([
      { level: 1, at: state.startedAt },
    ]);
    expect(markFired(state, 0, utc('2024-12-27T09:00'))).toBe(state);
  });
  test('currentLevel is the highest fired level, or 1', () => {
    expect(currentLevel(state, path)).toBe(1);
    expect(currentLevel(markFired(state, 2, utc('2024-12-27T09:00')), path)).toBe(2);
  });
});

describe('readEpisodeState', () => {
  test('round-trips a stored episode through JSON', () => {
    const state = markFired(step(undefined, '2024-12-19T09:00').state!, 1, utc('2024-12-23T09:00'));
    expect(readEpisodeState(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
  });
  test.each([
    null,
    'x',
    { pathId: 'p' },
    { ...step(undefined, '2024-12-19T09:00').state, startedAt: 'soon' },
  ])('refuses %p with a sentence', (stored) => {
    const result = readEpisodeState(stored);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^The stored escalation episode is damaged/);
  });
});
