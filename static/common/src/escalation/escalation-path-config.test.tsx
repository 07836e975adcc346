import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { EscalationPath } from '../../../../src/domain/escalation/escalation-path';
import { describePath } from '../../../../src/domain/escalation';
import type { EscalationPathView, SavePathPayload } from '../../../../src/shared/escalation';
import { ResolverCallError } from '../resolver-client';
import { ERIK, NAMES, fakeJira } from '../../../roles-panel/src/test-support/fake-jira';
import {
  CONFLICT_TITLE,
  EscalationPathConfig,
  type EscalationPathConfigDeps,
} from './escalation-path-config';

const stored: EscalationPath = {
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
    pausedStatuses: ['Waiting for vendor'],
  },
  levels: [
    {
      name: 'Team lead',
      after: 'P1D',
      targets: [{ kind: 'role', role: 'issue-accountable' }],
      actions: ['comment'],
    },
    { name: 'Director', after: 'P3D', targets: [{ kind: 'person', accountId: ERIK }], actions: ['notify'] },
  ],
};

const viewOf = (
  path: EscalationPath,
  revision = 3,
  over: Partial<EscalationPathView> = {},
): EscalationPathView => ({
  pathId: path.id,
  path,
  description: describePath(path),
  enabled: true,
  pageId: '98307',
  ownerAccountId: ERIK,
  revision,
  updatedAt: '2026-11-20T10:00:00.000Z',
  canEdit: true,
  ...over,
});

const jira = fakeJira((path, query) =>
  path === '/rest/api/3/user/bulk'
    ? {
        status: 200,
        body: { values: query.getAll('accountId').map((id) => ({ accountId: id, displayName: NAMES[id] })) },
      }
    : undefined,
);

function fakes(over: Partial<EscalationPathConfigDeps> = {}) {
  const saved: SavePathPayload[] = [];
  const submitted: Array<{ pathId: string }> = [];
  const deps: EscalationPathConfigDeps = {
    getContext: () => Promise.resolve({ extension: { config: {} } }),
    getPath: () => Promise.resolve(viewOf(stored)),
    save: (payload) => {
      saved.push(payload);
      return Promise.resolve(
        viewOf(
          { ...(payload.path as EscalationPath), id: payload.pathId ?? 'path-new' },
          payload.revision + 1,
        ),
      );
    },
    submit: (config) => {
      submitted.push(config);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
    jira: jira.request,
    ...over,
  };
  return { deps, saved, submitted };
}

const input = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label);
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

test('a new path: problems appear beside their fields on Save, nothing is sent until they are fixed', async () => {
  const { deps, saved, submitted } = fakes();
  render(<EscalationPathConfig deps={deps} />);
  expect(await screen.findByRole('heading', { name: 'New escalation path' })).toBeTruthy();
  // No problems shown before the person tries to save.
  expect(screen.queryByTestId('path-problem-count')).toBeNull();
  fireEvent.change(input(/^Projects/), { target: { value: '' } });
  fireEvent.change(input(/^After/), {
    target: { value: 'two' },
  });
  fireEvent.change(input(/^Working hours/), { target: { value: '18:00' } });
  save();
  expect((await screen.findByTestId('problems-path-name-problems')).textContent).toBe(
    'Enter a name for the path.',
  );
  expect(input('Path name').getAttribute('aria-invalid')).toBe('true');
  expect(input('Path name').getAttribute('aria-describedby')).toBe('path-name-problems');
  expect(screen.getByTestId('problems-path-scope-problems').textContent).toMatch(
    /name a project or write a JQL filter/,
  );
  expect(screen.getByTestId('problems-level-0-after-problems').textContent).toBe(
    'Level 1: enter the delay as a whole number of days, e.g. 2.',
  );
  expect(screen.getByTestId('problems-calendar-hours-problems').textContent).toMatch(
    /must end after it starts/,
  );
  expect(screen.getByTestId('path-problem-count').textContent).toMatch(/Fix 4 problems/);
  expect(saved).toEqual([]);

  fireEvent.change(input('Path name'), { target: { value: 'Blocked launch work' } });
  fireEvent.change(input(/^Projects/), { target: { value: 'launch' } });
  fireEvent.change(input(/^After/), { target: { value: '2' } });
  fireEvent.change(input(/^Working hours/), { target: { value: '09:00' } });
  await waitFor(() => expect(screen.queryByTestId('path-problem-count')).toBeNull());
  save();
  await waitFor(() => expect(submitted).toEqual([{ pathId: 'path-new' }]));
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    revision: 0,
    enabled: false,
    path: {
      name: 'Blocked launch work',
      scope: { projects: ['LAUNCH'] },
      conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
      levels: [
        {
          name: 'Team lead',
          after: 'P2D',
          targets: [{ kind: 'role', role: 'issue-accountable' }],
          actions: ['comment', 'notify'],
        },
      ],
    },
  });
  expect(saved[0]).not.toHaveProperty('pathId');
});

