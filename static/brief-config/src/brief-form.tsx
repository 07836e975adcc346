/**
 * The brief's edit form. Pure: it receives the loaded values and an onSave that returns a promise; the
 * container decides what saving means (brief/save, then view.submit).
 */
import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefSummary } from '../../../src/shared/brief';
import { BRIEF_STATUS_LABELS } from '../../common/src/brief-status';

type Status = BriefSummary['status'];
export interface BriefDraft {
  title: string;
  problem: string;
  status: Status;
}

const STATUS_OPTIONS = (Object.keys(BRIEF_STATUS_LABELS) as Status[]).map((value) => ({
  value,
  label: BRIEF_STATUS_LABELS[value],
}));

export function BriefForm({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: BriefDraft;
  saving: boolean;
  onSave: (draft: BriefDraft) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<BriefDraft>(initial);
  const [titleMissing, setTitleMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleMissing(true);
      return;
    }
    onSave({ ...draft, title: draft.title.trim() });
  };

  return (
    <form onSubmit={submit} aria-label="Project brief" noValidate>
      <Stack space="space.200">
        <Stack space="space.050">
          <Label htmlFor="brief-title">Title</Label>
          <Textfield
            id="brief-title"
            name="title"
            value={draft.title}
            isInvalid={titleMissing}
            aria-describedby={titleMissing ? 'brief-title-error' : undefined}
            onChange={(e) => {
              setTitleMissing(false);
              setDraft({ ...draft, title: e.currentTarget.value });
            }}
          />
          {titleMissing ? (
            <Text color="color.text.danger" id="brief-title-error">
              Give the brief a title so people can tell it apart.
            </Text>
          ) : null}
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="brief-problem">Problem & business impact</Label>
          <Text size="small" color="color.text.subtlest" id="brief-problem-help">
            What problem are we solving, for whom, and what does it cost the business while it stays unsolved?
          </Text>
          <TextArea
            id="brief-problem"
            name="problem"
            minimumRows={5}
            value={draft.problem}
            aria-describedby="brief-problem-help"
            onChange={(e) => setDraft({ ...draft, problem: e.currentTarget.value })}
          />
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="brief-status">Status</Label>
          <Select
            inputId="brief-status"
            options={STATUS_OPTIONS}
            value={STATUS_OPTIONS.find((o) => o.value === draft.status) ?? null}
            onChange={(option) => {
              if (option) setDraft({ ...draft, status: option.value });
            }}
          />
        </Stack>
        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isLoading={saving}>
            Save
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
