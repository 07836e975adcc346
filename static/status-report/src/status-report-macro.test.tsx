import { render, screen, fireEvent } from '@testing-library/react';
import type { StatusReportView } from '../../../src/shared/progress';
import { ResolverCallError } from '../../common/src/resolver-client';
import { initiativeStatus, statusReport } from '../../common/src/status-fixtures';
import { StatusReportMacro, reportIdOf, type StatusReportDeps } from './status-report-macro';

const now = new Date('2026-11-27T10:00:00.000Z');
const deps = (over: Partial<StatusReportDeps> = {}): StatusReportDeps => ({
  getContext: () => Promise.resolve({ extension: { config: { reportId: 'report-1' } }, locale: 'en-US' }),
  getReport: () => Promise.resolve({ report: statusReport(), status: initiativeStatus() }),
  now: () => now,
  ...over,
});

test('reportIdOf reads only a string reportId from the macro config', () => {
  expect(reportIdOf({ config: { reportId: 'r' } })).toBe('r');
  expect(reportIdOf({ config: { reportId: 7 } })).toBe('');
  expect(reportIdOf({})).toBe('');
  expect(reportIdOf(null)).toBe('');
});

test('shows the three sections in order with the live numbers beside them', async () => {
  const asked: string[] = [];
  render(
    <StatusReportMacro
      deps={deps({
        getReport: (id) => {
          asked.push(id);
          return Promise.resolve({ report: statusReport(), status: initiativeStatus() });
        },
      })}
    />,
  );
  expect(screen.getByTestId('loading-state')).toBeTruthy();
  expect((await screen.findByTestId('status-section-problemAndImpact')).textContent).toBe(
    'Launch slips by 9 days.',
  );
  expect(asked).toEqual(['report-1']);
  const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(headings).toEqual([
    '1. The problem and its business impact',
    '2. Root cause and options considered',
    '3. Recommended path: resources and timeline',
  ]);
  expect(screen.getByTestId('status-section-rootCauseAndOptions').textContent).toBe(
    'The vendor API is late.',
  );
  expect(screen.getByTestId('status-section-recommendation').textContent).toBe(
    'Add one engineer for two weeks.',
  );
  expect(screen.getByTestId('status-initiative-title').textContent).toBe('Feature X launch');
  expect(screen.getByTestId('initiative-rag').textContent).toBe('Amber');
  expect(screen.getByTestId('initiative-reason').textContent).toContain('3 items blocked');
  expect(screen.getByTestId('initiative-percent').textContent).toBe('62%');
  expect(screen.getByTestId('initiative-dates').textContent).toBe('Dec 12 → Dec 21 (+9d)');
  expect(screen.getByTestId('initiative-blocked').textContent).toBe('3 (3 too long)');
  expect(screen.getByTestId('initiative-decisions').textContent).toBe('1');
  expect(screen.getByTestId('initiative-escalations').textContent).toBe('L2: 1');
  // Read-only: nothing to edit in the view.
  expect(screen.queryByRole('textbox')).toBeNull();
  expect(screen.queryByRole('button')).toBeNull();
});

test('an unwritten section says so; a hidden initiative shows no numbers', async () => {
  const view: StatusReportView = { report: statusReport({ rootCauseAndOptions: '  ' }), status: null };
  render(<StatusReportMacro deps={deps({ getReport: () => Promise.resolve(view) })} />);
  expect((await screen.findByTestId('status-no-initiative')).textContent).toMatch(
    /cannot see this initiative/,
  );
  expect(screen.getByText('Not written yet.')).toBeTruthy();
  expect(screen.queryByTestId('initiative-numbers')).toBeNull();
});

test('no initiative chosen asks the editor to choose one', async () => {
  const view: StatusReportView = { report: statusReport({ briefId: null }), status: null };
  render(<StatusReportMacro deps={deps({ getReport: () => Promise.resolve(view) })} />);
  expect((await screen.findByTestId('status-no-initiative')).textContent).toMatch(/No initiative chosen/);
});

test('an unconfigured macro shows the empty state without calling the resolver', async () => {
  const getReport = jest.fn();
  render(
    <StatusReportMacro deps={deps({ getContext: () => Promise.resolve({ extension: {} }), getReport })} />,
  );
  expect((await screen.findByTestId('empty-state')).textContent).toMatch(/not written yet/);
  expect(getReport).not.toHaveBeenCalled();
});

test('errors show the server sentence and retry loads again', async () => {
  let calls = 0;
  const getReport = () => {
    calls += 1;
    return calls === 1
      ? Promise.reject(new ResolverCallError('UPSTREAM', 'Jira did not answer. Try again in a minute.'))
      : Promise.resolve({ report: statusReport(), status: initiativeStatus() });
  };
  render(<StatusReportMacro deps={deps({ getReport })} />);
  expect((await screen.findByTestId('error-state')).textContent).toContain('Jira did not answer');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByTestId('status-report-view')).toBeTruthy();
  expect(calls).toBe(2);
});

test('a deleted report says it no longer exists', async () => {
  render(
    <StatusReportMacro
      deps={deps({ getReport: () => Promise.reject(new ResolverCallError('NOT_FOUND', 'No such report.')) })}
    />,
  );
  expect((await screen.findByTestId('error-state')).textContent).toContain(
    'This status report no longer exists',
  );
});

test('the live numbers list the pending DACI decisions with the Approver named by Jira', async () => {
  const pages: string[] = [];
  const withPending = {
    ...initiativeStatus(),
    pendingDecisions: [
      {
        id: 'd1',
        question: 'Share customer emails with the ad partner?',
        approverAccountId: '712020:grace',
        dueDate: '2026-11-29',
        overdue: false,
        pageId: '98307',
      },
    ],
    pendingDecisionsTotal: 1,
  };
  render(
    <StatusReportMacro
      deps={deps({
        getReport: () => Promise.resolve({ report: statusReport(), status: withPending }),
        jira: () =>
          Promise.resolve({
            ok: true,
            status: 200,
            json: () =>
              Promise.resolve({ values: [{ accountId: '712020:grace', displayName: 'Grace Miller' }] }),
          }),
        openPage: (p) => pages.push(p),
      })}
    />,
  );
  const link = await screen.findByRole('link', {
    name: /1 awaiting Grace Miller: Share customer emails… \(due in 2 days\)/,
  });
  fireEvent.click(link);
  expect(pages).toEqual(['/wiki/pages/viewpage.action?pageId=98307']);
});
