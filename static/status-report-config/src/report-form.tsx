/**
 * The Status report's edit form: the initiative and the three sections, each with its guiding question under
 * the heading. Pure: the container loads the values and decides what saving means.
 */
import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { StatusReport } from '../../../src/shared/progress';
import type { BriefListItem } from '../../../src/shared/settings';
import { REPORT_SECTIONS } from '../../common/src/report-sections';

export type ReportDraft = Pick<
  StatusReport,
  'briefId' | 'problemAndImpact' | 'rootCauseAndOptions' | 'recommendation'
>;

export const EMPTY_DRAFT: ReportDraft = {
  briefId: null,
  problemAndImpact: '',
  rootCauseAndOptions: '',
  recommendation: '',
};

interface Option {
  value: string;
  label: string;
}

export function ReportForm({
  initial,
  briefs,
  saving,
  onSave,
  onCancel,
}: {
  initial: ReportDraft;
  briefs: readonly BriefListItem[];
  saving: boolean;
  onSave: (draft: ReportDraft) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ReportDraft>(initial);
  const options: Option[] = briefs.map((b) => ({ value: b.id, label: b.title }));
  // A report may point at a brief the editor cannot see (or that is gone): keep it, but say so.
  const selected =
    draft.briefId === null
      ? null
      : (options.find((o) => o.value === draft.briefId) ?? {
          value: draft.briefId,
          label: 'An initiative you cannot see',
        });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      briefId: draft.briefId,
      problemAndImpact: draft.problemAndImpact.trim(),
      rootCauseAndOptions: draft.rootCauseAndOptions.trim(),
      recommendation: draft.recommendation.trim(),
    });
  };

  return (
    <form onSubmit={submit} aria-label="Status report" noValidate>
      <Stack space="space.200">
        <Stack space="space.050">
          <Label htmlFor="status-initiative">Initiative</Label>
          <Text size="small" color="color.text.subtlest" id="status-initiative-help">
            Its live numbers (RAG, % done, baseline → forecast, blocked, decisions waiting) appear beside the
            text.
          </Text>
          <Select<Option>
            inputId="status-initiative"
            aria-describedby="status-initiative-help"
            options={options}
            value={selected}
            isClearable
            placeholder={options.length ? 'Choose an initiative' : 'No initiatives you can see'}
            noOptionsMessage={() => 'No initiatives you can see. Create a Project Brief first.'}
            onChange={(option) => setDraft({ ...draft, briefId: option ? option.value : null })}
          />
        </Stack>
        {REPORT_SECTIONS.map((section) => (
          <Stack space="space.050" key={section.key}>
            <Label htmlFor={`status-${section.key}`}>{section.title}</Label>
            <Text size="small" color="color.text.subtlest" id={`status-${section.key}-help`}>
              {section.question}
            </Text>
            <TextArea
              id={`status-${section.key}`}
              name={section.key}
              minimumRows={4}
              value={draft[section.key]}
              aria-describedby={`status-${section.key}-help`}
              onChange={(e) => setDraft({ ...draft, [section.key]: e.currentTarget.value })}
            />
          </Stack>
        ))}
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
