import Avatar from '@atlaskit/avatar';
import DynamicTable from '@atlaskit/dynamic-table';
import { Inline, Text } from '@atlaskit/primitives';
import type { Assignment, Role } from '../../../src/shared/roles';
import type { Person } from './people';
import { ROLE_ORDER } from './role-labels';
import { RoleLozenge } from './role-lozenge';

export interface PersonRow {
  accountId: string;
  roles: Role[];
}

/** One row per person, roles in a fixed order, people sorted by their most senior role. */
export function groupByPerson(assignments: readonly Assignment[]): PersonRow[] {
  const byPerson = new Map<string, Set<Role>>();
  for (const { accountId, role } of assignments) {
    const roles = byPerson.get(accountId) ?? new Set<Role>();
    roles.add(role);
    byPerson.set(accountId, roles);
  }
  const rank = (role: Role) => ROLE_ORDER.indexOf(role);
  return [...byPerson.entries()]
    .map(([accountId, roles]) => ({ accountId, roles: [...roles].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.roles[0] ?? 'informed') - rank(b.roles[0] ?? 'informed'));
}

const head = {
  cells: [
    { key: 'person', content: 'Person', isSortable: false },
    { key: 'roles', content: 'Roles', isSortable: false },
  ],
};

export function RolesTable({
  assignments,
  people,
}: {
  assignments: readonly Assignment[];
  people: ReadonlyMap<string, Person>;
}) {
  const rows = groupByPerson(assignments).map(({ accountId, roles }) => {
    const person = people.get(accountId);
    // Someone Jira will not show the viewer (deactivated, or hidden) still holds the role.
    const name = person?.displayName ?? 'Unknown person';
    return {
      key: accountId,
      testId: 'roles-row',
      cells: [
        {
          key: 'person',
          content: (
            <Inline space="space.100" alignBlock="center">
              <Avatar size="small" src={person?.avatarUrl} name={name} />
              <Text>{name}</Text>
            </Inline>
          ),
        },
        {
          key: 'roles',
          content: (
            <Inline space="space.050" shouldWrap>
              {roles.map((role) => (
                <RoleLozenge key={role} role={role} />
              ))}
            </Inline>
          ),
        },
      ],
    };
  });
  return (
    <DynamicTable
      caption="People and their roles on this issue"
      head={head}
      rows={rows}
      testId="roles-table"
    />
  );
}
