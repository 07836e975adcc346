import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describePath } from '../../../src/domain/escalation';
import type { EscalationPath } from '../../../src/domain/escalation/escalation-path';
import type {
  AuditPayload,
  DryRunResult,
  EscalationAuditEntry,
  EscalationDefaults,
  EscalationPathView,
  SaveDefaultsPayload,
  SavePathPayload,
} from '../../../src/shared/escalation';
import { ResolverCallError } from '../../common/src/resolver-client';
import { ERIK, NAMES, fakeJira } from '../../roles-panel/src/test-support/fake-jira';
import { EscalationSection, type EscalationAdminApi } from './escalation-section';
import { auditCsv } from './escalation-csv';
import type { SitePathApi } from './site-path';

const BERLIN = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5] as Array<1 | 2 | 3 | 4 | 5 | 6 | 7>,
  hours: { start: '09:00', end: '17:00' },
  holidays: { country: 'DE' },
  pausedStatuses: [],
};

const entry = (issueKey: string, kind: EscalationAuditEntry['kind'], at: string): EscalationAuditEntry => ({
  at,
  issueKey,
  pathId: 'path-launch-blocked',
  pathName: 'Blocked launch work',
  episodeId: 'ep-1',
  kind,
  ...(kind === 'level-fired'
    ? {
        level: 1,
        targets: [{ accountId: ERIK, label: "Erik Lindqvist (the issue's Accountable)" }],
        actions: [
          { action: 'comment', ok: true },
          { action: 'notify', ok: false, detail: 'Jira said 503' },
        ],
      }
    : {}),
});

const AUDIT = [
  entry('LAUNCH-3', 'level-fired', '2027-03-10T09:01:00.000Z'),
  entry('LAUNCH-3', 'episode-started', '2027-03-09T09:00:00.000Z'),
  entry('MKT-2', 'episode-started', '2027-03-08T09:00:00.000Z'),
];

let failNextDryRun = false;

/** What the admin resolver's `escalation/dry-run` answers for the site path: targets by role label only. */
const DRY_RUN: DryRunResult = {
  pathId: 'path-site',
  now: '2027-03-10T10:00:00.000Z',
  candidateJql: 'project in (LAUNCH, MKT) AND status in ("Blocked")',
  candidates: 3,
  issues: [
    {
      issueKey: 'LAUNCH-3',
      summary: 'Payment API, sandbox keys',
      level: 1,
      levelName: 'Team lead',
      dueAt: '2027-03-10T09:00:00.000Z',
      targets: [{ accountId: ERIK, label: "the issue's Accountable" }],
      actions: ['comment', 'notify'],
      reasons: ['Status is Blocked.'],
    },
  ],
  truncated: false,
};

function fakes() {
  let defaults: EscalationDefaults = { calendar: BERLIN, sitePathId: null, revision: 2 };
  const savedDefaults: SaveDefaultsPayload[] = [];
  const auditAsked: AuditPayload[] = [];
  const savedPaths: SavePathPayload[] = [];
  const stored = new Map<string, EscalationPathView>();
  const paths = [
    {
      pathId: 'path-launch-blocked',
      name: 'Blocked launch work',
      enabled: true,
      pageId: '98307',
      pageUrl: '/wiki/spaces/LAUNCH/pages/98307',
      ownerAccountId: ERIK,
      updatedAt: '2027-03-01T10:00:00.000Z',
    },
  ];
  const api: EscalationAdminApi = {
    defaults: () => Promise.resolve(defaults),
    saveDefaults: (payload) => {
      savedDefaults.push(payload);
      defaults = { ...defaults, calendar: payload.calendar, revision: payload.revision + 1 };
      return Promise.resolve(defaults);
    },
    paths: () => Promise.resolve({ paths: [...paths] }),
    audit: (payload) => {
      auditAsked.push(payload);
      const entries = AUDIT.filter((e) => !payload.issueKey || e.issueKey === payload.issueKey);
      return Promise.resolve({ entries, cursor: null });
    },
  };
  const dryRunsAsked: string[] = [];
  const sitePath: SitePathApi = {
    getPath: (pathId) => Promise.resolve(stored.get(pathId)!),
    dryRun: (pathId) => {
      dryRunsAsked.push(pathId);
      if (failNextDryRun) {
        failNextDryRun = false;
        return Promise.reject(
          new ResolverCallError('FORBIDDEN', 'Only Jira administrators can run the site path.'),
        );
      }
      return Promise.resolve({ ...DRY_RUN, pathId });
    },
    savePath: (payload) => {
      savedPaths.push(payload);
      const path = { ...(payload.path as EscalationPath), id: payload.pathId ?? 'path-site' };
      const view: EscalationPathView = {
        pathId: path.id,
        path,
        description: describePath(path),
        enabled: payload.enabled,
        pageId: null,
        ownerAccountId: ERIK,
        revision: payload.revision + 1,
        updatedAt: '2027-03-10T10:00:00.000Z',
        canEdit: true,
      };
      stored.set(path.id, view);
      defaults = { ...defaults, sitePathId: path.id };
      paths.unshift({
        pathId: path.id,
        name: path.name,
        enabled: payload.enabled,
        pageId: null as unknown as string,
        pageUrl: null as unknown as string,
        ownerAccountId: ERIK,
        updatedAt: view.updatedAt,
      });
      return Promise.resolve(view);
    },
  };
  const downloads: Array<{ filename: string; text: string }> = [];
  const opened: string[] = [];
  const searches: string[] = [];
  const jira = fakeJira((p, q) =>
    p === '/rest/api/3/user/bulk'
      ? {
          status: 200,
          body: { values: q.getAll('accountId').map((id) => ({ accountId: id, displayName: NAMES[id] })) },
        }
      : undefined,
  );
  const ui = (
    <EscalationSection
      api={api}
      sitePath={{ api: sitePath, jira: jira.request, openSearch: (path) => searches.push(path) }}
      names={(ids) => Promise.resolve(new Map(ids.map((id) => [id, NAMES[id] ?? id])))}
      download={(filename, text) => downloads.push({ filename, text })}
      onOpenIssue={(key) => opened.push(key)}
    />
  );
  return { ui, savedDefaults, auditAsked, savedPaths, downloads, opened, searches, dryRunsAsked, jira };
}

