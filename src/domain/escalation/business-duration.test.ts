import {
  businessDurationMillis,
  describeBusinessDuration,
  describeBusinessMillis,
  parseBusinessDuration,
} from './business-duration';
import { BERLIN, HOUR } from './__fixtures__/launch-path';

describe('parseBusinessDuration', () => {
  test.each([
    ['P2D', { days: 2, hours: 0, minutes: 0 }],
    ['PT16H', { days: 0, hours: 16, minutes: 0 }],
    ['p1dt4h30m', { days: 1, hours: 4, minutes: 30 }],
    ['PT0M', { days: 0, hours: 0, minutes: 0 }],
    [{ days: 2 }, { days: 2, hours: 0, minutes: 0 }],
    [
      { hours: 4, minutes: 15 },
      { days: 0, hours: 4, minutes: 15 },
    ],
  ])('%p → %p', (input, parts) => {
    expect(parseBusinessDuration(input)).toEqual({ ok: true, parts });
  });

  test.each<[unknown, RegExp]>([
    ['two days', /"two days" is not a delay/],
    ['P', /is not a delay/],
    ['PT', /is not a delay/],
    ['PT1.5H', /is not a delay/],
    ['P1W', /Weeks are not supported/],
    ['P1M', /is not a delay/],
    [{}, /The delay is empty/],
    [{ days: -1 }, /whole number of zero or more/],
    [{ days: 1.5 }, /whole number/],
    [{ weeks: 1 }, /not weeks/],
    [null, /Write a business delay/],
    [42, /Write a business delay/],
  ])('%p is refused with a sentence', (input, message) => {
    const result = parseBusinessDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

test.each([
  ['P2D', 16],
  ['PT16H', 16],
  [{ days: 1, hours: 4 }, 12],
  ['nonsense', 0],
])('on an 8-hour day, %p is %p business hours', (d, hours) => {
  expect(businessDurationMillis(d, BERLIN)).toBe(hours * HOUR);
});

test.each([
  ['P2D', '2 business days'],
  ['P1D', '1 business day'],
  ['PT16H', '16 business hours'],
  [{ days: 1, hours: 4 }, '1 business day and 4 hours'],
  ['P1DT4H30M', '1 business day, 4 hours and 30 minutes'],
  ['PT0M', 'no delay'],
])('describeBusinessDuration(%p) = %p', (d, text) => {
  expect(describeBusinessDuration(d)).toBe(text);
});

test.each([
  [0, '0 business hours'],
  [20 * HOUR, '2 business days and 4 hours'],
  [HOUR / 2, '30 business minutes'],
])('describeBusinessMillis(%p) = %p', (ms, text) => {
  expect(describeBusinessMillis(ms, BERLIN)).toBe(text);
});