test('an existing path loads with names, keeps its order, and saves with its id, revision and enabled', async () => {
  const { deps, saved, submitted } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { pathId: 'path-launch-blocked' } } }),
  });
  render(<EscalationPathConfig deps={deps} />);
  expect(await screen.findByRole('heading', { name: 'Edit escalation path' })).toBeTruthy();
  expect(input('Path name').value).toBe('Blocked launch work');
  const level2 = screen.getByTestId('level-1');
  expect(within(level2).getByText(NAMES[ERIK]!)).toBeTruthy();
  expect(input(/Statuses that pause the clock/).value).toBe('Waiting for vendor');
  // A level that must come later than the one before it: shown beside level 2's delay.
  const delays = screen.getAllByLabelText<HTMLInputElement>(/^After/);
  fireEvent.change(delays[1]!, { target: { value: '1' } });
  save();
  expect((await screen.findByTestId('problems-level-1-after-problems')).textContent).toMatch(
    /Level 2 must come later than level 1/,
  );
  expect(saved).toEqual([]);
  fireEvent.change(delays[1]!, { target: { value: '4' } });
  fireEvent.click(screen.getByLabelText(/Flagged/));
  fireEvent.click(screen.getByRole('button', { name: 'Move level 2 up' }));
  fireEvent.click(screen.getByRole('button', { name: 'Move level 1 down' }));
  save();
  await waitFor(() => expect(screen.queryByTestId('path-problem-count')).toBeNull());
  await waitFor(() => expect(submitted).toEqual([{ pathId: 'path-launch-blocked' }]));
  expect(saved[0]).toMatchObject({
    pathId: 'path-launch-blocked',
    revision: 3,
    enabled: true,
    path: {
      conditions: [{ kind: 'status-in', statuses: ['Blocked'] }, { kind: 'flagged' }],
      calendar: {
        timeZone: 'Europe/Berlin',
        holidays: { country: 'DE' },
        pausedStatuses: ['Waiting for vendor'],
      },
      levels: [
        { name: 'Team lead', after: 'P1D' },
        { name: 'Director', after: 'P4D', targets: [{ kind: 'person', accountId: ERIK }] },
      ],
    },
  });
  // Display names never go to the server: the document stores account ids only.
  expect(JSON.stringify(saved[0])).not.toContain('Erik Lindqvist');
});

test('add-label needs a label: shown beside the label field', async () => {
  const { deps, saved } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { pathId: 'path-launch-blocked' } } }),
  });
  render(<EscalationPathConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'Edit escalation path' });
  fireEvent.click(within(screen.getByTestId('level-0')).getByLabelText('Add a label'));
  save();
  expect((await screen.findByTestId('problems-level-0-label-problems')).textContent).toBe(
    'Level 1: enter the label that add-label adds.',
  );
  expect(saved).toEqual([]);
});

test('a conflict says someone else changed it, does not submit, and Reload loads their version', async () => {
  let loads = 0;
  const { deps, submitted } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { pathId: 'path-launch-blocked' } } }),
    getPath: () => {
      loads += 1;
      return Promise.resolve(viewOf({ ...stored, name: loads === 1 ? 'Mine' : 'Theirs' }, 3 + loads));
    },
    save: () => Promise.reject(new ResolverCallError('CONFLICT', 'Someone saved this escalation path.')),
  });
  render(<EscalationPathConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'Edit escalation path' });
  save();
  expect((await screen.findByTestId('path-save-error')).textContent).toContain(CONFLICT_TITLE);
  expect(submitted).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(input('Path name').value).toBe('Theirs'));
  expect(screen.queryByTestId('path-save-error')).toBeNull();
});

test('FORBIDDEN shows the server sentence with what to do; server problems land beside their fields', async () => {
  const { deps, submitted } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { pathId: 'path-launch-blocked' } } }),
    save: () =>
      Promise.reject(
        new ResolverCallError(
          'FORBIDDEN',
          'Only people who can edit this page can change its escalation path. Ask the page owner to give you edit access.',
        ),
      ),
  });
  const { unmount } = render(<EscalationPathConfig deps={deps} />);
  await screen.findByRole('heading', { name: 'Edit escalation path' });
  save();
  const error = await screen.findByTestId('path-save-error');
  expect(error.textContent).toContain('You cannot change this escalation path');
  expect(error.textContent).toContain('Ask the page owner');
  expect(submitted).toEqual([]);
  unmount();

  const invalid = fakes({
    save: () =>
      Promise.reject(
        new ResolverCallError('INVALID_INPUT', 'Not saved.', {
          problems: [
            {
              field: 'scope.jql',
              message: 'Remove ORDER BY from the JQL filter: the path only selects issues.',
            },
          ],
        }),
      ),
  });
  render(<EscalationPathConfig deps={invalid.deps} />);
  await screen.findByRole('heading', { name: 'New escalation path' });
  fireEvent.change(input('Path name'), { target: { value: 'x' } });
  fireEvent.change(input(/^Projects/), { target: { value: 'LAUNCH' } });
  save();
  expect((await screen.findByTestId('problems-path-scope-problems')).textContent).toContain(
    'Remove ORDER BY',
  );
});

test('a viewer who cannot edit sees View only and no working Save', async () => {
  const { deps } = fakes({
    getContext: () => Promise.resolve({ extension: { config: { pathId: 'path-launch-blocked' } } }),
    getPath: () => Promise.resolve(viewOf(stored, 3, { canEdit: false })),
  });
  render(<EscalationPathConfig deps={deps} />);
  expect(await screen.findByText('View only')).toBeTruthy();
  expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
});
