import { percentDone } from './percent-done';

describe('percentDone', () => {
  test.each([
    [0, 10, 0],
    [1, 3, 33],
    [2, 3, 67],
    [1, 2, 50],
    [1, 8, 13], // 12.5 rounds half up
    [12, 20, 60],
    [1, 1000, 1], // 0.1% of work done still shows as started
    [4, 1000, 1],
    [6, 1000, 1], // 0.6 rounds to 1 anyway
    [199, 200, 99], // 99.5 would round to 100: unfinished work never shows 100
    [999, 1000, 99],
    [10, 10, 100],
    [0, 0, null], // no work: no percent
    [5, 0, null],
    [15, 10, 100], // more done than total (approximate counts) is capped
    [-3, 10, 0],
    [Number.NaN, 10, null],
  ])('%s of %s → %s', (done, total, expected) => {
    expect(percentDone(done, total)).toBe(expected);
  });
});
