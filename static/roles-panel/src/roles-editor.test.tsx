import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { RolesView, SetRolesPayload } from '../../../src/shared/roles';
import { ResolverCallError } from '../../common/src/resolver-client';
import type { RolesApi } from './api';
import type { Person } from '../../common/src/user-picker-people';
import type { PanelData } from './read-roles';
import { CONFLICT_SENTENCE, RolesEditor } from './roles-editor';
import { AMARA, DAVID, ERIK, NAMES, fakeJira, users } from './test-support/fake-jira';

const NOW = new Date('2026-03-03T10:00:00.000Z');

const baseView = (over: Partial<RolesView> = {}): RolesView => ({
  issueKey: 'LAUNCH-4',
  framework: 'RACI',
  assignments: [{ accountId: ERIK, role: 'accountable' }],
  source: 'issue',
  findings: [],
  revision: 1,
  canEdit: true,
  responses: [],
  ...over,
});

const people = new Map<string, Person>(
  Object.entries(NAMES).map(([accountId, displayName]) => [accountId, { accountId, displayName }]),
);

const dataOf = (view: RolesView, over: Partial<PanelData> = {}): PanelData => ({
  view,
  summary: 'Onboarding checklist',
  parentKey: 'LAUNCH-1',
  people,
  ...over,
});

function fakeApi(over: Partial<RolesApi> = {}) {
  const sets: SetRolesPayload[] = [];
  const api: RolesApi = {
    setRoles: async (payload) => {
      sets.push(payload);
      return baseView({
        assignments: payload.assignments,
        framework: payload.framework,
        revision: payload.revision + 1,
      });
    },
    overrideRoles: async () => baseView(),
    resetRoles: async () => baseView(),
    history: async () => ({ issueKey: 'LAUNCH-4', entries: [] }),
    ask: async () => ({ commentId: '1' }),
    tell: async () => ({ notified: 1 }),
    respond: async () => baseView(),
    jira: fakeJira(users).request,
    ...over,
  };
  return { api, sets };
}

function renderEditor(
  view: RolesView,
  api: RolesApi,
  extra: { viewer?: string; data?: Partial<PanelData> } = {},
) {
  const reloads: number[] = [];
  const opened: string[] = [];
  render(
    <RolesEditor
      data={dataOf(view, extra.data)}
      api={api}
      {...(extra.viewer ? { viewerAccountId: extra.viewer } : {})}
      onReload={async () => {
        reloads.push(1);
      }}
      onOpenIssue={(key) => opened.push(key)}
      now={NOW}
    />,
  );
  return { reloads, opened };
}

/** The menu option showing `text` (react-select also announces it in a live region). */
async function option(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByText(text).find((el) => el.closest('[id*="-option-"]'));
    if (!found) throw new Error(`No option "${text}" yet`);
    return found;
  });
}

async function pickPerson(query: string, name: string) {
  fireEvent.change(screen.getByLabelText('Person'), { target: { value: query } });
  fireEvent.click(await option(name));
}

async function pickRole(label: string) {
  fireEvent.keyDown(screen.getByLabelText('Role'), { key: 'ArrowDown' });
  fireEvent.click(await option(label));
}

const rowsOf = () => screen.getAllByTestId('roles-row', { exact: false }).filter((el) => el.tagName === 'TR');

test('add a person through the picker, then Save sends roles/set with the draft and the base revision', async () => {
  const { api, sets } = fakeApi();
  const { reloads } = renderEditor(baseView(), api);
  expect(screen.queryByTestId('roles-save')).toBeNull();

  await pickPerson('amara', 'Amara Okafor (Engineer)');
  await pickRole('Responsible');
  fireEvent.click(screen.getByTestId('roles-add'));

  expect(rowsOf().map((r) => r.textContent)).toEqual([
    expect.stringContaining('Erik Lindqvist'),
    expect.stringContaining('Amara Okafor'),
  ]);
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  expect(sets).toEqual([
    {
      issueKey: 'LAUNCH-4',
      framework: 'RACI',
      assignments: [
        { accountId: ERIK, role: 'accountable' },
        { accountId: AMARA, role: 'responsible' },
      ],
      revision: 1,
    },
  ]);
  expect(reloads).toHaveLength(1);
  expect(screen.getByTestId('roles-notice').textContent).toBe('Roles saved.');
});

