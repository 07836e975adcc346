import Avatar from '@atlaskit/avatar';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Inline, Text } from '@atlaskit/primitives';
import type { Assignment, Role, RoleResponse } from '../../../src/shared/roles';
import type { Person } from '../../common/src/user-picker-people';
import { ROLE_LABELS, ROLE_ORDER } from './role-labels';
import { RoleLozenge } from './role-lozenge';
import { roleStatus } from './role-status';

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

/** The name shown for someone Jira will not show the viewer (deactivated, or hidden). */
export const UNKNOWN_PERSON = 'Unknown person';

export const nameIn = (people: ReadonlyMap<string, Person>, accountId: string) =>
  people.get(accountId)?.displayName ?? UNKNOWN_PERSON;

export interface RolesTableProps {
  assignments: readonly Assignment[];
  people: ReadonlyMap<string, Person>;
  responses?: readonly RoleResponse[];
  now?: Date;
  /** When given, each role gets a remove button. */
  onRemove?: (accountId: string, role: Role) => void;
  isDisabled?: boolean;
}

export function RolesTable({
  assignments,
  people,
  responses = [],
  now = new Date(),
  onRemove,
  isDisabled = false,
}: RolesTableProps) {
  const head = {
    cells: [
      { key: 'person', content: 'Person', isSortable: false },
      { key: 'roles', content: 'Role', isSortable: false },
      { key: 'status', content: 'Status', isSortable: false },
    ],
  };
  const rows = groupByPerson(assignments).map(({ accountId, roles }) => {
    const person = people.get(accountId);
    const name = person?.displayName ?? UNKNOWN_PERSON;
    const status = roleStatus(roles, accountId, responses, now);
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
            <Inline space="space.050" shouldWrap alignBlock="center">
              {roles.map((role) => (
                <Inline key={role} space="space.0" alignBlock="center">
                  <RoleLozenge role={role} />
                  {onRemove ? (
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      isDisabled={isDisabled}
                      aria-label={`Remove ${name} as ${ROLE_LABELS[role].name}`}
                      testId="roles-remove"
                      onClick={() => onRemove(accountId, role)}
                    >
                      ×
                    </Button>
                  ) : null}
                </Inline>
              ))}
            </Inline>
          ),
        },
        {
          key: 'status',
          content: status ? (
            <Text color={status.done ? 'color.text.success' : 'color.text.subtle'} testId="roles-status">
              {status.text}
            </Text>
          ) : (
            <Text color="color.text.subtlest" testId="roles-status">
              —
            </Text>
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
