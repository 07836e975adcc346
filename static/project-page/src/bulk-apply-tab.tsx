/**
 * Bulk apply: JQL + a role set + replace/merge → preview count (as the viewer, from the browser) → [Apply to N
 * issues] → a queue job whose progress bar polls `bulk/status`; issues the viewer cannot edit are skipped and listed.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { BulkJob } from '../../../src/shared/matrix';
import type { Assignment, Framework, Role } from '../../../src/shared/roles';
import { describeError } from '../../common/src/resolver-client';
import { ROLE_LABELS } from '../../roles-panel/src/role-labels';
import { UserPicker, type PersonOption } from '../../common/src/user-picker';
import type { ProjectApi } from './api';
import { countIssues, type ProjectJiraRequest } from './jira';

const ROLES: Record<Framework, Role[]> = {
  RACI: ['accountable', 'responsible', 'consulted', 'informed'],
  DACI: ['driver', 'approver', 'contributor', 'informed'],
};
const POLL_MS = 1000;

interface Option<T> {
  label: string;
  value: T;
}

export function BulkApplyTab({
  api,
  request,
  projectKey,
  pollMs = POLL_MS,
}: {
  api: ProjectApi;
  request: ProjectJiraRequest;
  projectKey: string;
  pollMs?: number;
}) {
  const [jql, setJql] = useState(`project = "${projectKey}"`);
  const [framework, setFramework] = useState<Framework>('RACI');
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const [roleSet, setRoleSet] = useState<Array<Assignment & { name: string }>>([]);
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [role, setRole] = useState<Role>('accountable');
  const [count, setCount] = useState<number | null>(null);
  const [job, setJob] = useState<BulkJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showSkipped, setShowSkipped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);
  // Any change to what would be applied makes the preview stale.
  useEffect(() => setCount(null), [jql, framework, mode, roleSet]);

  const poll = (jobId: string) => {
    timer.current = setTimeout(() => {
      api.bulkStatus(jobId).then(
        (next) => {
          setJob(next);
          if (!next.finished) poll(jobId);
        },
        (e: unknown) => setError(describeError(e)),
      );
    }, pollMs);
  };

  const preview = async () => {
    setError(null);
    setBusy(true);
    try {
      setCount(await countIssues(request, jql));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    setError(null);
    setBusy(true);
    try {
      const started = await api.startBulk({
        jql,
        framework,
        mode,
        assignments: roleSet.map(({ accountId, role: r }) => ({ accountId, role: r })),
      });
      setJob(started);
      setShowSkipped(false);
      poll(started.jobId);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const addToSet = () => {
    if (!person) return;
    setRoleSet((old) =>
      old.some((a) => a.accountId === person.value && a.role === role)
        ? old
        : [...old, { accountId: person.value, role, name: person.label }],
    );
    setPerson(null);
  };

  const running = job !== null && !job.finished;
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Stack space="space.200" testId="bulk-apply">
      <div>
        <label htmlFor="bulk-jql">
          <Text weight="medium">Issues (JQL, run as you)</Text>
        </label>
        <Textfield
          id="bulk-jql"
          testId="bulk-jql"
          value={jql}
          onChange={(e) => setJql(e.currentTarget.value)}
        />
      </div>
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <div style={{ minWidth: 140 }}>
          <label htmlFor="bulk-framework">
            <Text weight="medium">Framework</Text>
          </label>
          <Select<Option<Framework>>
            inputId="bulk-framework"
            value={{ label: framework, value: framework }}
            options={[
              { label: 'RACI', value: 'RACI' },
              { label: 'DACI', value: 'DACI' },
            ]}
            onChange={(o) => {
              if (!o) return;
              setFramework(o.value);
              setRole(ROLES[o.value][0]!);
              setRoleSet([]);
            }}
          />
        </div>
        <div style={{ minWidth: 220 }}>
          <label htmlFor="bulk-mode">
            <Text weight="medium">Mode</Text>
          </label>
          <Select<Option<'replace' | 'merge'>>
            inputId="bulk-mode"
            value={{
              label: mode === 'merge' ? 'Merge (keep existing people)' : 'Replace existing roles',
              value: mode,
            }}
            options={[
              { label: 'Merge (keep existing people)', value: 'merge' },
              { label: 'Replace existing roles', value: 'replace' },
            ]}
            onChange={(o) => o && setMode(o.value)}
          />
        </div>
      </Inline>

      <Stack space="space.100">
        <Text weight="medium">Role set</Text>
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <div style={{ minWidth: 260 }}>
            <label htmlFor="bulk-person">
              <Text>Person</Text>
            </label>
            <UserPicker request={request} inputId="bulk-person" value={person} onChange={setPerson} />
          </div>
          <div style={{ minWidth: 180 }}>
            <label htmlFor="bulk-role">
              <Text>Role</Text>
            </label>
            <Select<Option<Role>>
              inputId="bulk-role"
              value={{ label: ROLE_LABELS[role].name, value: role }}
              options={ROLES[framework].map((r) => ({ label: ROLE_LABELS[r].name, value: r }))}
              onChange={(o) => o && setRole(o.value)}
            />
          </div>
          <Button onClick={addToSet} isDisabled={!person} testId="bulk-add">
            Add
          </Button>
        </Inline>
        {roleSet.length === 0 ? (
          <Text color="color.text.subtle">Add the people and roles to apply.</Text>
        ) : (
          <ul data-testid="bulk-role-set">
            {roleSet.map((a) => (
              <li key={`${a.accountId}:${a.role}`}>
                {a.name} — {ROLE_LABELS[a.role].name}{' '}
                <Button
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => setRoleSet((old) => old.filter((x) => x !== a))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Stack>

      <Inline space="space.100">
        <Button
          onClick={() => void preview()}
          isDisabled={busy || running || jql.trim() === ''}
          testId="bulk-preview"
        >
          Preview
        </Button>
        {count !== null ? (
          <Button
            appearance="primary"
            onClick={() => void apply()}
            isDisabled={busy || running || count === 0 || roleSet.length === 0}
            testId="bulk-apply-button"
          >
            {`Apply to ${count} issue${count === 1 ? '' : 's'}`}
          </Button>
        ) : null}
      </Inline>
      {count === 0 ? <Text>No issues match this JQL. Change it and preview again.</Text> : null}
      {count !== null && count > 0 && roleSet.length === 0 ? (
        <Text>Add at least one person to the role set.</Text>
      ) : null}

      {error ? (
        <SectionMessage appearance="error" testId="bulk-error">
          <Text>{error}</Text>
        </SectionMessage>
      ) : null}

      {job ? (
        <Stack space="space.100" testId="bulk-progress">
          <div
            role="progressbar"
            aria-label="Bulk apply progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="bulk-progress-bar"
            style={{ height: 8, borderRadius: 4, background: token('color.background.neutral') }}
          >
            <div
              style={{
                width: `${percent}%`,
                height: '100%',
                borderRadius: 4,
                background: token(
                  job.finished ? 'color.background.success.bold' : 'color.background.brand.bold',
                ),
              }}
            />
          </div>
          <Text testId="bulk-progress-text">
            {job.finished ? 'Done: ' : 'Working: '}
            {job.done} of {job.total} issues · {job.applied} applied ({percent}%)
          </Text>
          {job.skipped.length > 0 ? (
            <Inline space="space.100" alignBlock="center">
              <Text testId="bulk-skipped">{job.skipped.length} skipped (no edit permission)</Text>
              <Button
                appearance="subtle"
                spacing="compact"
                onClick={() => setShowSkipped((v) => !v)}
                testId="bulk-skipped-toggle"
              >
                {showSkipped ? 'hide' : 'show'}
              </Button>
            </Inline>
          ) : null}
          {showSkipped ? (
            <ul data-testid="bulk-skipped-list">
              {job.skipped.map((s) => (
                <li key={s.issueKey}>
                  {s.issueKey}: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {job.failed.length > 0 ? (
            <SectionMessage
              appearance="warning"
              title={`${job.failed.length} not changed`}
              testId="bulk-failed"
            >
              <ul>
                {job.failed.map((f) => (
                  <li key={f.issueKey}>
                    {f.issueKey}: {f.reason}
                  </li>
                ))}
              </ul>
            </SectionMessage>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
