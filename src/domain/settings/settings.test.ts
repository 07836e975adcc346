import fc from 'fast-check';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, readSettings, sameSettings, settingsProblems } from './index';

describe('settingsProblems', () => {
  test.each([
    ['the defaults', { blockedThresholdHours: 48, consultedThreshold: 5 }, {}],
    ['the smallest values', { blockedThresholdHours: 1, consultedThreshold: 1 }, {}],
    ['the largest values', { blockedThresholdHours: 720, consultedThreshold: 50 }, {}],
    [
      'zero hours',
      { blockedThresholdHours: 0, consultedThreshold: 5 },
      { blockedThresholdHours: 'Enter a whole number of hours from 1 to 720 (720 hours is 30 days).' },
    ],
    [
      'more than 30 days',
      { blockedThresholdHours: 721, consultedThreshold: 5 },
      { blockedThresholdHours: expect.stringMatching(/from 1 to 720/) },
    ],
    [
      'a fraction of an hour',
      { blockedThresholdHours: 1.5, consultedThreshold: 5 },
      { blockedThresholdHours: expect.stringMatching(/whole number/) },
    ],
    [
      'too many consulted',
      { blockedThresholdHours: 48, consultedThreshold: 51 },
      { consultedThreshold: 'Enter a whole number of people from 1 to 50.' },
    ],
    [
      'both wrong',
      { blockedThresholdHours: Number.NaN, consultedThreshold: -1 },
      { blockedThresholdHours: expect.any(String), consultedThreshold: expect.any(String) },
    ],
  ])('%s', (_name, input, expected) => {
    expect(settingsProblems(input)).toEqual(expected);
  });

  test('any whole number inside the limits is accepted, any outside refused', () => {
    const { blockedThresholdHours: h, consultedThreshold: c } = SETTINGS_LIMITS;
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 2000 }),
        fc.integer({ min: -100, max: 200 }),
        (hours, people) => {
          const problems = settingsProblems({ blockedThresholdHours: hours, consultedThreshold: people });
          expect('blockedThresholdHours' in problems).toBe(hours < h.min || hours > h.max);
          expect('consultedThreshold' in problems).toBe(people < c.min || people > c.max);
        },
      ),
    );
  });
});

describe('readSettings', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    [
      'valid values',
      { blockedThresholdHours: 24, consultedThreshold: 8 },
      { blockedThresholdHours: 24, consultedThreshold: 8 },
    ],
    [
      'one bad value',
      { blockedThresholdHours: 'soon', consultedThreshold: 8 },
      { blockedThresholdHours: 48, consultedThreshold: 8 },
    ],
    ['out of range', { blockedThresholdHours: 9999, consultedThreshold: 0 }, DEFAULT_SETTINGS],
  ])('%s', (_name, stored, expected) => {
    expect(readSettings(stored)).toEqual(expected);
  });
});

test('sameSettings compares both numbers', () => {
  expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toBe(true);
  expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, consultedThreshold: 6 })).toBe(false);
  expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, blockedThresholdHours: 47 })).toBe(false);
});
