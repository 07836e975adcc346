import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SaveStatusReportPayload, StatusReportView } from '../../../src/shared/progress';
import type { BriefList } from '../../../src/shared/settings';
import { ResolverCallError } from '../../common/src/resolver-client';
import { initiativeStatus, statusReport } from '../../common/src/status-fixtures';
import { CONFLICT_TITLE, StatusReportConfig, type StatusReportConfigDeps } from './status-report-config';

const briefs: BriefList = {
  truncated: false,
  briefs: [
    {
      id: 'brief-launch',
      title: 'Feature X launch',
      status: 'approved',
      ownerAccountId: '712020:priya',
      updatedAt: '2026-11-20T10:00:00.000Z',
      pageId: '98307',
      pageUrl: '/wiki/spaces/LAUNCH/pages/98307',
    },
  ],
};

function fakes(over: Partial<StatusReportConfigDeps> = {}) {
  const saved: SaveStatusReportPayload[] = [];
  const submitted: Array<{ reportId: string }> = [];
  const deps: StatusReportConfigDeps = {
    getContext: () => Promise.resolve({ extension: { config: {} } }),
    getReport: () => Promise.resolve({ report: statusReport(), status: initiativeStatus() }),
    listBriefs: () => Promise.resolve(briefs),
    save: (payload) => {
      saved.push(payload);
      const view: StatusReportView = {
        report: statusReport({
          ...payload,
          id: payload.reportId ?? 'report-new',
          revision: payload.revision + 1,
        }),
        status: null,
      };
      return Promise.resolve(view);
    },
    submit: (config) => {
      submitted.push(config);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
    ...over,
  };
  return { deps, saved, submitted };
}

const field = (label: RegExp) => screen.getByLabelText<HTMLTextAreaElement>(label);

test('a new report: each heading has its guiding question; save sends revision 0, then submits the id', async () => {
  const { deps, saved, submitted } = fakes();
  render(<StatusReportConfig deps={deps} />);
  expect(await screen.findByRole('heading', { name: 'New status report' })).toBeTruthy();
  const problem = field(/The problem and its business impact/);
  expect(problem.getAttribute('aria-describedby')).toBe('status-problemAndImpact-help');
  expect(document.getElementById('status-problemAndImpact-help')?.textContent).toMatch(/cost the business/);
  fireEvent.change(problem, { target: { value: '  Launch slips.  ' } });
  fireEvent.change(field(/Root cause and options/), { target: { value: 'Vendor late.' } });
  fireEvent.change(field(/Recommended path/), { target: { value: 'Add an engineer.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(submitted).toEqual([{ reportId: 'report-new' }]));
  expect(saved).toEqual([
    {
      revision: 0,
      briefId: null,
      problemAndImpact: 'Launch slips.',
      rootCauseAndOptions: 'Vendor late.',
      recommendation: 'Add an engineer.',
    },
  ]);
});

test('an existing report loads its text and initiative and saves with its id and revision', async () => {
  const { deps, saved, submitted } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { reportId: 'report-1' } } }),
  });
  render(<StatusReportConfig deps={deps} />);
  expect(await screen.findByRole('heading', { name: 'Edit status report' })).toBeTruthy();
  expect(field(/The problem and its business impact/).value).toBe('Launch slips by 9 days.');
  expect(screen.getByText('Feature X launch')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(submitted).toEqual([{ reportId: 'report-1' }]));
  expect(saved[0]).toMatchObject({ reportId: 'report-1', revision: 3, briefId: 'brief-launch' });
});

test('a conflict says someone else changed it, does not submit, and Reload loads their version', async () => {
  let loads = 0;
  const { deps, submitted } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { reportId: 'report-1' } } }),
    getReport: () => {
      loads += 1;
      return Promise.resolve({
        report: statusReport({ problemAndImpact: loads === 1 ? 'Mine' : 'Theirs', revision: 2 + loads }),
        status: null,
      });
    },
    save: () => Promise.reject(new ResolverCallError('CONFLICT', 'Revision mismatch.')),
  });
  render(<StatusReportConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'Edit status report' });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByTestId('status-save-error')).textContent).toContain(CONFLICT_TITLE);
  expect(submitted).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(field(/The problem and its business impact/).value).toBe('Theirs'));
  expect(screen.queryByTestId('status-save-error')).toBeNull();
});

test('other save errors show the server sentence and keep the text', async () => {
  const { deps, submitted } = fakes({
    save: () => Promise.reject(new ResolverCallError('FORBIDDEN', 'You cannot edit this page.')),
  });
  render(<StatusReportConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'New status report' });
  fireEvent.change(field(/The problem and its business impact/), { target: { value: 'Keep me' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByTestId('status-save-error')).textContent).toContain(
    'You cannot edit this page.',
  );
  expect(field(/The problem and its business impact/).value).toBe('Keep me');
  expect(submitted).toEqual([]);
});

test('a load failure shows an error with retry', async () => {
  let calls = 0;
  const { deps } = fakes({
    listBriefs: () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new ResolverCallError('UPSTREAM', 'Confluence did not answer.'))
        : Promise.resolve(briefs);
    },
  });
  render(<StatusReportConfig deps={deps} />);
  expect((await screen.findByTestId('error-state')).textContent).toContain('Confluence did not answer.');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'New status report' })).toBeTruthy();
});

test('cancel closes without saving', async () => {
  const close = jest.fn(() => Promise.resolve());
  const { deps, saved } = fakes({ close });
  render(<StatusReportConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'New status report' });
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(close).toHaveBeenCalledTimes(1);
  expect(saved).toEqual([]);
});
