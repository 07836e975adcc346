import fc from 'fast-check';
import { LAUNCH_GRID, OWNER } from './__fixtures__/launch-grid';
import { DEFAULT_ENGAGEMENT, engagementFor, HIGH_FROM, isHigh, quadrantOf, setEngagement } from './quadrant';
import { initialsOf } from './initials';
import type { Quadrant, Score, Stakeholder } from './stakeholder';

describe('quadrantOf', () => {
  test('the threshold is 3: three of the five scores are high', () => {
    expect(HIGH_FROM).toBe(3);
    expect([1, 2, 3, 4, 5].map(isHigh)).toEqual([false, false, true, true, true]);
  });

  test.each<[Score, Score, Quadrant]>([
    [5, 5, 'manage-closely'],
    [3, 3, 'manage-closely'],
    [3, 2, 'keep-satisfied'],
    [5, 1, 'keep-satisfied'],
    [2, 3, 'keep-informed'],
    [1, 5, 'keep-informed'],
    [2, 2, 'monitor'],
    [1, 1, 'monitor'],
  ])('authority %p, concern %p → %p', (authority, concern, quadrant) => {
    expect(quadrantOf({ authority, concern })).toBe(quadrant);
  });

  test('is a function of the scores alone (property)', () => {
    const score = fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Score>;
    fc.assert(
      fc.property(score, score, fc.string(), fc.string(), (authority, concern, id, role) => {
        const a = quadrantOf({ authority, concern });
        const full: Stakeholder = { ...LAUNCH_GRID.stakeholders[0]!, id, role, authority, concern };
        expect(quadrantOf(full)).toBe(a);
        expect(a.startsWith('manage') || a.startsWith('keep-satisfied')).toBe(authority >= 3);
        expect(a === 'manage-closely' || a === 'keep-informed').toBe(concern >= 3);
      }),
    );
  });
});

describe('engagement', () => {
  test('a quadrant uses the default until the owner sets one', () => {
    expect(engagementFor(LAUNCH_GRID, 'manage-closely')).toEqual({
      ...DEFAULT_ENGAGEMENT['manage-closely'],
      source: 'default',
    });
    expect(engagementFor(LAUNCH_GRID, 'keep-satisfied')).toEqual({
      cadence: 'monthly',
      channel: 'Finance review',
      source: 'owner',
    });
  });

  test('the owner sets and resets a quadrant’s plan', () => {
    const set = setEngagement(LAUNCH_GRID, OWNER, 'monitor', {
      cadence: 'quarterly',
      channel: '  Quarterly letter ',
    });
    expect(set.ok && engagementFor(set.grid, 'monitor')).toEqual({
      cadence: 'quarterly',
      channel: 'Quarterly letter',
      source: 'owner',
    });
    const reset = setEngagement(LAUNCH_GRID, OWNER, 'keep-satisfied', null);
    expect(reset.ok && engagementFor(reset.grid, 'keep-satisfied').source).toBe('default');
    expect(LAUNCH_GRID.engagement['keep-satisfied']).toBeDefined();
  });

  test.each<[string, string, Quadrant, { cadence: unknown; channel: unknown } | null, string, string]>([
    [
      'someone else',
      '712020:vp-marcus',
      'monitor',
      null,
      'FORBIDDEN',
      'Only the owner of this grid can change how a quadrant is engaged.',
    ],
    [
      'an unknown cadence',
      OWNER,
      'monitor',
      { cadence: 'hourly', channel: 'x' },
      'INVALID_INPUT',
      'Pick a cadence: daily, twice a week, weekly, every two weeks, monthly, quarterly, at each milestone.',
    ],
    [
      'a blank channel',
      OWNER,
      'monitor',
      { cadence: 'weekly', channel: ' ' },
      'INVALID_INPUT',
      'Say through which channel they hear from you.',
    ],
    [
      'a long channel',
      OWNER,
      'monitor',
      { cadence: 'weekly', channel: 'x'.repeat(101) },
      'INVALID_INPUT',
      'Keep the channel to 100 characters.',
    ],
    [
      'an unknown quadrant',
      OWNER,
      'center' as Quadrant,
      null,
      'INVALID_INPUT',
      'Pick one of the four quadrants.',
    ],
  ])('refuses %s', (_name, by, quadrant, plan, code, message) => {
    expect(setEngagement(LAUNCH_GRID, by, quadrant, plan)).toEqual({ ok: false, code, message });
  });
});

describe('initialsOf', () => {
  test.each([
    ['Marcus Obi', 'MO'],
    ['Ada King-Lovelace', 'AK'],
    ['Jo', 'J'],
    ['  lena   von fischer ', 'LF'],
    ['Élodie Ørsted', 'ÉØ'],
    ['(Textly)', 'T'],
    ['', '?'],
    ['--', '?'],
  ])('%p → %p', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
