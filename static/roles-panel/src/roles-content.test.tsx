import { fireEvent, render, screen, within } from '@testing-library/react';
import type { RolesView } from '../../../src/shared/roles';
import type { Person } from './people';
import { RolesContent } from './roles-content';
import { groupByPerson } from './roles-table';

const ERIK = '712020:erik';
const AMARA = '712020:amara';
const DAVID = '712020:david';

const view = (over: Partial<RolesView>): RolesView => ({
  issueKey: 'LAUNCH-2',
  framework: 'RACI',
  assignments: [],
  source: 'none',
  findings: [],
  revision: 0,
  ...over,
});

const people = new Map<string, Person>([
  [ERIK, { accountId: ERIK, displayName: 'Erik Lindqvist (Engineering Lead)' }],
  [AMARA, { accountId: AMARA, displayName: 'Amara Okafor (Engineer)' }],
]);

test('loading shows a labelled spinner', () => {
  render(<RolesContent state={{ kind: 'loading' }} onRetry={() => undefined} />);
  expect(screen.getByTestId('loading-state').textContent).toContain('Loading roles');
});

test("an error shows the server's sentence and a retry that calls back", () => {
  let retried = 0;
  render(
    <RolesContent
      state={{ kind: 'error', message: 'You cannot see LAUNCH-2. Ask a project admin for access.' }}
      onRetry={() => retried++}
    />,
  );
  const error = screen.getByTestId('error-state');
  expect(error.textContent).toContain('Roles could not be loaded');
  expect(error.textContent).toContain('Ask a project admin for access.');
  fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
  expect(retried).toBe(1);
});

test('no assignments shows the empty state with what to do', () => {
  render(<RolesContent state={{ kind: 'loaded', roles: view({}), people }} onRetry={() => undefined} />);
  expect(screen.getByText('No roles on this issue yet')).toBeTruthy();
  expect(screen.getByTestId('empty-state').textContent).toContain('Accountable');
  expect(screen.queryByTestId('roles-table')).toBeNull();
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
  render(<RolesContent state={{ kind: 'loaded', roles, people }} onRetry={() => undefined} />);
  const rows = screen.getAllByTestId('roles-row', { exact: false }).filter((el) => el.tagName === 'TR');
  const names = ['Erik Lindqvist (Engineering Lead)', 'Amara Okafor (Engineer)', 'Unknown person'];
  rows.forEach((row, i) => expect(row.textContent).toContain(names[i]));
  expect(
    rows.map((row) => [...row.querySelectorAll('[data-role]')].map((el) => el.getAttribute('data-role'))),
  ).toEqual([['accountable', 'responsible'], ['responsible'], ['consulted']]);
  expect(within(rows[0]!).getByLabelText('Accountable')).toBeTruthy();
  expect(screen.getByTestId('roles-finding').textContent).toContain('No one is Informed yet.');
  expect(screen.queryByTestId('roles-inherited')).toBeNull();
});

test('inherited roles say where they come from', () => {
  const roles = view({
    source: 'inherited',
    inheritedFrom: 'LAUNCH-1',
    assignments: [{ accountId: ERIK, role: 'accountable' }],
  });
  render(<RolesContent state={{ kind: 'loaded', roles, people }} onRetry={() => undefined} />);
  expect(screen.getByTestId('roles-inherited').textContent).toBe('RACI inherited from LAUNCH-1');
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
