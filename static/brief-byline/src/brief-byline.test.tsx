import { fireEvent, render, screen } from '@testing-library/react';
import { compactStatus } from '../../common/src/rag-status';
import { ResolverCallError } from '../../common/src/resolver-client';
import { initiativeStatus } from '../../common/src/status-fixtures';
import { BriefByline, NO_BRIEF_TEXT, type BylineDeps } from './brief-byline';

const deps = (over: Partial<BylineDeps> = {}): BylineDeps => ({
  getContext: () => Promise.resolve({ locale: 'en-GB' }),
  getByline: () => Promise.resolve({ status: initiativeStatus() }),
  ...over,
});

test.each([
  [{ rag: 'amber', percentDone: 62 }, 'Amber · 62% done'],
  [{ rag: 'red', percentDone: 0 }, 'Red · 0% done'],
  [{ rag: 'grey', percentDone: 0 }, 'No data · 0% done'],
  [{ rag: 'green', percentDone: 99 }, 'Green · 99% done'],
] as const)('compactStatus(%o) is %s', (status, expected) => {
  expect(compactStatus(status)).toBe(expected);
});

test('shows the compact status, the reason and the numbers', async () => {
  render(<BriefByline deps={deps()} />);
  expect((await screen.findByTestId('byline-compact')).textContent).toBe('Amber · 62% done');
  expect(screen.getByTestId('byline-title').textContent).toBe('Feature X launch');
  expect(screen.getByTestId('initiative-reason').textContent).toContain('forecast 9 days after baseline');
  expect(screen.getByTestId('initiative-dates').textContent).toBe('12 Dec → 21 Dec (+9d)');
  expect(screen.getByTestId('initiative-counts').textContent).toBe('8 of 13 done');
});

test('a page without a visible brief says so', async () => {
  render(<BriefByline deps={deps({ getByline: () => Promise.resolve({ status: null }) })} />);
  expect((await screen.findByTestId('byline-empty')).textContent).toBe(NO_BRIEF_TEXT);
});

test('an error shows the sentence and retries', async () => {
  let calls = 0;
  const getByline = () => {
    calls += 1;
    return calls === 1
      ? Promise.reject(new ResolverCallError('RATE_LIMITED', 'Jira is busy. Try again in a minute.'))
      : Promise.resolve({ status: initiativeStatus({ rag: 'green', percentDone: 88 }) });
  };
  render(<BriefByline deps={deps({ getByline })} />);
  expect((await screen.findByTestId('error-state')).textContent).toContain('Jira is busy');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect((await screen.findByTestId('byline-compact')).textContent).toBe('Green · 88% done');
});