test('the defaults form loads the site calendar, shows a problem beside its field, and saves with its revision', async () => {
  const { ui, savedDefaults } = fakes();
  render(ui);
  const start = await screen.findByLabelText<HTMLInputElement>('Working hours');
  expect(start.value).toBe('09:00');
  fireEvent.change(start, { target: { value: '18:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
  expect((await screen.findByText(/must end after it starts/)).id).toBe('defaults-hours-problems');
  expect(savedDefaults).toEqual([]);
  fireEvent.change(start, { target: { value: '08:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
  await screen.findByText('Saved. New escalation paths start from this calendar.');
  expect(savedDefaults).toEqual([
    { calendar: { ...BERLIN, hours: { start: '08:00', end: '17:00' } }, revision: 2 },
  ]);
});

test('the path list names the owner and the page; the audit log filters by issue and exports CSV', async () => {
  const { ui, auditAsked, downloads, opened } = fakes();
  render(ui);
  const paths = await screen.findByTestId('paths-table');
  const row = within(paths).getAllByRole('row')[1]!;
  expect(row.textContent).toContain('Blocked launch work');
  expect(row.textContent).toContain(NAMES[ERIK]);
  expect(row.textContent).toContain('Enabled');
  expect(within(row).getByRole('link', { name: 'Open page' }).getAttribute('href')).toBe(
    '/wiki/spaces/LAUNCH/pages/98307',
  );

  const audit = await screen.findByTestId('audit-table');
  expect(within(audit).getAllByRole('row')).toHaveLength(4);
  expect(within(audit).getAllByRole('row')[1]!.textContent).toContain('notify failed: Jira said 503');
  fireEvent.change(screen.getByLabelText('Issue key'), { target: { value: 'mkt-2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
  await waitFor(() => expect(within(screen.getByTestId('audit-table')).getAllByRole('row')).toHaveLength(2));
  expect(auditAsked.at(-1)).toEqual({ issueKey: 'MKT-2' });
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect(downloads[0]!.filename).toBe('escalation-audit-MKT-2.csv');
  expect(downloads[0]!.text).toContain('MKT-2');
  expect(downloads[0]!.text).not.toContain('LAUNCH-3');
  fireEvent.click(within(screen.getByTestId('audit-table')).getByRole('link', { name: 'MKT-2' }));
  expect(opened).toEqual(['MKT-2']);
});

test('an admin creates the site default path with the macro’s editor, starting from the site calendar', async () => {
  const { ui, savedPaths } = fakes();
  render(ui);
  const site = await screen.findByTestId('site-path');
  expect(within(site).getByTestId('site-path-none')).toBeTruthy();
  fireEvent.click(within(site).getByRole('button', { name: 'Create a site default path' }));
  expect(await within(site).findByRole('heading', { name: 'New escalation path' })).toBeTruthy();
  // A bad value is shown beside its field, and nothing is saved.
  fireEvent.click(within(site).getByRole('button', { name: 'Save' }));
  expect((await within(site).findByTestId('problems-path-name-problems')).textContent).toBe(
    'Enter a name for the path.',
  );
  expect(savedPaths).toEqual([]);
  fireEvent.change(within(site).getByLabelText('Path name'), { target: { value: 'Anything blocked' } });
  fireEvent.change(within(site).getByLabelText(/^Projects/), { target: { value: 'LAUNCH, MKT' } });
  fireEvent.click(within(site).getByRole('button', { name: 'Save' }));
  await within(site).findByTestId('site-path-document');
  expect(savedPaths).toHaveLength(1);
  expect(savedPaths[0]).toMatchObject({
    revision: 0,
    enabled: false,
    path: { name: 'Anything blocked', scope: { projects: ['LAUNCH', 'MKT'] }, calendar: BERLIN },
  });
  expect(savedPaths[0]).not.toHaveProperty('pathId');
  expect(within(site).getByTestId('site-path-document').textContent).toContain('When an issue in LAUNCH');
  expect(within(site).getByRole('button', { name: 'Edit the site default path' })).toBeTruthy();
  // The list of paths is read again and shows the site path.
  await waitFor(() => expect(screen.getByTestId('paths-table').textContent).toContain('Site default'));
});

test('the site default path dry-runs on the admin page: issue, level, named targets, CSV and the candidate search', async () => {
  const { ui, downloads, searches, dryRunsAsked, savedPaths } = fakes();
  render(ui);
  const site = await screen.findByTestId('site-path');
  fireEvent.click(within(site).getByRole('button', { name: 'Create a site default path' }));
  await within(site).findByRole('heading', { name: 'New escalation path' });
  fireEvent.change(within(site).getByLabelText('Path name'), { target: { value: 'Anything blocked' } });
  fireEvent.change(within(site).getByLabelText(/^Projects/), { target: { value: 'LAUNCH, MKT' } });
  fireEvent.click(within(site).getByRole('button', { name: 'Save' }));
  await within(site).findByTestId('site-path-document');
  expect(savedPaths).toHaveLength(1);

  fireEvent.click(within(site).getByRole('button', { name: 'Dry run' }));
  const table = await within(site).findByTestId('dry-run');
  expect(dryRunsAsked).toEqual(['path-site']);
  expect(table.textContent).toContain('1 of 3 candidate issues would escalate');
  const row = within(table).getAllByRole('row')[1]!;
  expect(row.textContent).toContain('LAUNCH-3');
  expect(row.textContent).toContain('1 (Team lead)');
  // The browser names the person behind the role label (user/bulk as the admin).
  expect(row.textContent).toContain(`${NAMES[ERIK]} (the issue's Accountable)`);
  expect(row.textContent).toContain('comment, notify');

  fireEvent.click(within(table).getByRole('button', { name: 'Export CSV' }));
  expect(downloads).toHaveLength(1);
  expect(downloads[0]!.filename).toBe('escalation-dry-run-path-site.csv');
  expect(downloads[0]!.text.split('\r\n')[1]).toContain('LAUNCH-3');
  expect(downloads[0]!.text).toContain(NAMES[ERIK]);
  fireEvent.click(within(table).getByRole('link', { name: 'Open the candidates in Jira search' }));
  expect(searches).toEqual([`/issues/?jql=${encodeURIComponent(DRY_RUN.candidateJql)}`]);
});

test('a failed dry run of the site path says why and offers a retry', async () => {
  const f = fakes();
  render(f.ui);
  const site = await screen.findByTestId('site-path');
  fireEvent.click(within(site).getByRole('button', { name: 'Create a site default path' }));
  await within(site).findByRole('heading', { name: 'New escalation path' });
  fireEvent.change(within(site).getByLabelText('Path name'), { target: { value: 'Anything blocked' } });
  fireEvent.change(within(site).getByLabelText(/^Projects/), { target: { value: 'LAUNCH' } });
  fireEvent.click(within(site).getByRole('button', { name: 'Save' }));
  await within(site).findByTestId('site-path-document');
  failNextDryRun = true;
  fireEvent.click(within(site).getByRole('button', { name: 'Dry run' }));
  expect(await within(site).findByText('Only Jira administrators can run the site path.')).toBeTruthy();
  fireEvent.click(within(site).getByRole('button', { name: 'Try again' }));
  expect(await within(site).findByTestId('dry-run')).toBeTruthy();
});

test('the audit CSV neutralises cells a spreadsheet would run as a formula', () => {
  const csv = auditCsv([
    {
      ...entry('LAUNCH-3', 'episode-started', '2027-03-09T09:00:00.000Z'),
      pathName: '=cmd|calc',
      reason: '@SUM(A1)',
    },
  ]);
  expect(csv.split('\r\n')).toEqual([
    'At,Issue,Path,Step,Level,Targets,Actions,Reason,Account',
    `2027-03-09T09:00:00.000Z,LAUNCH-3,"'=cmd|calc",episode-started,,,,"'@SUM(A1)",`,
    '',
  ]);
});
