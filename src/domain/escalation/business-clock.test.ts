import { addBusinessTime, businessMillisBetween, normalizePauses } from './business-clock';
import type { BusinessCalendar } from './business-calendar';
import { EscalationInputError } from './escalation-input-error';
import { BERLIN, HOUR, utc } from './__fixtures__/launch-path';

const ALWAYS: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  hours: { start: '00:00', end: '24:00' },
  pausedStatuses: [],
};

describe('businessMillisBetween (Berlin, Mon–Fri 09:00–17:00, German holidays)', () => {
  test.each([
    ['one working day', '2024-11-12T08:00', '2024-11-12T16:00', 8],
    ['before opening counts nothing', '2024-11-12T05:00', '2024-11-12T08:00', 0],
    ['partial day', '2024-11-12T10:30', '2024-11-12T12:00', 1.5],
    ['a weekend adds nothing (Sat 00:00 → Mon 00:00)', '2024-11-09T00:00', '2024-11-11T00:00', 0],
    ['Friday 16:00 to Monday 10:00', '2024-11-08T15:00', '2024-11-11T09:00', 2],
    ['3 October (Thursday) is a holiday (CEST: 09:00 is 07:00Z)', '2024-10-02T07:00', '2024-10-04T15:00', 16],
    [
      '25 and 26 December are holidays; 24 December is a working day',
      '2024-12-23T08:00',
      '2024-12-28T00:00',
      24,
    ],
    ['end before start is zero', '2024-11-12T16:00', '2024-11-12T08:00', 0],
    // Spring forward on Sunday 30 March 2025: Friday 09:00 is 08:00Z, Monday 09:00 is 07:00Z.
    ['DST start: Fri 16:00 CET → Mon 10:00 CEST', '2025-03-28T15:00', '2025-03-31T08:00', 2],
    // Fall back on Sunday 26 October 2025: Monday 09:00 CET is 08:00Z.
    ['DST end: Fri 16:00 CEST → Mon 10:00 CET', '2025-10-24T14:00', '2025-10-27T09:00', 2],
  ])('%s', (_name, from, to, hours) => {
    expect(businessMillisBetween(utc(from), utc(to), BERLIN)).toBe(hours * HOUR);
  });

  test('a 24-hour calendar counts the DST days as 23 and 25 hours', () => {
    expect(businessMillisBetween(utc('2025-03-29T23:00'), utc('2025-03-30T22:00'), ALWAYS)).toBe(23 * HOUR);
    expect(businessMillisBetween(utc('2025-10-25T22:00'), utc('2025-10-26T23:00'), ALWAYS)).toBe(25 * HOUR);
  });

  test('regional holidays: Epiphany (6 Jan 2025, Monday) is off in Bavaria but not in Berlin', () => {
    const bavaria: BusinessCalendar = { ...BERLIN, holidays: { country: 'DE', region: 'BY' } };
    const day = [utc('2025-01-06T08:00'), utc('2025-01-06T16:00')] as const;
    expect(businessMillisBetween(...day, bavaria)).toBe(0);
    expect(businessMillisBetween(...day, BERLIN)).toBe(8 * HOUR);
  });

  test.each([
    ['a closed pause inside the day', [{ start: '2024-11-12T10:00', end: '2024-11-12T12:00' }], 6],
    [
      'overlapping pauses count once',
      [
        { start: '2024-11-12T10:00', end: '2024-11-12T12:00' },
        { start: '2024-11-12T11:00', end: '2024-11-12T13:00' },
      ],
      5,
    ],
    ['an open pause stops the clock for good', [{ start: '2024-11-12T12:00' }], 4],
    ['a pause over the weekend changes nothing', [{ start: '2024-11-09T00:00', end: '2024-11-11T00:00' }], 8],
  ])('pauses: %s', (_name, pauses, hours) => {
    const list = pauses.map((p) => ({
      start: utc(p.start),
      ...('end' in p && p.end ? { end: utc(p.end) } : {}),
    }));
    expect(businessMillisBetween(utc('2024-11-12T08:00'), utc('2024-11-12T16:00'), BERLIN, list)).toBe(
      hours * HOUR,
    );
  });
});

