import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { RolesView } from '../../../src/shared/roles';
import type { RolesApi } from './api';
import type { Person } from '../../common/src/user-picker-people';
import { RolesContent, type RolesState } from './roles-content';
import { groupByPerson } from './roles-table';
import { AMARA, DAVID, ERIK, fakeJira, users } from './test-support/fake-jira';

const view = (over: Partial<RolesView>): RolesView => ({
  issueKey: 'LAUNCH-2',
  framework: 'RACI',
  assignments: [],
  source: 'none',
  findings: [],
  revision: 0,
  canEdit: true,
  ...over,
});

const people = new Map<string, Person>([
  [ERIK, { accountId: ERIK, displayName: 'Erik Lindqvist (Engineering Lead)' }],
  [AMARA, { accountId: AMARA, displayName: 'Amara Okafor (Engineer)' }],
]);

function makeApi(historyCalls: string[]): RolesApi {
  const fail = async () => {
    throw new Error('not in this test');
  };
  return {
    setRoles: fail,
    overrideRoles: fail,
    resetRoles: fail,
    ask: fail,
    tell: fail,
    respond: fail,
    history: async (issueKey) => {
      historyCalls.push(issueKey);
      return {
        issueKey,
        entries: [
          {
            at: '2026-03-01T10:00:00.000Z',
            accountId: ERIK,
            action: 'set',
            changes: [
              { accountId: AMARA, role: 'responsible', change: 'added' },
              { accountId: DAVID, role: 'consulted', change: 'removed' },
            ],
            frameworkBefore: 'RACI',
            frameworkAfter: 'RACI',
          },
        ],
      };
    },
    jira: fakeJira(users).request,
  };
}

function renderContent(state: RolesState, historyCalls: string[] = [], onRetry = () => undefined) {
  return render(
    <RolesContent
      state={state}
      api={makeApi(historyCalls)}
      onRetry={onRetry}
      onReload={async () => undefined}
      onOpenIssue={() => undefined}
      now={new Date('2026-03-01T12:00:00.000Z')}
    />,
  );
}

test('loading shows a labelled spinner', () => {
  renderContent({ kind: 'loading' });
  expect(screen.getByTestId('loading-state').textContent).toContain('Loading roles');
});

test('an error says what to do, with a retry that calls back', () => {
  let retried = 0;
  renderContent(
    { kind: 'error', message: 'LAUNCH-2 does not exist or you do not have permission to see it.' },
    [],
    () => {
      retried++;
    },
  );
  const error = screen.getByTestId('error-state');
  expect(error.textContent).toContain('Roles could not be loaded');
  fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
  expect(retried).toBe(1);
});

test('no assignments shows the empty state with what to do, and the picker for editors', () => {
  renderContent({ kind: 'loaded', data: { view: view({}), summary: '', people } });
  expect(screen.getByText('No roles on this issue yet')).toBeTruthy();
  expect(screen.getByTestId('empty-state').textContent).toContain('Accountable');
  expect(screen.getByTestId('roles-add-person')).toBeTruthy();
});

test('one row per person with role lozenges in order; unknown people still appear', () => {
  const roles = view({
    source: 'issue',
    revision: 3,
    assignments: [
      { accountId: AMARA, role: 'responsible' },
      { accountId: ERIK, role: 'responsible' },
      { accountId: ERIK, role: 'accountable' },
      { accountId: DAVID, role: 'consulted' },
    ],
    findings: [{ severity: 'warning', code: 'NO_INFORMED', message: 'No one is Informed yet.' }],
  });
  renderContent({ kind: 'loaded', data: { view: roles, summary: '', people } });
  const rows = screen.getAllByTestId('roles-row', { exact: false }).filter((el) => el.tagName === 'TR');
  ['Erik Lindqvist (Engineering Lead)', 'Amara Okafor (Engineer)', 'Unknown person'].forEach((name, i) =>
    expect(rows[i]!.textContent).toContain(name),
  );
  expect(
    rows.map((row) => [...row.querySelectorAll('[data-role]')].map((el) => el.getAttribute('data-role'))),
  ).toEqual([['accountable', 'responsible'], ['responsible'], ['consulted']]);
  expect(within(rows[0]!).getByLabelText('Accountable')).toBeTruthy();
  expect(screen.getByTestId('roles-finding').textContent).toContain('No one is Informed yet.');
});

test('History is read only when its tab is opened, with names and before → after', async () => {
  const calls: string[] = [];
  renderContent({ kind: 'loaded', data: { view: view({}), summary: '', people } }, calls);
  expect(calls).toEqual([]);
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
  });
  expect(calls).toEqual(['LAUNCH-2']);
  const entry = await screen.findByTestId('roles-history-entry');
  expect(entry.textContent).toContain('Erik Lindqvist (Engineering Lead) changed the roles');
  expect(entry.textContent).toContain('2 hours ago');
  expect(entry.textContent).toContain(
    '+ Amara Okafor (Engineer) as Responsible · − David Chen (Legal Counsel) as Consulted',
  );
});

test('groupByPerson merges a person holding several roles', () => {
  expect(
    groupByPerson([
      { accountId: 'x', role: 'informed' },
      { accountId: 'y', role: 'driver' },
      { accountId: 'x', role: 'approver' },
      { accountId: 'x', role: 'approver' },
    ]),
  ).toEqual([
    { accountId: 'x', roles: ['approver', 'informed'] },
    { accountId: 'y', roles: ['driver'] },
  ]);
});
