import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DecisionLog, DecisionLogRow } from '../../../src/shared/decision';
import { DecisionLogMacro, scopeOf, withLocalOverdue, type DecisionLogDeps } from './decision-log-macro';

const row = (over: Partial<DecisionLogRow>): DecisionLogRow => ({
  id: 'decision-1',
  question: 'Share e-mails or segments?',
  status: 'open',
  dueDate: '2026-03-09',
  overdue: false,
  daysLeft: 0,
  driver: 'p',
  approver: 'g',
  pageId: '98307',
  pageTitle: 'Launch brief',
  briefId: null,
  ...over,
});

// Server answered at 23:30 UTC on 9 March: for the server (UTC) the 9th is today, not overdue.
const LOG: DecisionLog = {
  rows: [
    row({}),
    row({ id: 'decision-2', question: 'Webinar date?', dueDate: '2026-03-12', driver: null, approver: null }),
  ],
  truncated: false,
  asOf: '2026-03-09T23:30:00.000Z',
};

const deps = (over: Partial<DecisionLogDeps> = {}): DecisionLogDeps => ({
  getContext: () => Promise.resolve({ extension: { config: { briefId: 'brief-launch' } } }),
  list: jest.fn(() => Promise.resolve(LOG)),
  names: () =>
    Promise.resolve(
      new Map([
        ['p', 'Priya'],
        ['g', 'Grace'],
      ]),
    ),
  openPage: jest.fn(),
  download: jest.fn(),
  now: () => '2026-03-09T23:30:00.000Z',
  timeZone: 'UTC',
  ...over,
});

test('the scope comes from the macro config: a brief, else this space', () => {
  expect(scopeOf({ config: { briefId: 'brief-1' } })).toEqual({ kind: 'brief', briefId: 'brief-1' });
  expect(scopeOf({ config: { scope: 'space' } })).toEqual({ kind: 'space' });
  expect(scopeOf(null)).toEqual({ kind: 'space' });
});

test.each([
  // In Berlin it is already 10 March: the decision due on the 9th is overdue for that viewer.
  ['Europe/Berlin', ['true', 'false']],
  // In New York it is still 9 March afternoon: due today, not overdue.
  ['America/New_York', ['false', 'false']],
  ['UTC', ['false', 'false']],
  // A zone the browser names wrongly falls back to UTC rather than failing the log.
  ['Not/AZone', ['false', 'false']],
])('overdue is judged on the viewer’s local date (%s)', async (timeZone, expected) => {
  const d = deps({ timeZone });
  render(<DecisionLogMacro deps={d} />);
  await waitFor(() => expect(screen.getAllByTestId('decision-log-row')).toHaveLength(2));
  expect(screen.getAllByTestId('decision-log-row').map((r) => r.getAttribute('data-overdue'))).toEqual(
    expected,
  );
  expect(d.list).toHaveBeenCalledWith({ scope: { kind: 'brief', briefId: 'brief-launch' }, status: 'open' });
});

test('decided decisions are never overdue, whatever the date', () => {
  const out = withLocalOverdue(
    { ...LOG, rows: [row({ status: 'decided', dueDate: '2020-01-01', overdue: true })] },
    '2026-03-09T12:00:00.000Z',
    'Europe/Berlin',
  );
  expect(out.rows[0]!.overdue).toBe(false);
});

test('rows show names read in the browser, open their page, filter by status and export CSV', async () => {
  const d = deps({ timeZone: 'Europe/Berlin' });
  render(<DecisionLogMacro deps={d} />);
  const first = (await screen.findAllByTestId('decision-log-row'))[0]!;
  await waitFor(() => expect(within(first).getByText('Priya')).toBeTruthy());
  expect(within(first).getByText(/\(overdue\)/)).toBeTruthy();
  fireEvent.click(within(first).getByText('Launch brief'));
  expect(d.openPage).toHaveBeenCalledWith('98307');
  fireEvent.click(screen.getByTestId('decision-log-csv'));
  const [fileName, csv] = (d.download as jest.Mock).mock.calls[0] as [string, string];
  expect(fileName).toBe('decisions.csv');
  expect(csv.split('\r\n')[1]).toBe(
    'Share e-mails or segments?,open,2026-03-09,yes,Priya,Grace,Launch brief',
  );
  fireEvent.change(screen.getByTestId('decision-log-status'), { target: { value: 'decided' } });
  await waitFor(() =>
    expect(d.list).toHaveBeenLastCalledWith({
      scope: { kind: 'brief', briefId: 'brief-launch' },
      status: 'decided',
    }),
  );
});

test('an empty log says so', async () => {
  render(<DecisionLogMacro deps={deps({ list: () => Promise.resolve({ ...LOG, rows: [] }) })} />);
  expect(await screen.findByText('No open decisions')).toBeTruthy();
});
