/**
 * The Roles tab: framework, inheritance, findings, the table of people and — for people who may edit —
 * add/remove, Save with the server's refusals beside it, and the conflict choice when someone saved first.
 */
import { useEffect, useMemo, useReducer } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { Anchor, Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { checkHardRules, findRoleIssues } from '../../../src/domain/roles';
import type { Framework, RolesView } from '../../../src/shared/roles';
import { describeError, ResolverCallError } from '../../common/src/resolver-client';
import { EmptyState } from '../../common/src/states';
import { relativeTime } from '../../common/src/relative-time';
import type { RolesApi } from './api';
import { AddPerson } from './add-person';
import { editorReducer, initialEditorState, isDirty } from './editor-state';
import type { Person } from '../../common/src/user-picker-people';
import type { PanelData } from './read-roles';
import { QuickActions } from './quick-actions';
import { nameIn, RolesTable } from './roles-table';

interface FrameworkOption {
  label: string;
  value: Framework;
}
const FRAMEWORK_OPTIONS: FrameworkOption[] = [
  { label: 'RACI', value: 'RACI' },
  { label: 'DACI', value: 'DACI' },
];

export const CONFLICT_SENTENCE = 'Someone changed these roles while you were editing.';

export interface RolesEditorProps {
  data: PanelData;
  api: RolesApi;
  viewerAccountId?: string;
  /** Reads the issue again (quietly, keeping the screen) after a write. */
  onReload: () => Promise<void>;
  onOpenIssue: (issueKey: string) => void;
  /** Tells the container whether there is unsaved work (an issue change must not wipe it). */
  onDirtyChange?: (dirty: boolean) => void;
  /** People picked in this session, so their names show before the next read. */
  onPeopleAdded?: (people: Person[]) => void;
  now?: Date;
}

export function RolesEditor({
  data,
  api,
  viewerAccountId,
  onReload,
  onOpenIssue,
  onDirtyChange,
  onPeopleAdded,
  now = new Date(),
}: RolesEditorProps) {
  const { view, people } = data;
  const [state, dispatch] = useReducer(editorReducer, view, initialEditorState);
  const dirty = isDirty(state);

  // A fresh read replaces the base; a draft in progress is kept (the container does not reload while dirty).
  useEffect(() => {
    if (!dirty) dispatch({ type: 'load', view });
  }, [view]);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const canEdit = view.canEdit === true;
  const inherited = view.source === 'inherited';
  const editable = canEdit && !inherited;
  const busy = state.saving;

  const findings = useMemo(
    () =>
      dirty
        ? findRoleIssues(state.framework, state.assignments, {
            displayName: (id) => people.get(id)?.displayName,
          })
        : view.findings,
    [dirty, state.framework, state.assignments, view.findings, people],
  );

  const write = async (action: () => Promise<RolesView>, notice: string) => {
    dispatch({ type: 'saving' });
    try {
      const saved = await action();
      dispatch({ type: 'saved', view: saved, notice });
      onDirtyChange?.(false);
      await onReload();
    } catch (error) {
      if (error instanceof ResolverCallError && error.code === 'CONFLICT' && isRolesView(error.details)) {
        dispatch({ type: 'conflict', current: error.details });
      } else if (
        error instanceof ResolverCallError &&
        error.code === 'CONFLICT' &&
        isRecord(error.details) &&
        isRolesView(error.details.current)
      ) {
        dispatch({ type: 'conflict', current: error.details.current });
      } else if (error instanceof ResolverCallError && error.code === 'RULE_VIOLATION') {
        dispatch({ type: 'refused', message: refusalWithNames(error.message) });
      } else {
        dispatch({ type: 'refused', message: describeError(error) });
      }
    }
  };

  // The server refused with the domain's sentence but cannot name people it does not look up; the browser
  // knows their names, so the same rules say the same sentence with names. Otherwise the server's words stand.
  const refusalWithNames = (serverSentence: string): string => {
    const named = checkHardRules(state.framework, state.assignments, {
      displayName: (id) => people.get(id)?.displayName,
    });
    return named.length > 0 ? named.map((v) => v.message).join(' ') : serverSentence;
  };

  const save = () =>
    void write(
      () =>
        api.setRoles({
          issueKey: view.issueKey,
          framework: state.framework,
          assignments: state.assignments,
          revision: state.revision,
        }),
      'Roles saved.',
    );

  const showTheirs = () => {
    dispatch({ type: 'discard' });
    onDirtyChange?.(false);
    void onReload();
  };

  const rows = state.assignments;
  return (
    <Stack space="space.150" testId="roles-editor">
      <Inline space="space.100" alignBlock="center" shouldWrap spread="space-between">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          {editable ? (
            <div style={{ minWidth: 110 }}>
              <Select<FrameworkOption>
                inputId="roles-framework-input"
                aria-label="Framework"
                testId="roles-framework"
                options={FRAMEWORK_OPTIONS}
                value={FRAMEWORK_OPTIONS.find((o) => o.value === state.framework) ?? null}
                isDisabled={busy}
                isSearchable={false}
                spacing="compact"
                onChange={(option) => option && dispatch({ type: 'set-framework', framework: option.value })}
              />
            </div>
          ) : (
            <Lozenge testId="roles-framework-label">{state.framework}</Lozenge>
          )}
          {inherited && view.inheritedFrom ? (
            <Text color="color.text.subtle" testId="roles-inherited">
              inherited from{' '}
              <Anchor
                href={`/browse/${view.inheritedFrom}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpenIssue(view.inheritedFrom ?? '');
                }}
              >
                {view.inheritedFrom} ↗
              </Anchor>
            </Text>
          ) : null}
        </Inline>
        <Inline space="space.100" alignBlock="center">
          {inherited && canEdit ? (
            <Button
              testId="roles-override"
              isDisabled={busy}
              onClick={() =>
                void write(
                  () => api.overrideRoles({ issueKey: view.issueKey, revision: view.revision }),
                  `These roles are now ${view.issueKey}'s own; change them here.`,
                )
              }
            >
              Override
            </Button>
          ) : null}
          {!inherited && view.source === 'issue' && canEdit && data.parentKey && !dirty ? (
            <Button
              appearance="subtle"
              testId="roles-reset"
              isDisabled={busy}
              onClick={() =>
                void write(
                  () => api.resetRoles({ issueKey: view.issueKey, revision: view.revision }),
                  `${view.issueKey} inherits its roles again.`,
                )
              }
            >
              Reset to inherited
            </Button>
          ) : null}
          {!canEdit ? (
            <Text color="color.text.subtlest" testId="roles-view-only">
              View only
            </Text>
          ) : null}
        </Inline>
      </Inline>

      {findings.map((finding) => (
        <SectionMessage
          key={`${finding.code}:${finding.message}`}
          appearance={finding.severity === 'error' ? 'error' : 'warning'}
          testId="roles-finding"
        >
          <Text>{finding.message}</Text>
        </SectionMessage>
      ))}

      {data.peopleError ? (
        <SectionMessage appearance="information" testId="roles-people-error">
          <Text>{data.peopleError}</Text>
        </SectionMessage>
      ) : null}

      {state.conflict ? (
        <SectionMessage
          appearance="warning"
          testId="roles-conflict"
          actions={[
            <SectionMessageAction key="theirs" onClick={showTheirs} testId="roles-show-theirs">
              Show their version
            </SectionMessageAction>,
            <SectionMessageAction
              key="mine"
              testId="roles-keep-mine"
              onClick={() => {
                const current = state.conflict;
                if (!current) return;
                dispatch({ type: 'keep-mine' });
                void write(
                  () =>
                    api.setRoles({
                      issueKey: view.issueKey,
                      framework: state.framework,
                      assignments: state.assignments,
                      revision: current.revision,
                    }),
                  'Your version of the roles is saved.',
                );
              }}
            >
              Keep mine
            </SectionMessageAction>,
          ]}
        >
          <Text>
            {CONFLICT_SENTENCE}
            {state.conflict.updatedBy ? ` ${nameIn(people, state.conflict.updatedBy)} saved first.` : ''}
          </Text>
        </SectionMessage>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title="No roles on this issue yet">
          {editable
            ? 'Add who is Accountable for this work and who is Responsible for doing it, so everyone knows whom to consult and whom to inform.'
            : 'Nobody has recorded who is Accountable or Responsible for this work yet.'}
        </EmptyState>
      ) : (
        <RolesTable
          assignments={rows}
          people={people}
          responses={view.responses ?? []}
          now={now}
          {...(editable
            ? { onRemove: (accountId, role) => dispatch({ type: 'remove', accountId, role }) }
            : {})}
          isDisabled={busy}
        />
      )}

      {editable ? (
        <AddPerson
          framework={state.framework}
          request={api.jira}
          isDisabled={busy}
          onAdd={(person, role) => {
            onPeopleAdded?.([person]);
            dispatch({ type: 'add', accountId: person.accountId, role });
          }}
        />
      ) : null}

      {editable && (dirty || state.refusal) ? (
        <Inline space="space.100" alignBlock="center" shouldWrap testId="roles-save-bar">
          <Button appearance="primary" isDisabled={busy || !dirty} onClick={save} testId="roles-save">
            {busy ? 'Saving…' : 'Save'}
          </Button>
          <Button
            appearance="subtle"
            isDisabled={busy}
            testId="roles-discard"
            onClick={() => dispatch({ type: 'discard' })}
          >
            Discard changes
          </Button>
          {state.refusal ? (
            <Box testId="roles-refusal" role="alert">
              <Text color="color.text.danger">{state.refusal}</Text>
            </Box>
          ) : null}
        </Inline>
      ) : null}

      {state.refusal && !editable ? (
        <Box testId="roles-refusal" role="alert">
          <Text color="color.text.danger">{state.refusal}</Text>
        </Box>
      ) : null}

      {state.notice ? (
        <Text color="color.text.success" testId="roles-notice">
          <span role="status">{state.notice}</span>
        </Text>
      ) : null}

      {!dirty ? (
        <QuickActions
          view={view}
          people={people}
          {...(viewerAccountId ? { viewerAccountId } : {})}
          api={api}
          onResponded={() => void onReload()}
        />
      ) : null}

      {view.updatedAt && view.updatedBy && view.source === 'issue' ? (
        <Text color="color.text.subtlest" size="small" testId="roles-updated">
          Last changed by {nameIn(people, view.updatedBy)} {relativeTime(view.updatedAt, now)}.
        </Text>
      ) : null}
    </Stack>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRolesView(value: unknown): value is RolesView {
  return (
    isRecord(value) &&
    typeof value.revision === 'number' &&
    (value.framework === 'RACI' || value.framework === 'DACI') &&
    Array.isArray(value.assignments)
  );
}
