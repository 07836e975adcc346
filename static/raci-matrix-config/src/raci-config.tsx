/**
 * The RACI matrix config: title, the brief it belongs to, people columns (account ids) and activities (one per
 * line: an issue key makes an issue row, anything else a free-text row). Saves with the revision it loaded,
 * then hands the matrix id back to the page as the macro config.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { RaciMacroConfig, RaciMatrixView } from '../../../src/shared/raci';
import { activitiesOf } from './raci-activities';
import { ErrorState, LoadingState } from '../../common/src/states';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { useMacroConfig } from '../../common/src/macro-config/use-macro-config';
import { getMatrix, jiraAsViewer, listBriefs, saveMatrix } from './api';
import { BriefPicker } from './brief-picker';
import { PeopleListField } from '../../common/src/user-picker-fields';
import { fetchNames } from '../../common/src/user-picker-people';

interface Draft {
  matrixId?: string;
  revision: number;
  title: string;
  briefId: string;
  people: string[];
  activities: string;
  ids: Map<string, string>;
}

const draftOf = (m: RaciMatrixView): Draft => ({
  matrixId: m.id,
  revision: m.revision,
  title: m.title,
  briefId: m.briefId,
  people: [...m.people],
  activities: m.rows.map((r) => (r.kind === 'issue' ? (r.issueKey ?? '') : r.name)).join('\n'),
  ids: new Map(m.rows.map((r) => [r.kind === 'issue' ? (r.issueKey ?? '') : r.name, r.id])),
});

const EMPTY: Draft = { revision: 0, title: '', briefId: '', people: [], activities: '', ids: new Map() };

export function RaciConfig() {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const config = useMacroConfig<Draft, keyof RaciMacroConfig>({
    idKey: 'matrixId',
    getContext: bridgeHost.getContext,
    submit: bridgeHost.submit,
    conflictMessage: 'Someone changed this matrix while you were editing. Reload to see their version.',
    load: async (matrixId) => {
      if (!matrixId) return EMPTY;
      const matrix = await getMatrix(matrixId);
      setNames(await fetchNames(jiraAsViewer, matrix.people));
      return draftOf(matrix);
    },
  });
  const { state, saving, saveError } = config;

  if (state.kind === 'error')
    return (
      <ErrorState title="The matrix could not be loaded" message={state.message} onRetry={config.reload} />
    );
  if (state.kind === 'loading') return <LoadingState label="Loading the matrix" />;
  const draft = state.value;
  const setDraft = (next: Draft) => config.update(() => next);

  const save = () =>
    config.save(async () => {
      const saved = await saveMatrix({
        ...(draft.matrixId ? { matrixId: draft.matrixId } : {}),
        revision: draft.revision,
        briefId: draft.briefId.trim(),
        title: draft.title,
        people: draft.people,
        activities: activitiesOf(draft.activities, draft.ids),
      });
      return saved.id;
    });
  const field = (key: 'title', label: string) => (
    <Stack space="space.050">
      <Label htmlFor={`raci-${key}`}>{label}</Label>
      <Textfield
        id={`raci-${key}`}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      />
    </Stack>
  );
  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          {draft.matrixId ? 'Edit RACI matrix' : 'New RACI matrix'}
        </Heading>
        {saveError ? (
          <Inline space="space.100" alignBlock="center">
            <Text color="color.text.danger">{saveError.message}</Text>
            <Button onClick={config.reload}>Reload</Button>
          </Inline>
        ) : null}
        {field('title', 'Title')}
        {draft.matrixId ? (
          <Text>Brief: {draft.briefId}</Text>
        ) : (
          <BriefPicker
            id="raci-briefId"
            value={draft.briefId}
            listBriefs={listBriefs}
            onChange={(briefId) => setDraft({ ...draft, briefId })}
          />
        )}
        <PeopleListField
          id="raci-people"
          label="People (one column each)"
          ids={draft.people}
          names={names}
          request={jiraAsViewer}
          onChange={(people, added) => {
            if (added) setNames((m) => new Map(m).set(added.id, added.name));
            setDraft({ ...draft, people });
          }}
        />
        <Stack space="space.050">
          <Label htmlFor="raci-activities">
            Activities, one per line (an issue key such as LAUNCH-2 makes an issue row)
          </Label>
          <TextArea
            id="raci-activities"
            minimumRows={6}
            value={draft.activities}
            onChange={(e) => setDraft({ ...draft, activities: e.currentTarget.value })}
          />
        </Stack>
        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={() => void bridgeHost.close().catch(() => undefined)}>
            Cancel
          </Button>
          <Button appearance="primary" onClick={() => void save()} isLoading={saving}>
            Save
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