test("a refusal the browser cannot explain better is shown in the server's words", async () => {
  const sentence = 'You cannot edit LAUNCH-4. Ask a project admin for the Edit issues permission.';
  const { api } = fakeApi({
    setRoles: async () => {
      throw new ResolverCallError('FORBIDDEN', sentence, undefined, 'roles/set');
    },
  });
  renderEditor(baseView(), api);
  fireEvent.click(screen.getByRole('button', { name: /Remove Erik/ }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  expect(screen.getByTestId('roles-refusal').textContent).toBe(sentence);
});

test('remove a role with its labelled button', async () => {
  const { api, sets } = fakeApi();
  renderEditor(
    baseView({
      assignments: [
        { accountId: ERIK, role: 'accountable' },
        { accountId: DAVID, role: 'consulted' },
      ],
    }),
    api,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Remove David Chen (Legal Counsel) as Consulted' }));
  expect(rowsOf()).toHaveLength(1);
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  expect(sets[0]!.assignments).toEqual([{ accountId: ERIK, role: 'accountable' }]);
});

test("a refusal shows the server's sentence beside Save, with the names the browser knows, and keeps the draft", async () => {
  const serverSentence =
    'Only one person can be Accountable: someone else already is. Make this person Responsible instead, or replace the current Accountable.';
  const sentence =
    'Only one person can be Accountable: Erik Lindqvist (Engineering Lead) already is. Make Amara Okafor (Engineer) Responsible instead, or replace Erik Lindqvist (Engineering Lead).';
  const { api } = fakeApi({
    setRoles: async () => {
      throw new ResolverCallError('RULE_VIOLATION', serverSentence, { violations: [] }, 'roles/set');
    },
  });
  renderEditor(baseView(), api);
  await pickPerson('amara', 'Amara Okafor (Engineer)');
  await pickRole('Accountable');
  fireEvent.click(screen.getByTestId('roles-add'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  const refusal = screen.getByTestId('roles-refusal');
  expect(refusal.textContent).toBe(sentence);
  expect(refusal.getAttribute('role')).toBe('alert');
  expect(within(screen.getByTestId('roles-save-bar')).getByTestId('roles-refusal')).toBe(refusal);
  expect(rowsOf()).toHaveLength(2);
});

test('a conflict offers their version or mine; "Keep mine" saves the draft on their revision', async () => {
  const theirs = baseView({
    assignments: [{ accountId: DAVID, role: 'accountable' }],
    revision: 4,
    updatedBy: DAVID,
  });
  let first = true;
  const { api, sets } = fakeApi();
  const setRoles = api.setRoles;
  api.setRoles = async (payload) => {
    if (first) {
      first = false;
      sets.push(payload);
      throw new ResolverCallError(
        'CONFLICT',
        'Someone else changed the roles.',
        { current: theirs },
        'roles/set',
      );
    }
    return setRoles(payload);
  };
  renderEditor(baseView(), api);
  await pickPerson('amara', 'Amara Okafor (Engineer)');
  await pickRole('Informed');
  fireEvent.click(screen.getByTestId('roles-add'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  const conflict = screen.getByTestId('roles-conflict');
  expect(conflict.textContent).toContain(CONFLICT_SENTENCE);
  expect(conflict.textContent).toContain('David Chen (Legal Counsel) saved first.');
  await act(async () => {
    fireEvent.click(within(conflict).getByText('Keep mine'));
  });
  expect(sets.map((s) => s.revision)).toEqual([1, 4]);
  expect(sets[1]!.assignments).toContainEqual({ accountId: AMARA, role: 'informed' });
  await waitFor(() => expect(screen.queryByTestId('roles-conflict')).toBeNull());
});

test('"Show their version" drops the draft and reloads', async () => {
  const theirs = baseView({ revision: 4 });
  const { api } = fakeApi({
    setRoles: async () => {
      throw new ResolverCallError('CONFLICT', 'Changed.', { current: theirs }, 'roles/set');
    },
  });
  const { reloads } = renderEditor(baseView(), api);
  fireEvent.click(screen.getByRole('button', { name: /Remove Erik/ }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-save'));
  });
  await act(async () => {
    fireEvent.click(within(screen.getByTestId('roles-conflict')).getByText('Show their version'));
  });
  expect(screen.queryByTestId('roles-conflict')).toBeNull();
  expect(screen.queryByTestId('roles-save')).toBeNull();
  expect(rowsOf()).toHaveLength(1);
  expect(reloads).toHaveLength(1);
});

test('a viewer without edit rights sees the table, "View only", and no edit controls', () => {
  const { api } = fakeApi();
  renderEditor(baseView({ canEdit: false }), api);
  expect(screen.getByTestId('roles-view-only').textContent).toBe('View only');
  expect(rowsOf()).toHaveLength(1);
  expect(screen.queryByTestId('roles-add-person')).toBeNull();
  expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  expect(screen.queryByTestId('roles-framework')).toBeNull();
  expect(screen.getByTestId('roles-framework-label').textContent).toBe('RACI');
  expect(screen.queryByTestId('roles-reset')).toBeNull();
});

test('inherited roles: a link to where they come from, Override instead of editing', async () => {
  const overrides: unknown[] = [];
  const { api } = fakeApi({
    overrideRoles: async (payload) => {
      overrides.push(payload);
      return baseView();
    },
  });
  const { opened, reloads } = renderEditor(
    baseView({ source: 'inherited', inheritedFrom: 'LAUNCH-1', revision: 0 }),
    api,
  );
  expect(screen.getByTestId('roles-inherited').textContent).toBe('inherited from LAUNCH-1 ↗');
  fireEvent.click(screen.getByText('LAUNCH-1 ↗'));
  expect(opened).toEqual(['LAUNCH-1']);
  expect(screen.queryByTestId('roles-add-person')).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-override'));
  });
  expect(overrides).toEqual([{ issueKey: 'LAUNCH-4', revision: 0 }]);
  expect(reloads).toHaveLength(1);
});

test('own roles with a parent can be reset to inherited', async () => {
  const resets: unknown[] = [];
  const { api } = fakeApi({
    resetRoles: async (payload) => {
      resets.push(payload);
      return baseView({ source: 'inherited', inheritedFrom: 'LAUNCH-1', revision: 1 });
    },
  });
  renderEditor(baseView({ revision: 6 }), api);
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-reset'));
  });
  expect(resets).toEqual([{ issueKey: 'LAUNCH-4', revision: 6 }]);
});

test('findings follow the draft as it changes', async () => {
  const { api } = fakeApi();
  renderEditor(
    baseView({
      findings: [
        {
          severity: 'error',
          code: 'no-responsible',
          message: 'No one is Responsible yet. Add the person doing the work.',
        },
      ],
    }),
    api,
  );
  expect(screen.getAllByTestId('roles-finding').map((f) => f.textContent)).toEqual([
    'No one is Responsible yet. Add the person doing the work.',
  ]);
  await pickPerson('amara', 'Amara Okafor (Engineer)');
  await pickRole('Responsible');
  fireEvent.click(screen.getByTestId('roles-add'));
  expect(screen.queryAllByTestId('roles-finding')).toEqual([]);
});

test('status column: signed off with when, waiting, acknowledged', () => {
  const { api } = fakeApi();
  renderEditor(
    baseView({
      assignments: [
        { accountId: ERIK, role: 'accountable' },
        { accountId: DAVID, role: 'consulted' },
        { accountId: AMARA, role: 'informed' },
      ],
      responses: [
        { accountId: DAVID, kind: 'sign-off', at: '2026-03-01T10:00:00.000Z' },
        { accountId: AMARA, kind: 'acknowledge', at: '2026-03-02T10:00:00.000Z' },
      ],
    }),
    api,
  );
  expect(screen.getAllByTestId('roles-status').map((s) => s.textContent)).toEqual([
    '—',
    'signed off 2 days ago ✓',
    'acknowledged ✓',
  ]);
});

test('the Consulted viewer can sign off with a comment; the Accountable can be asked', async () => {
  const responds: unknown[] = [];
  const asks: unknown[] = [];
  const { api } = fakeApi({
    respond: async (payload) => {
      responds.push(payload);
      return baseView();
    },
    ask: async (payload) => {
      asks.push(payload);
      return { commentId: '7' };
    },
  });
  const { reloads } = renderEditor(
    baseView({
      assignments: [
        { accountId: ERIK, role: 'accountable' },
        { accountId: DAVID, role: 'consulted' },
      ],
    }),
    api,
    { viewer: DAVID },
  );
  expect(screen.queryByTestId('roles-acknowledge')).toBeNull();
  fireEvent.click(screen.getByTestId('roles-sign-off'));
  fireEvent.change(screen.getByLabelText('Your sign-off comment (optional)'), {
    target: { value: 'Terms are fine.' },
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-send'));
  });
  expect(responds).toEqual([{ issueKey: 'LAUNCH-4', kind: 'sign-off', comment: 'Terms are fine.' }]);
  expect(reloads).toHaveLength(1);

  fireEvent.click(screen.getByTestId('roles-ask'));
  expect(screen.getByTestId('roles-send')).toHaveProperty('disabled', true);
  fireEvent.change(screen.getByLabelText('Your question for the Accountable'), {
    target: { value: 'Ship Friday?' },
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('roles-send'));
  });
  expect(asks).toEqual([{ issueKey: 'LAUNCH-4', message: 'Ship Friday?' }]);
  expect(screen.getByTestId('roles-action-result').textContent).toContain(
    'Erik Lindqvist (Engineering Lead)',
  );
});
