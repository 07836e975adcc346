/**
 * The Driver's form for a decision: question, context, the four DACI roles (Jira users found with a picker that
 * searches as the viewer), options with pros and cons (one per line), due date, linked issues and brief.
 * Pure: it holds the draft and hands it to `onSave`; the server validates and answers in sentences.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { DecisionDraftData, DecisionOptionData } from '../../../src/shared/decision';
import type { JiraRequest } from '../../common/src/user-picker-people';
import { OnePersonField, PeopleListField } from '../../common/src/user-picker-fields';

export const EMPTY_DRAFT: DecisionDraftData = {
  question: '',
  context: '',
  driver: null,
  approver: null,
  contributors: [],
  informed: [],
  options: [],
  dueDate: null,
  linkedIssueKeys: [],
  briefId: null,
};

const optionBox = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The next free option id, as the domain's `nextOptionId` names them. */
export function nextOptionId(options: readonly { id: string }[]): string {
  const used = new Set(options.map((o) => o.id));
  let i = options.length + 1;
  while (used.has(`option-${i}`)) i += 1;
  return `option-${i}`;
}

interface Props {
  initial: DecisionDraftData;
  names: ReadonlyMap<string, string>;
  request: JiraRequest;
  saving: boolean;
  onSave: (draft: DecisionDraftData) => void;
  onCancel: () => void;
}

export function DecisionForm({ initial, names: initialNames, request, saving, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<DecisionDraftData>(initial);
  const [names, setNames] = useState<Map<string, string>>(new Map(initialNames));
  const [linked, setLinked] = useState(initial.linkedIssueKeys.join(', '));
  const set = <K extends keyof DecisionDraftData>(key: K, value: DecisionDraftData[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const learn = (added?: { id: string; name: string }) => {
    if (added) setNames((m) => new Map(m).set(added.id, added.name));
  };
  const setOption = (index: number, change: Partial<DecisionOptionData>) =>
    set(
      'options',
      draft.options.map((o, i) => (i === index ? { ...o, ...change } : o)),
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...draft,
          linkedIssueKeys: linked
            .split(/[\s,]+/)
            .map((k) => k.trim().toUpperCase())
            .filter((k) => k !== ''),
        });
      }}
    >
      <Stack space="space.200">
        <Stack space="space.050">
          <label htmlFor="decision-question">
            <Text weight="medium">The question this decision answers</Text>
          </label>
          <Textfield
            id="decision-question"
            testId="decision-question-field"
            value={draft.question}
            onChange={(e) => set('question', e.currentTarget.value)}
          />
        </Stack>
        <Stack space="space.050">
          <label htmlFor="decision-context">
            <Text weight="medium">Context: what Contributors need to know</Text>
          </label>
          <TextArea
            id="decision-context"
            value={draft.context}
            onChange={(e) => set('context', e.currentTarget.value)}
            minimumRows={3}
          />
        </Stack>
        <Inline space="space.200" shouldWrap>
          <OnePersonField
            id="decision-driver"
            label="Driver"
            value={draft.driver}
            names={names}
            request={request}
            onChange={(id, name) => {
              set('driver', id);
              if (id && name) learn({ id, name });
            }}
          />
          <OnePersonField
            id="decision-approver"
            label="Approver"
            value={draft.approver}
            names={names}
            request={request}
            onChange={(id, name) => {
              set('approver', id);
              if (id && name) learn({ id, name });
            }}
          />
        </Inline>
        <PeopleListField
          id="decision-contributors"
          label="Contributors"
          ids={draft.contributors}
          names={names}
          request={request}
          onChange={(ids, added) => {
            set('contributors', ids);
            learn(added);
          }}
        />
        <PeopleListField
          id="decision-informed"
          label="Informed"
          ids={draft.informed}
          names={names}
          request={request}
          onChange={(ids, added) => {
            set('informed', ids);
            learn(added);
          }}
        />
        <Text weight="medium">Options</Text>
        {draft.options.map((o, i) => (
          <Box key={o.id} xcss={optionBox} testId={`decision-option-editor-${i}`}>
            <Stack space="space.100">
              <label htmlFor={`option-title-${i}`}>
                <Text size="small">Option {i + 1}: title</Text>
              </label>
              <Textfield
                id={`option-title-${i}`}
                value={o.title}
                onChange={(e) => setOption(i, { title: e.currentTarget.value })}
              />
              <label htmlFor={`option-description-${i}`}>
                <Text size="small">Description</Text>
              </label>
              <TextArea
                id={`option-description-${i}`}
                value={o.description}
                onChange={(e) => setOption(i, { description: e.currentTarget.value })}
                minimumRows={1}
              />
              <Inline space="space.150" shouldWrap>
                <Stack space="space.050">
                  <label htmlFor={`option-pros-${i}`}>
                    <Text size="small">Pros, one per line</Text>
                  </label>
                  <TextArea
                    id={`option-pros-${i}`}
                    defaultValue={o.pros.join('\n')}
                    onChange={(e) => setOption(i, { pros: lines(e.currentTarget.value) })}
                    minimumRows={2}
                  />
                </Stack>
                <Stack space="space.050">
                  <label htmlFor={`option-cons-${i}`}>
                    <Text size="small">Cons, one per line</Text>
                  </label>
                  <TextArea
                    id={`option-cons-${i}`}
                    defaultValue={o.cons.join('\n')}
                    onChange={(e) => setOption(i, { cons: lines(e.currentTarget.value) })}
                    minimumRows={2}
                  />
                </Stack>
              </Inline>
              <Inline>
                <Button
                  appearance="subtle"
                  onClick={() =>
                    set(
                      'options',
                      draft.options.filter((_, j) => j !== i),
                    )
                  }
                >
                  {`Remove option ${i + 1}`}
                </Button>
              </Inline>
            </Stack>
          </Box>
        ))}
        <Inline>
          <Button
            testId="decision-add-option"
            onClick={() =>
              set('options', [
                ...draft.options,
                { id: nextOptionId(draft.options), title: '', description: '', pros: [], cons: [] },
              ])
            }
          >
            Add an option
          </Button>
        </Inline>
        <Inline space="space.200" shouldWrap>
          <Stack space="space.050">
            <label htmlFor="decision-due">
              <Text weight="medium">Due date</Text>
            </label>
            <Textfield
              id="decision-due"
              type="date"
              value={draft.dueDate ?? ''}
              onChange={(e) => set('dueDate', e.currentTarget.value === '' ? null : e.currentTarget.value)}
            />
          </Stack>
          <Stack space="space.050">
            <label htmlFor="decision-linked">
              <Text weight="medium">Linked Jira issues (keys, comma separated)</Text>
            </label>
            <Textfield
              id="decision-linked"
              value={linked}
              onChange={(e) => setLinked(e.currentTarget.value)}
            />
          </Stack>
          <Stack space="space.050">
            <label htmlFor="decision-brief">
              <Text weight="medium">Brief id (optional)</Text>
            </label>
            <Textfield
              id="decision-brief"
              value={draft.briefId ?? ''}
              onChange={(e) =>
                set('briefId', e.currentTarget.value.trim() === '' ? null : e.currentTarget.value.trim())
              }
            />
          </Stack>
        </Inline>
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isDisabled={saving} testId="decision-save">
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