describe('addBusinessTime', () => {
  test.each([
    ['2 business days from Thursday 10:00 before Christmas', '2024-12-19T09:00', 'P2D', '2024-12-23T09:00'],
    ['4 business days skip 25/26 December', '2024-12-19T09:00', { days: 4 }, '2024-12-27T09:00'],
    ['PT16H is the same as P2D on an 8-hour day', '2024-12-19T09:00', 'PT16H', '2024-12-23T09:00'],
    ['starting on Saturday waits for Monday', '2024-11-09T10:00', 'PT1H', '2024-11-11T09:00'],
    ['ends exactly at closing rather than next morning', '2024-11-12T08:00', 'PT8H', '2024-11-12T16:00'],
    ['skips 3 October', '2024-10-02T13:00', 'PT3H', '2024-10-04T08:00'],
    ['across spring DST', '2025-03-28T15:00', 'PT8H', '2025-03-31T14:00'],
    ['zero is the start itself, even at night', '2024-11-09T03:00', 'PT0M', '2024-11-09T03:00'],
  ])('%s', (_name, start, duration, expected) => {
    expect(addBusinessTime(utc(start), duration, BERLIN)?.toISOString()).toBe(utc(expected).toISOString());
  });

  test('a pause pushes the due time later by the business time it covers', () => {
    const pause = [{ start: utc('2024-12-20T08:00'), end: utc('2024-12-23T08:00') }]; // Friday, all day
    expect(addBusinessTime(utc('2024-12-19T09:00'), 'P2D', BERLIN, pause)?.toISOString()).toBe(
      utc('2024-12-24T09:00').toISOString(),
    );
  });

  test('an open pause means the delay never runs out', () => {
    expect(
      addBusinessTime(utc('2024-12-19T09:00'), 'P2D', BERLIN, [{ start: utc('2024-12-19T12:00') }]),
    ).toBe(undefined);
  });

  test('milliseconds are accepted as a duration', () => {
    expect(addBusinessTime(utc('2024-11-12T08:00'), 90 * 60_000, BERLIN)?.toISOString()).toBe(
      utc('2024-11-12T09:30').toISOString(),
    );
  });
});

describe('bad input gives a typed error with a sentence', () => {
  test.each([
    [
      'an invalid date',
      () => businessMillisBetween(new Date('nope'), utc('2024-11-12T08:00'), BERLIN),
      /not a valid date/,
    ],
    [
      'an unknown time zone',
      () =>
        businessMillisBetween(utc('2024-11-12T08:00'), utc('2024-11-13T08:00'), {
          ...BERLIN,
          timeZone: 'Mars/Olympus',
        }),
      /not a known time zone/,
    ],
    [
      'a pause that ends before it starts',
      () =>
        businessMillisBetween(utc('2024-11-12T08:00'), utc('2024-11-13T08:00'), BERLIN, [
          { start: utc('2024-11-12T12:00'), end: utc('2024-11-12T10:00') },
        ]),
      /ends .* before it starts/,
    ],
    [
      'an unreadable delay',
      () => addBusinessTime(utc('2024-11-12T08:00'), 'two days', BERLIN),
      /is not a delay/,
    ],
    ['a negative delay', () => addBusinessTime(utc('2024-11-12T08:00'), -5, BERLIN), /zero or more/],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(EscalationInputError);
    expect(run).toThrow(message);
  });
});

test('normalizePauses merges overlaps and keeps open pauses open', () => {
  expect(
    normalizePauses([
      { start: new Date(30), end: new Date(40) },
      { start: new Date(0), end: new Date(10) },
      { start: new Date(5), end: new Date(20) },
      { start: new Date(35) },
    ]),
  ).toEqual([
    [0, 20],
    [30, Number.POSITIVE_INFINITY],
  ]);
});
