/**
 * The settings form. Pure: it gets the saved settings and an onSave; the container does the saving.
 * Checks the numbers with the same domain rules the resolver uses, so the messages match.
 */
import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack } from '@atlaskit/primitives';
import type { AccordSettings } from '../../../src/shared/settings';
import { settingsProblems, type SettingsField, type SettingsValues } from '../../../src/domain/settings';

type Draft = Record<SettingsField, string>;
export type FieldProblems = Partial<Record<SettingsField, string>>;

const FIELDS: Array<{ field: SettingsField; label: string; help: string; max: number }> = [
  {
    field: 'blockedThresholdHours',
    label: 'Blocked threshold (hours)',
    help: 'The hourly sweep lists issues that have been Blocked for longer than this. 48 hours is two days.',
    max: 720,
  },
  {
    field: 'consultedThreshold',
    label: 'Consulted threshold (people)',
    help: 'More people Consulted than this on one issue draws a warning in the Roles panel.',
    max: 50,
  },
];

const toDraft = (s: SettingsValues): Draft => ({
  blockedThresholdHours: String(s.blockedThresholdHours),
  consultedThreshold: String(s.consultedThreshold),
});

/** An empty or non-numeric field reads as NaN, which settingsProblems refuses with its sentence. */
const toValues = (d: Draft): SettingsValues => ({
  blockedThresholdHours: d.blockedThresholdHours.trim() === '' ? Number.NaN : Number(d.blockedThresholdHours),
  consultedThreshold: d.consultedThreshold.trim() === '' ? Number.NaN : Number(d.consultedThreshold),
});

export function SettingsForm({
  saved,
  saving,
  serverProblems,
  onSave,
}: {
  saved: AccordSettings;
  saving: boolean;
  /** Per-field sentences the resolver returned with INVALID_INPUT. */
  serverProblems?: FieldProblems;
  onSave: (values: SettingsValues) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [problems, setProblems] = useState<FieldProblems>({});
  const shown: FieldProblems = { ...serverProblems, ...problems };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = toValues(draft);
    const found = settingsProblems(values);
    setProblems(found);
    if (Object.keys(found).length === 0) onSave(values);
  };

  return (
    <form onSubmit={submit} aria-label="Accord settings" noValidate>
      <Stack space="space.200">
        {FIELDS.map(({ field, label, help, max }) => {
          const problem = shown[field];
          const describedBy = problem ? `${field}-error` : `${field}-help`;
          return (
            <Stack space="space.050" key={field}>
              <Label htmlFor={field}>{label}</Label>
              <Textfield
                id={field}
                name={field}
                type="number"
                inputMode="numeric"
                min={1}
                max={max}
                width="small"
                value={draft[field]}
                isInvalid={problem !== undefined}
                aria-describedby={describedBy}
                onChange={(e) => {
                  setProblems({ ...problems, [field]: undefined });
                  setDraft({ ...draft, [field]: e.currentTarget.value });
                }}
              />
              {problem ? (
                <ErrorMessage testId={`${field}-error`}>
                  <span id={`${field}-error`}>{problem}</span>
                </ErrorMessage>
              ) : (
                <HelperMessage>
                  <span id={`${field}-help`}>{help}</span>
                </HelperMessage>
              )}
            </Stack>
          );
        })}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isLoading={saving}>
            Save
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
