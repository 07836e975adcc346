import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describePath } from '../../../src/domain/escalation';
import type { EscalationPath } from '../../../src/domain/escalation/escalation-path';
import type { DryRunResult, EscalationPathView } from '../../../src/shared/escalation';
import { ResolverCallError } from '../../common/src/resolver-client';
import { ERIK, NAMES, fakeJira } from '../../roles-panel/src/test-support/fake-jira';
import { EscalationPathMacro, type EscalationPathMacroDeps, withNames } from './escalation-path-macro';
import { dryRunCsv } from '../../common/src/escalation/dry-run';

const path: EscalationPath = {
  id: 'path-launch-blocked',
  name: 'Blocked launch work',
  scope: { projects: ['LAUNCH'] },
  match: 'all',
  conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
  calendar: {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    hours: { start: '09:00', end: '17:00' },
    holidays: { country: 'DE' },
    pausedStatuses: [],
  },
  levels: [
    {
      name: 'Team lead',
      after: 'P1D',
      targets: [{ kind: 'role', role: 'issue-accountable' }],
      actions: ['comment', 'notify'],
    },
    { name: 'Director', after: 'P3D', targets: [{ kind: 'person', accountId: ERIK }], actions: ['notify'] },
  ],
};

const view = (over: Partial<EscalationPathView> = {}): EscalationPathView => ({
  pathId: path.id,
  path,
  description: describePath(path),
  enabled: true,
  pageId: '98307',
  ownerAccountId: ERIK,
  revision: 1,
  updatedAt: '2026-11-20T10:00:00.000Z',
  canEdit: true,
  ...over,
});

const result: DryRunResult = {
  pathId: path.id,
  now: '2026-11-24T10:00:00.000Z',
  candidateJql: 'project in (LAUNCH) AND status in ("Blocked")',
  candidates: 2,
  truncated: false,
  issues: [
    {
      issueKey: 'LAUNCH-3',
      summary: 'Billing API integration, "phase 1"',
      level: 1,
      levelName: 'Team lead',
      dueAt: '2026-11-23T10:00:00.000Z',
      targets: [{ accountId: ERIK, label: "Erik Lindqvist (the issue's Accountable)" }],
      actions: ['comment', 'notify'],
      reasons: ['It is Blocked.'],
    },
  ],
};

function fakes(over: Partial<EscalationPathMacroDeps> = {}) {
  const jira = fakeJira((p, q) =>
    p === '/rest/api/3/user/bulk'
      ? {
          status: 200,
          body: { values: q.getAll('accountId').map((id) => ({ accountId: id, displayName: NAMES[id] })) },
        }
      : undefined,
  );
  const opened: string[] = [];
  const downloads: Array<{ filename: string; text: string }> = [];
  const deps: EscalationPathMacroDeps = {
    getContext: () => Promise.resolve({ extension: { config: { pathId: path.id } } }),
    getPath: () => Promise.resolve(view()),
    dryRun: () => Promise.resolve(result),
    jira: jira.request,
    openSearch: (p) => opened.push(p),
    download: (filename, text) => downloads.push({ filename, text }),
    ...over,
  };
  return { deps, opened, downloads, jira };
}

test('reads as a document with people by name and an Enabled lozenge', async () => {
  const { deps, jira } = fakes();
  render(<EscalationPathMacro deps={deps} />);
  const doc = await screen.findByTestId('path-document');
  expect(doc.textContent).toContain('When an issue in LAUNCH is Blocked');
  expect(doc.textContent).toContain('public holidays in Germany');
  const levels = within(doc).getAllByRole('listitem');
  expect(levels[0]?.textContent).toBe(
    "Level 1 (Team lead) after 1 business day → the issue's Accountable · comment + notify",
  );
  expect(levels[1]?.textContent).toContain(`→ ${NAMES[ERIK]} · notify`);
  expect(screen.getByTestId('path-state').textContent).toBe('Enabled');
  expect(jira.calls).toHaveLength(1);
});

test('a draft says so; no path shows the empty state', async () => {
  const { deps } = fakes({ getPath: () => Promise.resolve(view({ enabled: false })) });
  const { unmount } = render(<EscalationPathMacro deps={deps} />);
  expect((await screen.findByTestId('path-state')).textContent).toBe('Draft');
  unmount();
  const empty = fakes({ getContext: () => Promise.resolve({ extension: { config: {} } }) });
  render(<EscalationPathMacro deps={empty.deps} />);
  expect((await screen.findByTestId('empty-state')).textContent).toContain('No escalation path yet');
});

