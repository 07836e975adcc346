import { render, screen } from '@testing-library/react';
import { baselineVsForecast, burnUp } from '../../../../src/domain/progress';
import type { TrendPoint } from '../../../../src/shared/progress';
import { BaselineForecastChart, BurnUpChart, Sparkline, toSnapshots } from './trend-charts';
import { RagLozenge } from './rag-lozenge';

const history: TrendPoint[] = [
  { date: '2026-01-05', total: 8, done: 1, baseline: '2026-02-01', forecast: '2026-02-01' },
  { date: '2026-01-06', total: 9, done: 3, baseline: '2026-02-01', forecast: '2026-02-05' },
  { date: '2026-01-07', total: 9, done: 4, baseline: '2026-02-01' },
];

test('burn-up draws the domain series with its summary as the title and a marker per point', () => {
  render(<BurnUpChart history={history} />);
  const chart = burnUp(toSnapshots(history));
  const svg = screen.getByRole('img', { name: chart.summary });
  expect(svg.getAttribute('viewBox')).toBe(chart.viewBox);
  expect([...svg.querySelectorAll('path')].map((p) => p.getAttribute('d'))).toEqual([
    chart.totalPath,
    chart.donePath,
  ]);
  expect(svg.querySelectorAll('[data-series="Done"] circle')).toHaveLength(3);
  expect(svg.querySelectorAll('[data-series="Total"] circle')).toHaveLength(3);
});

test('baseline vs forecast breaks the forecast over a day without one', () => {
  render(<BaselineForecastChart history={history} />);
  const chart = baselineVsForecast(toSnapshots(history));
  const svg = screen.getByRole('img', { name: chart.summary });
  expect(svg.querySelectorAll('[data-series="Baseline"] circle')).toHaveLength(3);
  expect(svg.querySelectorAll('[data-series="Forecast"] circle')).toHaveLength(2);
});

test('no history: the sentence instead of an empty chart', () => {
  render(<BurnUpChart history={[]} />);
  expect(screen.getByTestId('burn-up-chart-empty').textContent).toBe(burnUp([]).summary);
  expect(screen.queryByRole('img')).toBeNull();
});

test('sparkline needs two points; RAG lozenge always carries the word', () => {
  render(
    <>
      <Sparkline history={history.slice(0, 1)} label="Trend of A" />
      <RagLozenge rag="amber" />
    </>,
  );
  expect(screen.getByLabelText('Trend of A: not enough history yet')).toBeTruthy();
  expect(screen.getByTestId('rag-amber').textContent).toContain('Amber');
});
