/**
 * The brief's edit form: every text section with its guiding question, milestones (baseline vs forecast),
 * linked epics (validated keys) and JQL, status. Pure: the container decides what saving means.
 */
import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefMilestoneView, BriefStatusValue, BriefTextSectionKey } from '../../../src/shared/brief';
import { BRIEF_SECTIONS } from '../../../src/domain/brief/brief-sections';
import { normaliseIssueKey } from '../../../src/domain/brief/issue-key';
import { BRIEF_STATUS_LABELS } from '../../common/src/brief-status';
import { OnePersonField } from '../../common/src/user-picker-fields';
import type { JiraRequest } from '../../common/src/user-picker-people';

export interface BriefDraft {
  title: string;
  status: BriefStatusValue;
  sections: Record<BriefTextSectionKey, string>;
  milestones: BriefMilestoneView[];
  epicKeys: string;
  jql: string;
  /** The brief's owner (an account id; the name is read in the browser, never stored). */
  ownerAccountId?: string | null;
}

/** What the owner picker needs: Jira as the viewer, and the names already known. */
export interface BriefPeople {
  request: JiraRequest;
  names: ReadonlyMap<string, string>;
}

const STATUS_OPTIONS = (Object.keys(BRIEF_STATUS_LABELS) as BriefStatusValue[]).map((value) => ({
  value,
  label: BRIEF_STATUS_LABELS[value],
}));

const TEXT_SECTIONS = BRIEF_SECTIONS.filter((s) => s.kind === 'text');

/** Epic keys typed as "LAUNCH-1, LAUNCH-4": the keys, or the first entry that is not one. */
export function readEpicKeys(text: string): { keys: string[] } | { bad: string } {
  const keys: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const key = normaliseIssueKey(part);
    if (!key) return { bad: part };
    if (!keys.includes(key)) keys.push(key);
  }
  return { keys };
}

let milestoneSeq = 0;
const newMilestoneId = () => `ms-${Date.now().toString(36)}-${++milestoneSeq}`;

export function BriefForm({
  initial,
  saving,
  onSave,
  onCancel,
  people,
}: {
  initial: BriefDraft;
  saving: boolean;
  /** When given, the owner is picked with the shared user picker. */
  people?: BriefPeople;
  onSave: (draft: BriefDraft, epicKeys: string[]) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<BriefDraft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map(people?.names ?? []));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) return setProblem('Give the brief a title so people can tell it apart.');
    const epics = readEpicKeys(draft.epicKeys);
    if ('bad' in epics) return setProblem(`“${epics.bad}” is not a Jira issue key; write it like LAUNCH-42.`);
    const badMilestone = draft.milestones.find(
      (m) => !m.name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(m.baselineDate),
    );
    if (badMilestone) return setProblem('Give every milestone a name and a baseline date (YYYY-MM-DD).');
    setProblem(null);
    onSave({ ...draft, title: draft.title.trim() }, epics.keys);
  };
  const setMilestone = (i: number, patch: Partial<BriefMilestoneView>) =>
    setDraft({ ...draft, milestones: draft.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  return (
    <form onSubmit={submit} aria-label="Project brief" noValidate>
      <Stack space="space.200">
        {problem ? (
          <Text color="color.text.danger" id="brief-form-problem" testId="brief-form-problem">
            {problem}
          </Text>
        ) : null}
        <Stack space="space.050">
          <Label htmlFor="brief-title">Title</Label>
          <Textfield
            id="brief-title"
            name="title"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
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
        {people ? (
          <OnePersonField
            id="brief-owner"
            label="Owner"
            value={draft.ownerAccountId ?? null}
            names={names}
            request={people.request}
            onChange={(accountId, name) => {
              if (accountId && name) setNames((m) => new Map(m).set(accountId, name));
              setDraft({ ...draft, ownerAccountId: accountId });
            }}
          />
        ) : null}
        {TEXT_SECTIONS.map((section) => (
          <Stack space="space.050" key={section.id}>
            <Label htmlFor={`brief-${section.id}`}>{section.title}</Label>
            <Text size="small" color="color.text.subtlest" id={`brief-${section.id}-help`}>
              {section.question}
            </Text>
            <TextArea
              id={`brief-${section.id}`}
              name={section.id}
              minimumRows={3}
              value={draft.sections[section.id as BriefTextSectionKey]}
              aria-describedby={`brief-${section.id}-help`}
              onChange={(e) =>
                setDraft({ ...draft, sections: { ...draft.sections, [section.id]: e.currentTarget.value } })
              }
            />
          </Stack>
        ))}
        <Stack space="space.100">
          <Text weight="bold" id="brief-milestones-label">
            Milestones
          </Text>
          <Text size="small" color="color.text.subtlest">
            What are the milestones, and which baseline date did we commit to for each?
          </Text>
          {draft.milestones.map((m, i) => (
            <Inline space="space.100" key={m.id} alignBlock="end" shouldWrap>
              <Textfield
                aria-label={`Milestone ${i + 1} name`}
                value={m.name}
                onChange={(e) => setMilestone(i, { name: e.currentTarget.value })}
              />
              <Textfield
                aria-label={`Milestone ${i + 1} baseline date`}
                type="date"
                value={m.baselineDate}
                onChange={(e) => setMilestone(i, { baselineDate: e.currentTarget.value })}
              />
              <Textfield
                aria-label={`Milestone ${i + 1} forecast date`}
                type="date"
                value={m.forecastDate ?? ''}
                onChange={(e) => setMilestone(i, { forecastDate: e.currentTarget.value || null })}
              />
              <label>
                <input
                  type="checkbox"
                  checked={m.done}
                  onChange={(e) => setMilestone(i, { done: e.currentTarget.checked })}
                />{' '}
                Done
              </label>
              <Button
                appearance="subtle"
                onClick={() => setDraft({ ...draft, milestones: draft.milestones.filter((_, j) => j !== i) })}
              >
                Remove milestone {i + 1}
              </Button>
            </Inline>
          ))}
          <Inline space="space.100">
            <Button
              onClick={() =>
                setDraft({
                  ...draft,
                  milestones: [
                    ...draft.milestones,
                    { id: newMilestoneId(), name: '', baselineDate: '', forecastDate: null, done: false },
                  ],
                })
              }
            >
              Add milestone
            </Button>
          </Inline>
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="brief-epics">Linked epics</Label>
          <Text size="small" color="color.text.subtlest" id="brief-epics-help">
            Issue keys separated by commas, such as LAUNCH-1. Each epic shows “Part of brief” in Jira.
          </Text>
          <Textfield
            id="brief-epics"
            value={draft.epicKeys}
            aria-describedby="brief-epics-help"
            onChange={(e) => setDraft({ ...draft, epicKeys: e.currentTarget.value })}
          />
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="brief-jql">JQL query</Label>
          <Textfield
            id="brief-jql"
            value={draft.jql}
            onChange={(e) => setDraft({ ...draft, jql: e.currentTarget.value })}
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
