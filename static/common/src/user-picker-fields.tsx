/**
 * Form fields built on the shared user picker: one person (an owner, an Approver) or a list of people (matrix
 * columns, Contributors). They hold account ids only; names come from `names` (read with `user/bulk` by the app)
 * and from what the picker found, and are never stored.
 */
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { UserPicker, type PersonOption } from './user-picker';
import type { JiraRequest } from './user-picker-people';

/** A person the picker just found, so the caller can show their name at once. */
export interface PickedPerson {
  id: string;
  name: string;
}

export function OnePersonField(props: {
  id: string;
  label: string;
  value: string | null;
  names: ReadonlyMap<string, string>;
  request: JiraRequest;
  onChange: (accountId: string | null, name?: string) => void;
  isDisabled?: boolean;
}) {
  const name = props.value ? (props.names.get(props.value) ?? 'Unknown person') : '';
  const value: PersonOption | null = props.value
    ? { value: props.value, label: name, person: { accountId: props.value, displayName: name } }
    : null;
  return (
    <Stack space="space.050">
      <label htmlFor={props.id}>
        <Text weight="medium">{props.label}</Text>
      </label>
      <Box testId={`${props.id}-picker`}>
        <UserPicker
          request={props.request}
          inputId={props.id}
          value={value}
          isDisabled={props.isDisabled ?? false}
          onChange={(o) => props.onChange(o?.value ?? null, o?.label)}
        />
      </Box>
    </Stack>
  );
}

export function PeopleListField(props: {
  id: string;
  label: string;
  ids: readonly string[];
  names: ReadonlyMap<string, string>;
  request: JiraRequest;
  onChange: (ids: string[], added?: PickedPerson) => void;
}) {
  const nameOf = (id: string) => props.names.get(id) ?? 'Unknown person';
  return (
    <Stack space="space.050">
      <label htmlFor={props.id}>
        <Text weight="medium">{props.label}</Text>
      </label>
      <ul data-testid={`${props.id}-list`}>
        {props.ids.map((id) => (
          <li key={id}>
            <Inline space="space.100" alignBlock="center">
              <Text>{nameOf(id)}</Text>
              <Button appearance="subtle" onClick={() => props.onChange(props.ids.filter((x) => x !== id))}>
                {`Remove ${props.names.get(id) ?? 'person'}`}
              </Button>
            </Inline>
          </li>
        ))}
      </ul>
      <Box testId={`${props.id}-picker`}>
        <UserPicker
          request={props.request}
          inputId={props.id}
          value={null}
          onChange={(o) => {
            if (o && !props.ids.includes(o.value)) {
              props.onChange([...props.ids, o.value], { id: o.value, name: o.label });
            }
          }}
        />
      </Box>
    </Stack>
  );
}
