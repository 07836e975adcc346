import { baselineVsForecast } from './baseline-vs-forecast';
import { burnUp } from './burn-up';
import { countTicks, dateTicks, linearScale, niceCeiling, pathThrough } from './chart-scale';
import type { Snapshot } from './snapshot';

const frame = { width: 200, height: 120, margin: { top: 10, right: 10, bottom: 20, left: 30 } };
const day = (
  date: string,
  done: number,
  total: number,
  forecast: string | null,
  baseline: string | null,
): Snapshot => ({
  date,
  done,
  total,
  forecast,
  baseline,
});

describe('chart scale', () => {
  test.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [40, 50],
    [120, 200],
  ])('niceCeiling(%s) = %s', (n, nice) => expect(niceCeiling(n)).toBe(nice));

  test.each([
    [0, [0, 1]],
    [4, [0, 1, 2, 3, 4, 5]],
    [40, [0, 10, 20, 30, 40, 50]],
    [120, [0, 50, 100, 150, 200]],
  ])('count ticks up to %s: %j', (max, ticks) => expect(countTicks(max)).toEqual(ticks));

  test('a scale maps the domain onto the range, and a single value to the middle', () => {
    const s = linearScale(0, 10, 100, 0);
    expect([s(0), s(5), s(10), s(20)]).toEqual([100, 50, 0, 0]);
    expect(linearScale(3, 3, 0, 50)(3)).toBe(25);
  });

  test('date ticks spread from first to last without repeats', () => {
    expect(dateTicks('2026-11-01', '2026-11-11', 6)).toEqual([
      '2026-11-01',
      '2026-11-03',
      '2026-11-05',
      '2026-11-07',
      '2026-11-09',
      '2026-11-11',
    ]);
    expect(dateTicks('2026-11-01', '2026-11-02')).toEqual(['2026-11-01', '2026-11-02']);
    expect(dateTicks('2026-11-01', '2026-11-01')).toEqual(['2026-11-01']);
  });

  test('a path breaks where data is missing', () => {
    expect(pathThrough([{ x: 1, y: 2 }, { x: 3, y: 4 }, null, { x: 5, y: 6 }])).toBe('M1,2 L3,4 M5,6');
  });
});

describe('burnUp', () => {
  const history = [
    day('2026-11-01', 0, 8, null, null),
    day('2026-11-06', 2, 10, null, null),
    day('2026-11-11', 6, 10, null, null),
  ];

  test('scales done and total into the plot area, y growing downwards', () => {
    const chart = burnUp(history, frame);
    expect(chart.viewBox).toBe('0 0 200 120');
    expect(chart.plot).toEqual({ left: 30, right: 190, top: 10, bottom: 100 });
    expect(chart.done.map((p) => [p.x, p.y, p.value])).toEqual([
      [30, 100, 0],
      [110, 82, 2],
      [190, 46, 6],
    ]);
    expect(chart.totalPath).toBe('M30,28 L110,10 L190,10');
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(chart.xTicks[0]).toEqual({ x: 30, date: '2026-11-01', label: '1 Nov 2026' });
    expect(chart.xTicks[1]?.label).toBe('3 Nov');
    expect(chart.summary).toBe(
      'Done went from 0 to 6 between 1 Nov 2026 and 11 Nov 2026; scope went from 8 to 10 items.',
    );
  });

  test('one snapshot is drawn in the middle', () => {
    const chart = burnUp([day('2026-11-01', 1, 4, null, null)], frame);
    expect(chart.done).toEqual([{ x: 110, y: 82, date: '2026-11-01', value: 1 }]);
    expect(chart.summary).toBe('1 of 4 items done on 1 Nov 2026.');
  });

  test('no snapshots give an empty chart with a sentence', () => {
    expect(burnUp([], frame)).toMatchObject({
      empty: true,
      done: [],
      donePath: '',
      summary: expect.stringContaining('No snapshots'),
    });
  });
});

describe('baselineVsForecast', () => {
  const history = [
    day('2026-11-01', 0, 8, '2026-12-10', '2026-12-10'),
    day('2026-11-02', 1, 8, null, '2026-12-10'),
    day('2026-11-03', 2, 8, '2026-12-20', '2026-12-10'),
  ];

  test('gives the slip of each day', () => {
    expect(baselineVsForecast(history, frame).rows).toEqual([
      { date: '2026-11-01', baseline: '2026-12-10', forecast: '2026-12-10', slipDays: 0 },
      { date: '2026-11-02', baseline: '2026-12-10', forecast: null, slipDays: null },
      { date: '2026-11-03', baseline: '2026-12-10', forecast: '2026-12-20', slipDays: 10 },
    ]);
  });

  test('scales end dates on y (later is higher) and breaks the forecast line over a missing day', () => {
    const chart = baselineVsForecast(history, frame);
    expect(chart.baselinePath).toBe('M30,100 L110,100 L190,100');
    expect(chart.forecastPath).toBe('M30,100 M190,10');
    expect(chart.yTicks[0]).toEqual({ y: 100, label: '10 Dec 2026' });
    expect(chart.summary).toBe(
      'On 3 Nov 2026 the forecast was 10 days after the baseline, 10 days worse than on 1 Nov 2026.',
    );
  });

  test('without any end date the chart is empty, with a sentence', () => {
    expect(baselineVsForecast([day('2026-11-01', 0, 8, null, null)], frame)).toMatchObject({
      empty: true,
      summary: 'No baseline or forecast recorded yet.',
    });
  });
});
