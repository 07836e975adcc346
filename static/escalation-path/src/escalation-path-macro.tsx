/**
 * The Escalation Path macro: the path as a document a person can follow (when · level by level · whom · what),
 * people by their Jira display names (asked by the browser as the viewer), an Enabled/Draft lozenge, and a
 * Dry run that lists what the path would do now, with CSV export and the candidate search in Jira.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { describePath } from '../../../src/domain/escalation';
import type { DryRunResult, EscalationPathView } from '../../../src/shared/escalation';
import { describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import type { JiraRequest } from '../../common/src/jira-request';
import { fetchPeople } from '../../common/src/user-picker-people';
import { dryRunCsv, searchPath } from './dry-run-csv';

export interface EscalationPathMacroDeps {
  getContext: () => Promise<{ extension: unknown }>;
  getPath: (pathId: string) => Promise<EscalationPathView>;
  dryRun: (pathId: string) => Promise<DryRunResult>;
  jira: JiraRequest;
  openSearch: (path: string) => void;
  download: (filename: string, text: string) => void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; view: EscalationPathView; names: Record<string, string> };

type DryRunState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; result: DryRunResult };

const pathIdOf = (extension: unknown): string | undefined => {
  const config = (extension as { config?: { pathId?: unknown } } | null)?.config;
  return typeof config?.pathId === 'string' && config.pathId ? config.pathId : undefined;
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function EscalationPathMacro({ deps }: { deps: EscalationPathMacroDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [dry, setDry] = useState<DryRunState>({ kind: 'idle' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const pathId = pathIdOf((await deps.getContext()).extension);
      if (!pathId) {
        setState({ kind: 'empty' });
        return;
      }
      const view = await deps.getPath(pathId);
      const ids = view.path.levels.flatMap((l) =>
        l.targets.flatMap((t) => (t.kind === 'person' ? [t.accountId] : [])),
      );
      const people = ids.length > 0 ? await fetchPeople(deps.jira, ids).catch(() => new Map()) : new Map();
      const names: Record<string, string> = {};
      for (const p of people.values() as Iterable<{ accountId: string; displayName: string }>) {
        names[p.accountId] = p.displayName;
      }
      setState({ kind: 'loaded', view, names });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [deps]);

  useEffect(() => {
    void load();
  }, [load]);

  const description = useMemo(
    () => (state.kind === 'loaded' ? describePath(state.view.path, state.names) : undefined),
    [state],
  );

  if (state.kind === 'loading') return <LoadingState label="Loading the escalation path" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="The escalation path could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }
  if (state.kind === 'empty' || !description) {
    return (
      <EmptyState title="No escalation path yet">
        Edit this macro to say when a stuck issue climbs, to whom, and on which business calendar.
      </EmptyState>
    );
  }
  const { view } = state;

  const runDry = async () => {
    setDry({ kind: 'running' });
    try {
      const result = await deps.dryRun(view.pathId);
      // Targets come back as account ids and role labels; the viewer's browser names the people (user/bulk).
      const ids = [...new Set(result.issues.flatMap((i) => i.targets.flatMap((t) => t.accountId ?? [])))];
      const people = ids.length > 0 ? await fetchPeople(deps.jira, ids).catch(() => new Map()) : new Map();
      const names = new Map<string, string>();
      for (const p of people.values() as Iterable<{ accountId: string; displayName: string }>) {
        names.set(p.accountId, p.displayName);
      }
      setDry({ kind: 'done', result: withNames(result, names) });
    } catch (error) {
      setDry({ kind: 'error', message: describeError(error) });
    }
  };

  return (
    <Box padding="space.200">
      <Stack space="space.200">
        <Inline space="space.100" alignBlock="center">
          <Heading size="medium" as="h2">
            Escalation path: {description.title}
          </Heading>
          <Lozenge appearance={view.enabled ? 'success' : 'default'} testId="path-state">
            {view.enabled ? 'Enabled' : 'Draft'}
          </Lozenge>
        </Inline>
        {!view.enabled ? (
          <Text size="small" color="color.text.subtle">
            A draft: Accord does not run it until someone who can edit this page enables it.
          </Text>
        ) : null}
        <Stack space="space.100" testId="path-document">
          {description.lines.map((line) =>
            line.kind === 'when' ? (
              <Text key="when" as="p">
                {line.text}
              </Text>
            ) : null,
          )}
          <ol aria-label="Levels" style={{ margin: 0, paddingInlineStart: 24 }}>
            {description.lines.map((line) =>
              line.kind === 'level' ? (
                <li key={line.level}>
                  <Text>
                    <Text weight="bold">{`Level ${line.level} (${line.name})`}</Text> {line.after} →{' '}
                    {line.targets.map((t) => t.text).join(', ')} · {line.actions.join(' + ')}
                  </Text>
                </li>
              ) : null,
            )}
          </ol>
        </Stack>
        <Inline space="space.100" alignBlock="center">
          <Button onClick={() => void runDry()} isDisabled={dry.kind === 'running'}>
            {dry.kind === 'running' ? 'Running…' : 'Dry run'}
          </Button>
          <Text size="small" color="color.text.subtle">
            What would this path do now? Nothing is changed.
          </Text>
        </Inline>
        {dry.kind === 'running' ? <LoadingState label="Finding the issues this path would escalate" /> : null}
        {dry.kind === 'error' ? (
          <ErrorState title="The dry run failed" message={dry.message} onRetry={() => void runDry()} />
        ) : null}
        {dry.kind === 'done' ? (
          <DryRunTable
            result={dry.result}
            onOpenSearch={() => deps.openSearch(searchPath(dry.result.candidateJql))}
            onExport={() => deps.download(`escalation-dry-run-${view.pathId}.csv`, dryRunCsv(dry.result))}
          />
        ) : null}
      </Stack>
    </Box>
  );
}

function DryRunTable({
  result,
  onOpenSearch,
  onExport,
}: {
  result: DryRunResult;
  onOpenSearch: () => void;
  onExport: () => void;
}) {
  return (
    <Stack space="space.100" testId="dry-run">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          As of {when(result.now)}:{' '}
          {result.issues.length === 0
            ? 'no issue'
            : `${result.issues.length} of ${result.candidates} candidate issues`}{' '}
          would escalate.
        </Text>
        <a
          href={searchPath(result.candidateJql)}
          onClick={(e) => {
            e.preventDefault();
            onOpenSearch();
          }}
        >
          Open the candidates in Jira search
        </a>
        {result.issues.length > 0 ? (
          <Button spacing="compact" onClick={onExport}>
            Export CSV
          </Button>
        ) : null}
      </Inline>
      {result.truncated ? (
        <SectionMessage appearance="information">
          <Text>Only the first issues are listed; open the search to see every candidate.</Text>
        </SectionMessage>
      ) : null}
      {result.issues.length > 0 ? (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'start' }}>
            <Text size="small" color="color.text.subtle">
              What the path would do now
            </Text>
          </caption>
          <thead>
            <tr>
              {['Issue', 'Level', 'Targets', 'Actions', 'Due'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'start', padding: 4 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.issues.map((i) => (
              <tr key={i.issueKey}>
                <td style={{ padding: 4 }}>
                  <Text weight="medium">{i.issueKey}</Text> <Text>{i.summary}</Text>
                  {i.reasons.length > 0 ? (
                    <Text as="p" size="small" color="color.text.subtle">
                      {i.reasons.join(' ')}
                    </Text>
                  ) : null}
                </td>
                <td style={{ padding: 4 }}>{`${i.level} (${i.levelName})`}</td>
                <td style={{ padding: 4 }}>{i.targets.map((t) => t.label).join(', ')}</td>
                <td style={{ padding: 4 }}>{i.actions.join(', ')}</td>
                <td style={{ padding: 4 }}>{when(i.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Text color="color.text.subtle">Nothing to escalate right now.</Text>
      )}
    </Stack>
  );
}

/**
 * Puts each target person's display name in front of a label that is only a description ("the issue's
 * Accountable": it starts in lower case); a label that already names someone ("Erik … (the issue's …)") stays.
 */
export function withNames(result: DryRunResult, names: ReadonlyMap<string, string>): DryRunResult {
  return {
    ...result,
    issues: result.issues.map((i) => ({
      ...i,
      targets: i.targets.map((t) => {
        const name = t.accountId ? names.get(t.accountId) : undefined;
        const described = /^[a-z]/.test(t.label);
        return name && described ? { ...t, label: `${name} (${t.label})` } : t;
      }),
    })),
  };
}
