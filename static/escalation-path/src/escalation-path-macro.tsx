/**
 * The Escalation Path macro: the path as a document a person can follow (when · level by level · whom · what),
 * people by their Jira display names (asked by the browser as the viewer), an Enabled/Draft lozenge, and a
 * Dry run that lists what the path would do now, with CSV export and the candidate search in Jira.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { describePath } from '../../../src/domain/escalation';
import type { EscalationPathView } from '../../../src/shared/escalation';
import { describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import type { JiraRequest } from '../../common/src/jira-request';
import { fetchPeople } from '../../common/src/user-picker-people';
import { DryRunPanel, type DryRunDeps } from '../../common/src/escalation/dry-run';

export { withNames } from '../../common/src/escalation/dry-run';

export interface EscalationPathMacroDeps extends DryRunDeps {
  getContext: () => Promise<{ extension: unknown }>;
  getPath: (pathId: string) => Promise<EscalationPathView>;
  jira: JiraRequest;
}

type State =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; view: EscalationPathView; names: Record<string, string> };

const pathIdOf = (extension: unknown): string | undefined => {
  const config = (extension as { config?: { pathId?: unknown } } | null)?.config;
  return typeof config?.pathId === 'string' && config.pathId ? config.pathId : undefined;
};

export function EscalationPathMacro({ deps }: { deps: EscalationPathMacroDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

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
        <DryRunPanel pathId={view.pathId} deps={deps} />
      </Stack>
    </Box>
  );
}
