/**
 * The Escalation Path editor's form: name; scope; conditions; the business calendar; the ordered levels; and
 * enabled. Pure: the container loads, validates on save and decides what saving means.
 */
import { type ReactNode, useMemo } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { holidayCountries, holidayRegions } from '../../../../src/domain/escalation';
import type { Weekday } from '../../../../src/domain/escalation/escalation-path';
import type { JiraRequest } from '../jira-request';
import { LevelEditor } from './level-editor';
import { newLevel, type DelayUnit, type PathDraft, type ProblemsByField } from './path-draft';
import { FieldProblems, describedBy } from './field-problems';

interface Option<T extends string = string> {
  value: T;
  label: string;
}

const WEEKDAYS: ReadonlyArray<{ day: Weekday; label: string }> = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
];

const UNIT_OPTIONS: ReadonlyArray<Option<DelayUnit>> = [
  { value: 'days', label: 'business days' },
  { value: 'hours', label: 'business hours' },
];

let zones: Option[] | undefined;
/** Every IANA time zone this browser knows. */
export function timeZoneOptions(): Option[] {
  if (!zones) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    const names = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
    zones = [...new Set(['UTC', ...names])].map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  }
  return zones;
}

const NO_HOLIDAYS: Option = { value: '', label: 'No public holidays' };
let countries: Option[] | undefined;
/** "No public holidays" and every country `date-holidays` knows, by name. */
export function countryOptions(): Option[] {
  countries ??= [
    NO_HOLIDAYS,
    ...Object.entries(holidayCountries())
      .map(([value, label]) => ({ value, label: `${label} (${value})` }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
  return countries;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Stack space="space.150">
        <Heading size="small" as="h2">
          {title}
        </Heading>
        {children}
      </Stack>
    </section>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <Text>{label}</Text>
    </label>
  );
}

export interface PathEditorProps {
  draft: PathDraft;
  enabled: boolean;
  problems: ProblemsByField;
  request: JiraRequest;
  onChange: (draft: PathDraft) => void;
  onEnabledChange: (enabled: boolean) => void;
}

export function PathEditor({
  draft,
  enabled,
  problems,
  request,
  onChange,
  onEnabledChange,
}: PathEditorProps) {
  const set = <K extends keyof PathDraft>(key: K, value: PathDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const p = (area: string) => problems.get(area);
  const regions = useMemo<Option[]>(
    () =>
      draft.country
        ? Object.entries(holidayRegions(draft.country)).map(([value, label]) => ({ value, label }))
        : [],
    [draft.country],
  );
  const zoneOptions = timeZoneOptions();
  const zone = zoneOptions.find((z) => z.value === draft.timeZone) ?? {
    value: draft.timeZone,
    label: draft.timeZone,
  };
  const country = countryOptions().find((c) => c.value === draft.country) ?? NO_HOLIDAYS;

  const conditionProblems = (kind: string) => p(`condition:${kind}`);

  return (
    <Stack space="space.300">
      <Stack space="space.050">
        <Label htmlFor="path-name">Path name</Label>
        <Textfield
          id="path-name"
          value={draft.name}
          placeholder="e.g. Blocked launch work"
          onChange={(e) => set('name', e.currentTarget.value)}
          {...describedBy('path-name-problems', p('name'))}
        />
        <FieldProblems id="path-name-problems" messages={p('name')} />
      </Stack>

      <Section title="Which issues">
        <Inline space="space.200" shouldWrap>
          <Stack space="space.050">
            <Label htmlFor="path-projects">Projects</Label>
            <Textfield
              id="path-projects"
              value={draft.projects}
              placeholder="LAUNCH, MKT"
              onChange={(e) => set('projects', e.currentTarget.value)}
              {...describedBy('path-scope-problems', p('scope'))}
            />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="path-jql">And matching JQL (optional)</Label>
            <Box style={{ minWidth: 320 }}>
              <Textfield
                id="path-jql"
                value={draft.jql}
                placeholder='e.g. labels = "launch"'
                onChange={(e) => set('jql', e.currentTarget.value)}
                {...describedBy('path-scope-problems', p('scope'))}
              />
            </Box>
          </Stack>
        </Inline>
        <FieldProblems id="path-scope-problems" messages={p('scope')} />
      </Section>

      <Section title="When">
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend>
            <Text>Escalate when the issue meets</Text>
          </legend>
          <Inline space="space.200">
            {(['all', 'any'] as const).map((m) => (
              <label key={m} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <input
                  type="radio"
                  name="path-match"
                  value={m}
                  checked={draft.match === m}
                  onChange={() => set('match', m)}
                />
                <Text>{m === 'all' ? 'all of these conditions' : 'any of these conditions'}</Text>
              </label>
            ))}
          </Inline>
        </fieldset>
        <FieldProblems id="path-conditions-problems" messages={p('conditions')} />
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Check
              label="Status is one of"
              checked={draft.statusIn.on}
              onChange={(on) => set('statusIn', { ...draft.statusIn, on })}
            />
            <Textfield
              aria-label="Statuses (comma separated)"
              isCompact
              width={300}
              isDisabled={!draft.statusIn.on}
              value={draft.statusIn.statuses}
              onChange={(e) => set('statusIn', { ...draft.statusIn, statuses: e.currentTarget.value })}
              {...describedBy('condition-status-in-problems', conditionProblems('status-in'))}
            />
          </Inline>
          <FieldProblems id="condition-status-in-problems" messages={conditionProblems('status-in')} />
          <Check label="Flagged" checked={draft.flagged} onChange={(on) => set('flagged', on)} />
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Check
              label="Priority at or above"
              checked={draft.priority.on}
              onChange={(on) => set('priority', { ...draft.priority, on })}
            />
            <Textfield
              aria-label="Priority"
              isCompact
              width={160}
              isDisabled={!draft.priority.on}
              value={draft.priority.value}
              onChange={(e) => set('priority', { ...draft.priority, value: e.currentTarget.value })}
              {...describedBy('condition-priority-problems', conditionProblems('priority-at-least'))}
            />
          </Inline>
          <FieldProblems id="condition-priority-problems" messages={conditionProblems('priority-at-least')} />
          <Check
            label="Due date has passed"
            checked={draft.dueDatePassed}
            onChange={(on) => set('dueDatePassed', on)}
          />
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Check
              label="In its status for at least"
              checked={draft.timeInStatus.on}
              onChange={(on) => set('timeInStatus', { ...draft.timeInStatus, on })}
            />
            <Textfield
              aria-label="Time in status"
              isCompact
              width={80}
              isDisabled={!draft.timeInStatus.on}
              value={draft.timeInStatus.amount}
              onChange={(e) => set('timeInStatus', { ...draft.timeInStatus, amount: e.currentTarget.value })}
              {...describedBy('condition-time-in-status-problems', conditionProblems('time-in-status'))}
            />
            <Box style={{ minWidth: 170 }}>
              <Select
                aria-label="Time in status unit"
                isDisabled={!draft.timeInStatus.on}
                options={UNIT_OPTIONS}
                value={UNIT_OPTIONS.find((u) => u.value === draft.timeInStatus.unit) ?? null}
                onChange={(o) => o && set('timeInStatus', { ...draft.timeInStatus, unit: o.value })}
              />
            </Box>
          </Inline>
          <FieldProblems
            id="condition-time-in-status-problems"
            messages={conditionProblems('time-in-status')}
          />
          <Check
            label="A linked decision is past its due date without approval"
            checked={draft.decisionOverdue}
            onChange={(on) => set('decisionOverdue', on)}
          />
          <Check
            label="Nobody is Accountable"
            checked={draft.noAccountable}
            onChange={(on) => set('noAccountable', on)}
          />
        </Stack>
      </Section>

      <Section title="Business calendar">
        <Inline space="space.200" shouldWrap>
          <Stack space="space.050">
            <Label htmlFor="calendar-zone">Time zone</Label>
            <Box style={{ minWidth: 260 }}>
              <Select
                inputId="calendar-zone"
                options={zoneOptions}
                value={zone}
                onChange={(o) => o && set('timeZone', o.value)}
                {...describedBy('calendar-zone-problems', p('calendar.timeZone'))}
              />
            </Box>
            <FieldProblems id="calendar-zone-problems" messages={p('calendar.timeZone')} />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="calendar-start">Working hours</Label>
            <Inline space="space.050" alignBlock="center">
              <Box style={{ width: 90 }}>
                <Textfield
                  id="calendar-start"
                  value={draft.start}
                  placeholder="09:00"
                  onChange={(e) => set('start', e.currentTarget.value)}
                  {...describedBy('calendar-hours-problems', p('calendar.hours'))}
                />
              </Box>
              <Text>to</Text>
              <Box style={{ width: 90 }}>
                <Textfield
                  aria-label="End of the working day"
                  value={draft.end}
                  placeholder="17:00"
                  onChange={(e) => set('end', e.currentTarget.value)}
                  {...describedBy('calendar-hours-problems', p('calendar.hours'))}
                />
              </Box>
            </Inline>
            <FieldProblems id="calendar-hours-problems" messages={p('calendar.hours')} />
          </Stack>
        </Inline>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend>
            <Text>Working days</Text>
          </legend>
          <Inline space="space.150">
            {WEEKDAYS.map(({ day, label }) => (
              <Check
                key={day}
                label={label}
                checked={draft.workingDays.includes(day)}
                onChange={(on) =>
                  set(
                    'workingDays',
                    on
                      ? [...draft.workingDays, day].sort((a, b) => a - b)
                      : draft.workingDays.filter((d) => d !== day),
                  )
                }
              />
            ))}
          </Inline>
          <FieldProblems id="calendar-days-problems" messages={p('calendar.workingDays')} />
        </fieldset>
        <Inline space="space.200" shouldWrap>
          <Stack space="space.050">
            <Label htmlFor="calendar-country">Public holidays of</Label>
            <Box style={{ minWidth: 260 }}>
              <Select
                inputId="calendar-country"
                options={countryOptions()}
                value={country}
                onChange={(o) => o && onChange({ ...draft, country: o.value, region: '' })}
                {...describedBy('calendar-holidays-problems', p('calendar.holidays'))}
              />
            </Box>
          </Stack>
          {regions.length > 0 ? (
            <Stack space="space.050">
              <Label htmlFor="calendar-region">Region (optional)</Label>
              <Box style={{ minWidth: 220 }}>
                <Select
                  inputId="calendar-region"
                  options={regions}
                  isClearable
                  value={regions.find((r) => r.value === draft.region) ?? null}
                  placeholder="The whole country"
                  onChange={(o) => set('region', o?.value ?? '')}
                />
              </Box>
            </Stack>
          ) : null}
        </Inline>
        <FieldProblems id="calendar-holidays-problems" messages={p('calendar.holidays')} />
        <Stack space="space.050">
          <Label htmlFor="calendar-paused">Statuses that pause the clock (comma separated)</Label>
          <Textfield
            id="calendar-paused"
            value={draft.pausedStatuses}
            placeholder="Waiting for vendor"
            onChange={(e) => set('pausedStatuses', e.currentTarget.value)}
            {...describedBy('calendar-paused-problems', p('calendar.pausedStatuses'))}
          />
          <FieldProblems id="calendar-paused-problems" messages={p('calendar.pausedStatuses')} />
        </Stack>
      </Section>

      <Section title="Levels">
        <Text size="small" color="color.text.subtle">
          Each level fires once per episode, after its delay in business time from when the issue started to
          meet the conditions. Later levels must come later.
        </Text>
        <FieldProblems id="levels-problems" messages={p('levels')} />
        {draft.levels.map((level, i) => (
          <LevelEditor
            key={level.key}
            index={i}
            count={draft.levels.length}
            level={level}
            problems={problems}
            request={request}
            onChange={(next) =>
              set(
                'levels',
                draft.levels.map((l, j) => (j === i ? next : l)),
              )
            }
            onMove={(by) => {
              const levels = [...draft.levels];
              const [moved] = levels.splice(i, 1);
              if (moved) levels.splice(i + by, 0, moved);
              set('levels', levels);
            }}
            onRemove={() =>
              set(
                'levels',
                draft.levels.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        <Box>
          <Button
            isDisabled={draft.levels.length >= 10}
            onClick={() => set('levels', [...draft.levels, newLevel(draft.levels.length + 1)])}
          >
            Add level
          </Button>
        </Box>
      </Section>

      <Section title="Run it">
        <Check
          label="Enabled: Accord runs this path (leave off to keep it as a draft)"
          checked={enabled}
          onChange={onEnabledChange}
        />
      </Section>
    </Stack>
  );
}
