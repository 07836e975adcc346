/**
 * A people picker that searches Jira's users as the viewer (`user/search`, straight from the browser), so it
 * only offers people the viewer's Jira lets them see. Shared by every app that takes people (Roles panel, macro
 * configs, project page).
 */
import { useCallback, useRef } from 'react';
import Avatar from '@atlaskit/avatar';
import { AsyncSelect } from '@atlaskit/select';
import { Inline, Text } from '@atlaskit/primitives';
import { searchPeople, type JiraRequest, type Person } from './user-picker-people';

export interface PersonOption {
  label: string;
  value: string;
  person: Person;
}

export interface UserPickerProps {
  request: JiraRequest;
  inputId: string;
  value: PersonOption | null;
  onChange: (option: PersonOption | null) => void;
  isDisabled?: boolean;
  /** Called with a sentence when Jira cannot be searched. */
  onError?: (message: string | undefined) => void;
  testId?: string;
}

export function UserPicker({
  request,
  inputId,
  value,
  onChange,
  isDisabled,
  onError,
  testId,
}: UserPickerProps) {
  // The newest search wins: slow answers to earlier keystrokes must not replace a later list.
  const latest = useRef(0);
  const loadOptions = useCallback(
    async (query: string): Promise<PersonOption[]> => {
      const mine = ++latest.current;
      try {
        const people = await searchPeople(request, query);
        if (mine === latest.current) onError?.(undefined);
        return people.map((person) => ({ label: person.displayName, value: person.accountId, person }));
      } catch (error) {
        if (mine === latest.current) onError?.(error instanceof Error ? error.message : String(error));
        return [];
      }
    },
    [request, onError],
  );
  return (
    <AsyncSelect<PersonOption>
      inputId={inputId}
      testId={testId ?? 'roles-user-picker'}
      placeholder="Search people"
      loadOptions={loadOptions}
      defaultOptions={false}
      cacheOptions
      value={value}
      isClearable
      isDisabled={isDisabled ?? false}
      onChange={(option) => onChange(option ?? null)}
      noOptionsMessage={({ inputValue }) =>
        inputValue.trim() === '' ? 'Type a name or e-mail address' : `No one in Jira matches “${inputValue}”`
      }
      loadingMessage={() => 'Searching Jira…'}
      formatOptionLabel={(option) => (
        <Inline space="space.100" alignBlock="center">
          <Avatar size="xsmall" src={option.person.avatarUrl} />
          <Text>{option.label}</Text>
        </Inline>
      )}
    />
  );
}
