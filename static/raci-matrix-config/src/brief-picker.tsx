/**
 * Picks the brief a new RACI matrix belongs to, from the briefs the viewer can see (`status/briefs`, the listing
 * the Status report and Decision log configs use). A brief chosen before that the viewer cannot list stays.
 */
import { useEffect, useState } from 'react';
import Select from '@atlaskit/select';
import { Stack, Text } from '@atlaskit/primitives';
import type { BriefList } from '../../../src/shared/settings';

interface Choice {
  value: string;
  label: string;
}

export function BriefPicker(props: {
  id: string;
  value: string;
  listBriefs: () => Promise<BriefList>;
  onChange: (briefId: string) => void;
}) {
  const [list, setList] = useState<BriefList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { listBriefs } = props;
  useEffect(() => {
    listBriefs().then(setList, (e: unknown) =>
      setError(e instanceof Error ? e.message : 'The briefs could not be listed. Reload to try again.'),
    );
  }, [listBriefs]);
  const choices: Choice[] = (list?.briefs ?? []).map((b) => ({ value: b.id, label: b.title || b.id }));
  if (props.value && list && !choices.some((c) => c.value === props.value))
    choices.push({ value: props.value, label: 'The brief chosen before (not visible to you)' });
  return (
    <Stack space="space.050">
      <label htmlFor={props.id}>
        <Text weight="medium">Brief</Text>
      </label>
      <Select<Choice>
        inputId={props.id}
        isLoading={list === null && error === null}
        placeholder="Pick the brief this matrix belongs to"
        options={choices}
        value={choices.find((c) => c.value === props.value) ?? null}
        onChange={(c) => props.onChange(c?.value ?? '')}
      />
      {error ? <Text color="color.text.danger">{error}</Text> : null}
      {list?.truncated ? (
        <Text size="small" color="color.text.subtlest">
          Only the most recently updated briefs are listed.
        </Text>
      ) : null}
    </Stack>
  );
}
