/** The gadget's edit view: choose one initiative; Save hands `{ briefId }` to the dashboard as the config. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { InitiativeStatus } from '../../../src/shared/progress';
import { RAG_WORDS } from '../../common/src/charts/rag-lozenge';

interface Option {
  value: string;
  label: string;
}

export function GadgetEdit({
  initiatives,
  current,
  saving,
  error,
  onSave,
  onCancel,
}: {
  initiatives: readonly InitiativeStatus[];
  current: string | null;
  saving: boolean;
  error?: string;
  onSave: (briefId: string) => void;
  onCancel: () => void;
}) {
  const options: Option[] = [...initiatives]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((i) => ({ value: i.briefId, label: `${i.title} (${RAG_WORDS[i.rag]})` }));
  const [chosen, setChosen] = useState<string | null>(
    current && options.some((o) => o.value === current) ? current : null,
  );
  if (options.length === 0) {
    return (
      <Stack space="space.100" testId="gadget-edit-empty">
        <Text>
          There is no initiative you can see yet. Link a Project Brief to Jira epics or a JQL first.
        </Text>
        <Inline>
          <Button onClick={onCancel}>Close</Button>
        </Inline>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onSave(chosen);
      }}
    >
      <Stack space="space.150">
        <Stack space="space.050">
          <Label htmlFor="gadget-initiative">Initiative</Label>
          <Select<Option>
            inputId="gadget-initiative"
            placeholder="Choose an initiative"
            options={options}
            value={options.find((o) => o.value === chosen) ?? null}
            onChange={(option) => setChosen(option?.value ?? null)}
          />
        </Stack>
        {error ? (
          <Text color="color.text.danger" testId="gadget-edit-error">
            {error}
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isDisabled={!chosen} isLoading={saving}>
            Save
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
