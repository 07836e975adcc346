/** "Add person": pick someone from Jira, pick a role of the current framework, Add. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { rolesOf } from '../../../src/domain/roles';
import type { Framework, Role } from '../../../src/shared/roles';
import type { JiraRequest } from './jira-request';
import type { Person } from '../../common/src/user-picker-people';
import { ROLE_LABELS } from './role-labels';
import { UserPicker, type PersonOption } from '../../common/src/user-picker';

interface RoleOption {
  label: string;
  value: Role;
}

export interface AddPersonProps {
  framework: Framework;
  request: JiraRequest;
  isDisabled?: boolean;
  onAdd: (person: Person, role: Role) => void;
}

export function AddPerson({ framework, request, isDisabled, onAdd }: AddPersonProps) {
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [role, setRole] = useState<RoleOption | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const options: RoleOption[] = rolesOf(framework).map((r) => ({ label: ROLE_LABELS[r].name, value: r }));
  // A role of the other framework (after switching) is not offered any more.
  const chosenRole = role && options.some((o) => o.value === role.value) ? role : null;

  return (
    <Box testId="roles-add-person">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <div>
            <Label htmlFor="roles-person-input">Person</Label>
            <div style={{ minWidth: 200 }}>
              <UserPicker
                request={request}
                inputId="roles-person-input"
                value={person}
                onChange={setPerson}
                isDisabled={isDisabled ?? false}
                onError={setSearchError}
              />
            </div>
          </div>
          <div>
            <Label htmlFor="roles-role-input">Role</Label>
            <div style={{ minWidth: 150 }}>
              <Select<RoleOption>
                inputId="roles-role-input"
                testId="roles-role-select"
                options={options}
                value={chosenRole}
                placeholder="Choose a role"
                isDisabled={isDisabled ?? false}
                onChange={(option) => setRole(option ?? null)}
              />
            </div>
          </div>
          <Button
            testId="roles-add"
            isDisabled={(isDisabled ?? false) || !person || !chosenRole}
            onClick={() => {
              if (!person || !chosenRole) return;
              onAdd(person.person, chosenRole.value);
              setPerson(null);
              setRole(null);
            }}
          >
            Add
          </Button>
        </Inline>
        {searchError ? (
          <Text color="color.text.danger" testId="roles-search-error">
            {searchError}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