test('Dry run lists issue → level → targets → actions → due, exports CSV and opens the candidate search', async () => {
  const { deps, opened, downloads } = fakes();
  render(<EscalationPathMacro deps={deps} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
  const table = await screen.findByTestId('dry-run');
  const row = within(table).getAllByRole('row')[1]!;
  expect(row.textContent).toContain('LAUNCH-3');
  expect(row.textContent).toContain('1 (Team lead)');
  expect(row.textContent).toContain("Erik Lindqvist (the issue's Accountable)");
  expect(row.textContent).toContain('comment, notify');
  fireEvent.click(within(table).getByRole('button', { name: 'Export CSV' }));
  expect(downloads[0]?.filename).toBe('escalation-dry-run-path-launch-blocked.csv');
  expect(downloads[0]?.text.split('\r\n')[1]).toBe(
    'LAUNCH-3,"Billing API integration, ""phase 1""",1,Team lead,Erik Lindqvist (the issue\'s Accountable),comment; notify,2026-11-23T10:00:00.000Z,It is Blocked.',
  );
  fireEvent.click(within(table).getByRole('link', { name: 'Open the candidates in Jira search' }));
  expect(opened).toEqual([`/issues/?jql=${encodeURIComponent(result.candidateJql)}`]);
});

test('errors say what happened with a retry', async () => {
  let calls = 0;
  const { deps } = fakes({
    getPath: () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(
            new ResolverCallError('FORBIDDEN', 'You cannot view the page this escalation path is on.'),
          )
        : Promise.resolve(view());
    },
    dryRun: () => Promise.reject(new ResolverCallError('UPSTREAM', 'Jira did not answer.')),
  });
  render(<EscalationPathMacro deps={deps} />);
  expect((await screen.findByTestId('error-state')).textContent).toContain('You cannot view the page');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
  await waitFor(() =>
    expect(screen.getByTestId('error-state').textContent).toContain('Jira did not answer.'),
  );
});

test('dryRunCsv has a header row', () => {
  expect(dryRunCsv({ ...result, issues: [] })).toBe(
    'Issue,Summary,Level,Level name,Targets,Actions,Due,Why\r\n',
  );
});

test('the dry-run CSV neutralises a summary a spreadsheet would run as a formula', async () => {
  const { deps, downloads } = fakes({
    dryRun: () =>
      Promise.resolve({
        ...result,
        issues: [{ ...result.issues[0]!, summary: '=HYPERLINK("http://evil","x")' }],
      }),
  });
  render(<EscalationPathMacro deps={deps} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
  const table = await screen.findByTestId('dry-run');
  fireEvent.click(within(table).getByRole('button', { name: 'Export CSV' }));
  expect(downloads[0]?.text.split('\r\n')[1]).toMatch(
    /^LAUNCH-3,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",1,Team lead,/,
  );
  expect(
    dryRunCsv({
      ...result,
      issues: [{ ...result.issues[0]!, summary: '@SUM(A1)', levelName: '+1', reasons: ['-2'] }],
    }),
  ).toBe(
    'Issue,Summary,Level,Level name,Targets,Actions,Due,Why\r\n' +
      `LAUNCH-3,"'@SUM(A1)",1,"'+1",Erik Lindqvist (the issue's Accountable),comment; notify,2026-11-23T10:00:00.000Z,"'-2"\r\n`,
  );
});

test('a dry-run target the server labels by role only is named by the browser (user/bulk as the viewer)', async () => {
  const { deps } = fakes({
    dryRun: () =>
      Promise.resolve({
        ...result,
        issues: [{ ...result.issues[0]!, targets: [{ accountId: ERIK, label: "the issue's Accountable" }] }],
      }),
  });
  render(<EscalationPathMacro deps={deps} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
  const row = within(await screen.findByTestId('dry-run')).getAllByRole('row')[1]!;
  expect(row.textContent).toContain(`${NAMES[ERIK]} (the issue's Accountable)`);
});

test('withNames leaves a label that already names the person, and targets without an account', () => {
  const named = withNames(
    {
      ...result,
      issues: [
        {
          ...result.issues[0]!,
          targets: [...result.issues[0]!.targets, { group: 'legal', label: 'the group legal (no members)' }],
        },
      ],
    },
    new Map([[ERIK, 'Erik Lindqvist']]),
  );
  expect(named.issues[0]!.targets.map((t) => t.label)).toEqual([
    "Erik Lindqvist (the issue's Accountable)",
    'the group legal (no members)',
  ]);
});
