import { forecast } from './forecast';
import type { ProgressInput } from './progress-input';

const now = new Date('2026-12-01T11:00:00Z');
const input = (change: Partial<ProgressInput>): ProgressInput => ({
  counts: { new: 4, indeterminate: 4, done: 12 },
  blocked: 0,
  blockedLong: 0,
  overdue: 0,
  openDueDates: null,
  throughput: [4, 4, 4, 4],
  ...change,
});

describe('forecast', () => {
  test.each<[string, Partial<ProgressInput>, ReturnType<typeof forecast>]>([
    [
      'steady throughput: remaining ÷ weekly rate',
      {},
      {
        date: '2026-12-15',
        basis: 'throughput',
        confidence: 'normal',
        note: null,
        remaining: 8,
        weeklyThroughput: 4,
      },
    ],
    [
      'part of a day rounds up to a whole day',
      { counts: { new: 1, indeterminate: 0, done: 12 } },
      {
        date: '2026-12-03',
        basis: 'throughput',
        confidence: 'normal',
        note: null,
        remaining: 1,
        weeklyThroughput: 4,
      },
    ],
    [
      'the latest open due date is a floor',
      { openDueDates: { latest: '2027-01-10', withDueDate: 3 } },
      {
        date: '2027-01-10',
        basis: 'throughput',
        confidence: 'normal',
        note: 'Raised to the latest due date of open work (10 Jan 2027).',
        remaining: 8,
        weeklyThroughput: 4,
      },
    ],
    [
      'an earlier due date does not pull the forecast in',
      { openDueDates: { latest: '2026-12-05', withDueDate: 8 } },
      {
        date: '2026-12-15',
        basis: 'throughput',
        confidence: 'normal',
        note: null,
        remaining: 8,
        weeklyThroughput: 4,
      },
    ],
    [
      'thin data: few items finished',
      { throughput: [0, 0, 0, 2] },
      {
        date: '2027-03-23',
        basis: 'throughput',
        confidence: 'low',
        note: 'Based on only 2 items finished in the last 4 weeks.',
        remaining: 8,
        weeklyThroughput: 0.5,
      },
    ],
    [
      'thin data: short history',
      { throughput: [8] },
      {
        date: '2026-12-08',
        basis: 'throughput',
        confidence: 'low',
        note: 'Based on only 8 items finished in the last week.',
        remaining: 8,
        weeklyThroughput: 8,
      },
    ],
    [
      'no throughput, a due date ahead',
      { throughput: [0, 0, 0, 0], openDueDates: { latest: '2026-12-18', withDueDate: 3 } },
      {
        date: '2026-12-18',
        basis: 'due-dates',
        confidence: 'low',
        note:
          'No items were finished in the last 4 weeks; the forecast is the latest due date of open work ' +
          '(3 of 8 open items have a due date).',
        remaining: 8,
        weeklyThroughput: 0,
      },
    ],
    [
      'no throughput, the latest due date has passed: today',
      { throughput: [0, 0], openDueDates: { latest: '2026-11-20', withDueDate: 8 } },
      {
        date: '2026-12-01',
        basis: 'due-dates',
        confidence: 'low',
        note:
          'No items were finished in the last 2 weeks; the forecast is the latest due date of open work, ' +
          'which passed on 20 Nov (8 of 8 open items have a due date).',
        remaining: 8,
        weeklyThroughput: 0,
      },
    ],
    [
      'no throughput and no due dates',
      { throughput: [0, 0, 0, 0] },
      {
        date: null,
        basis: 'none',
        confidence: 'none',
        note: 'No items were finished in the last 4 weeks and no open item has a due date, so there is no forecast.',
        remaining: 8,
        weeklyThroughput: 0,
      },
    ],
    [
      'no throughput history at all',
      { throughput: [] },
      {
        date: null,
        basis: 'none',
        confidence: 'none',
        note: 'There is no throughput history and no open item has a due date, so there is no forecast.',
        remaining: 8,
        weeklyThroughput: null,
      },
    ],
    [
      'a pace too slow to name a date',
      { counts: { new: 2000, indeterminate: 0, done: 1 }, throughput: [1, 0, 0, 0] },
      {
        date: null,
        basis: 'none',
        confidence: 'none',
        note: 'At 0.3 items a week, the 2000 open items would take more than 10 years, so no date is shown.',
        remaining: 2000,
        weeklyThroughput: 0.3,
      },
    ],
    [
      'all done (nothing open)',
      { counts: { new: 0, indeterminate: 0, done: 20 } },
      {
        date: null,
        basis: 'all-done',
        confidence: 'normal',
        note: 'All 20 items are done.',
        remaining: 0,
        weeklyThroughput: 4,
      },
    ],
    [
      'no work',
      { counts: { new: 0, indeterminate: 0, done: 0 } },
      {
        date: null,
        basis: 'no-work',
        confidence: 'none',
        note: 'Nothing is in scope yet, so there is nothing to forecast.',
        remaining: 0,
        weeklyThroughput: 4,
      },
    ],
    [
      'no counts',
      { counts: null },
      {
        date: null,
        basis: 'none',
        confidence: 'none',
        note: 'No forecast: the counts could not be read from Jira.',
        remaining: 0,
        weeklyThroughput: null,
      },
    ],
    [
      'malformed throughput',
      { throughput: [1, -2] },
      {
        date: null,
        basis: 'none',
        confidence: 'none',
        note: 'No forecast: The number of items done in week 2 of the throughput is -2; expected a whole number of 0 or more.',
        remaining: 0,
        weeklyThroughput: null,
      },
    ],
  ])('%s', (_name, change, expected) => {
    expect(forecast(input(change), now)).toEqual(expected);
  });

  test('does not depend on the baseline (a missing baseline changes nothing)', () => {
    expect(forecast(input({ baseline: null }), now)).toEqual(
      forecast(input({ baseline: { date: '2026-12-01' } }), now),
    );
  });

  test("counts from today in the site's time zone", () => {
    const late = new Date('2026-12-01T23:30:00Z');
    expect(forecast(input({ timeZone: 'Pacific/Auckland' }), late).date).toBe('2026-12-16');
    expect(forecast(input({ timeZone: 'UTC' }), late).date).toBe('2026-12-15');
  });
});
