/** One level of the ladder: name, delay, whom to involve (people, groups, roles) and what to do. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';
import type { TargetRole } from '../../../../src/domain/escalation/escalation-path';
import type { JiraRequest } from '../jira-request';
import { UserPicker } from '../user-picker';
import {
  ALL_ACTIONS,
  type DelayUnit,
  type LevelDraft,
  type ProblemsByField,
  type TargetDraft,
} from './path-draft';
import { FieldProblems, describedBy, nativeDescribedBy } from './field-problems';

export const ROLE_OPTIONS: ReadonlyArray<{ value: TargetRole; label: string }> = [
  { value: 'issue-accountable', label: "The issue's Accountable" },
  { value: 'epic-accountable', label: "The epic's Accountable" },
  { value: 'decision-approver', label: "The decision's Approver" },
  { value: 'brief-owner', label: "The brief's owner" },
];

const UNIT_OPTIONS: ReadonlyArray<{ value: DelayUnit; label: string }> = [
  { value: 'days', label: 'business days' },
  { value: 'hours', label: 'business hours' },
];

export function targetText(t: TargetDraft): string {
  if (t.kind === 'person') return t.display ?? t.accountId;
  if (t.kind === 'group') return `Group: ${t.name}`;
  return ROLE_OPTIONS.find((r) => r.value === t.role)?.label ?? t.role;
}

const sameTarget = (a: TargetDraft, b: TargetDraft) =>
  (a.kind === 'person' && b.kind === 'person' && a.accountId === b.accountId) ||
  (a.kind === 'group' && b.kind === 'group' && a.name === b.name) ||
  (a.kind === 'role' && b.kind === 'role' && a.role === b.role);

export function LevelEditor({
  index,
  count,
  level,
  problems,
  request,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  level: LevelDraft;
  problems: ProblemsByField;
  request: JiraRequest;
  onChange: (level: LevelDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const [group, setGroup] = useState('');
  const [pickerError, setPickerError] = useState<string | undefined>();
  const n = index + 1;
  const id = (what: string) => `level-${index}-${what}`;
  const p = (what: string) => problems.get(`levels.${index}.${what}`);
  const addTarget = (target: TargetDraft) => {
    if (level.targets.some((t) => sameTarget(t, target))) return;
    onChange({ ...level, targets: [...level.targets, target] });
  };
  const toggleAction = (action: (typeof ALL_ACTIONS)[number]['value'], on: boolean) =>
    onChange({
      ...level,
      actions: on
        ? ALL_ACTIONS.map((a) => a.value).filter((a) => a === action || level.actions.includes(a))
        : level.actions.filter((a) => a !== action),
    });

  return (
    <Box
      padding="space.200"
      backgroundColor="color.background.neutral.subtle"
      testId={`level-${index}`}
      style={{ border: '1px solid var(--ds-border, #091e4224)', borderRadius: 4 }}
    >
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="xsmall" as="h3">
            Level {n}
          </Heading>
          <Inline space="space.050">
            <Button isDisabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move level ${n} up`}>
              Up
            </Button>
            <Button
              isDisabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={`Move level ${n} down`}
            >
              Down
            </Button>
            <Button
              appearance="subtle"
              isDisabled={count === 1}
              onClick={onRemove}
              aria-label={`Remove level ${n}`}
            >
              Remove
            </Button>
          </Inline>
        </Inline>
        <Inline space="space.200" shouldWrap>
          <Stack space="space.050">
            <Label htmlFor={id('name')}>Level name</Label>
            <Textfield
              id={id('name')}
              value={level.name}
              onChange={(e) => onChange({ ...level, name: e.currentTarget.value })}
              {...describedBy(id('name-problems'), p('name'))}
            />
            <FieldProblems id={id('name-problems')} messages={p('name')} />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor={id('after')}>After</Label>
            <Inline space="space.050" alignBlock="center">
              <Box style={{ width: 80 }}>
                <Textfield
                  id={id('after')}
                  value={level.amount}
                  inputMode="numeric"
                  onChange={(e) => onChange({ ...level, amount: e.currentTarget.value })}
                  {...describedBy(id('after-problems'), p('after'))}
                />
              </Box>
              <Box style={{ minWidth: 170 }}>
                <Select
                  inputId={id('unit')}
                  aria-label={`Level ${n} delay unit`}
                  options={UNIT_OPTIONS}
                  value={UNIT_OPTIONS.find((u) => u.value === level.unit) ?? null}
                  onChange={(o) => o && onChange({ ...level, unit: o.value })}
                />
              </Box>
            </Inline>
            <FieldProblems id={id('after-problems')} messages={p('after')} />
          </Stack>
        </Inline>

        <Stack space="space.075">
          <Text weight="medium">Whom to involve</Text>
          {level.targets.length === 0 ? (
            <Text size="small" color="color.text.subtle">
              Nobody yet: add a role, a group or a person.
            </Text>
          ) : (
            <ul aria-label={`Level ${n} targets`} style={{ margin: 0, paddingInlineStart: 20 }}>
              {level.targets.map((t, i) => (
                <li key={`${t.kind}-${i}`}>
                  <Inline space="space.100" alignBlock="center">
                    <Text>{targetText(t)}</Text>
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      aria-label={`Remove ${targetText(t)} from level ${n}`}
                      onClick={() => onChange({ ...level, targets: level.targets.filter((_, j) => j !== i) })}
                    >
                      Remove
                    </Button>
                  </Inline>
                </li>
              ))}
            </ul>
          )}
          <FieldProblems id={id('targets-problems')} messages={p('targets')} />
          <Inline space="space.200" shouldWrap alignBlock="end">
            <Stack space="space.050">
              <Label htmlFor={id('role')}>Add a role</Label>
              <Box style={{ minWidth: 220 }}>
                <Select
                  inputId={id('role')}
                  options={ROLE_OPTIONS}
                  value={null}
                  placeholder="Choose a role"
                  onChange={(o) => o && addTarget({ kind: 'role', role: o.value })}
                />
              </Box>
            </Stack>
            <Stack space="space.050">
              <Label htmlFor={id('group')}>Add a group</Label>
              <Inline space="space.050">
                <Textfield
                  id={id('group')}
                  value={group}
                  placeholder="e.g. directors"
                  onChange={(e) => setGroup(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && group.trim()) {
                      e.preventDefault();
                      addTarget({ kind: 'group', name: group.trim() });
                      setGroup('');
                    }
                  }}
                />
                <Button
                  isDisabled={group.trim() === ''}
                  onClick={() => {
                    addTarget({ kind: 'group', name: group.trim() });
                    setGroup('');
                  }}
                >
                  Add group
                </Button>
              </Inline>
            </Stack>
            <Stack space="space.050">
              <Label htmlFor={id('person')}>Add a person</Label>
              <Box style={{ minWidth: 240 }}>
                <UserPicker
                  request={request}
                  inputId={id('person')}
                  value={null}
                  onError={setPickerError}
                  onChange={(o) =>
                    o && addTarget({ kind: 'person', accountId: o.value, display: o.person.displayName })
                  }
                />
              </Box>
              {pickerError ? (
                <Text size="small" color="color.text.danger">
                  {pickerError}
                </Text>
              ) : null}
            </Stack>
          </Inline>
        </Stack>

        <fieldset
          style={{ border: 0, margin: 0, padding: 0 }}
          {...nativeDescribedBy(id('actions-problems'), p('actions'))}
        >
          <legend>
            <Text weight="medium">What to do</Text>
          </legend>
          <Inline space="space.200" shouldWrap>
            {ALL_ACTIONS.map((a) => (
              <label key={a.value} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <input
                  type="checkbox"
                  checked={level.actions.includes(a.value)}
                  onChange={(e) => toggleAction(a.value, e.currentTarget.checked)}
                />
                <Text>{a.label}</Text>
              </label>
            ))}
          </Inline>
          <FieldProblems id={id('actions-problems')} messages={p('actions')} />
        </fieldset>
        {level.actions.includes('add-label') || p('label') ? (
          <Stack space="space.050">
            <Label htmlFor={id('label')}>Label to add</Label>
            <Box style={{ maxWidth: 240 }}>
              <Textfield
                id={id('label')}
                value={level.label}
                placeholder="escalated"
                onChange={(e) => onChange({ ...level, label: e.currentTarget.value })}
                {...describedBy(id('label-problems'), p('label'))}
              />
            </Box>
            <FieldProblems id={id('label-problems')} messages={p('label')} />
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
