/** The History tab: every change to the roles (who, when, before → after), names resolved in one user/bulk. */
import { useCallback, useEffect, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { HistoryEntry } from '../../../src/shared/roles';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { describeError } from '../../common/src/resolver-client';
import { relativeTime } from '../../common/src/relative-time';
import type { RolesApi } from './api';
import { fetchPeople, type Person } from '../../common/src/user-picker-people';
import { ROLE_LABELS } from './role-labels';
import { nameIn } from './roles-table';

type HistoryState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; entries: HistoryEntry[]; people: ReadonlyMap<string, Person> };

const ACTION_WORDS: Record<HistoryEntry['action'], string> = {
  set: 'changed the roles',
  override: 'made the inherited roles this issue’s own',
  reset: 'reset the roles to inherit again',
  'sign-off': 'signed off',
  acknowledge: 'acknowledged',
  ask: 'asked for a decision',
  tell: 'told the Informed',
  'bulk-apply': 'applied roles in bulk',
};

/** "+ Amara Okafor as Responsible · − David Chen as Consulted · RACI → DACI" */
export function describeChanges(entry: HistoryEntry, people: ReadonlyMap<string, Person>): string {
  const parts = (entry.changes ?? []).map(
    (c) =>
      `${c.change === 'added' ? '+' : '−'} ${nameIn(people, c.accountId)} as ${ROLE_LABELS[c.role].name}`,
  );
  if (entry.frameworkBefore && entry.frameworkAfter && entry.frameworkBefore !== entry.frameworkAfter) {
    parts.push(`${entry.frameworkBefore} → ${entry.frameworkAfter}`);
  }
  return parts.join(' · ');
}

export function HistoryTab({
  issueKey,
  api,
  now = new Date(),
}: {
  issueKey: string;
  api: Pick<RolesApi, 'history' | 'jira'>;
  now?: Date;
}) {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { entries } = await api.history(issueKey);
      const ids = entries.flatMap((e) => [e.accountId, ...(e.changes ?? []).map((c) => c.accountId)]);
      let people: ReadonlyMap<string, Person> = new Map();
      if (ids.length > 0) people = await fetchPeople(api.jira, ids).catch(() => new Map<string, Person>());
      setState({ kind: 'loaded', entries, people });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [api, issueKey]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading history" />;
  if (state.kind === 'error') {
    return (
      <ErrorState title="History could not be loaded" message={state.message} onRetry={() => void load()} />
    );
  }
  if (state.entries.length === 0) {
    return (
      <EmptyState title="No changes yet">
        Every change to the roles on this issue, sign-off and acknowledgement will be listed here.
      </EmptyState>
    );
  }
  return (
    <Box as="ol" testId="roles-history" padding="space.0">
      <Stack space="space.150">
        {state.entries.map((entry, i) => {
          const changes = describeChanges(entry, state.people);
          return (
            <Box as="li" key={`${entry.at}-${i}`} testId="roles-history-entry">
              <Stack space="space.050">
                <Text>
                  <Text weight="semibold">{nameIn(state.people, entry.accountId)}</Text>{' '}
                  {ACTION_WORDS[entry.action]}{' '}
                  <Text color="color.text.subtle">
                    <time dateTime={entry.at} title={entry.at}>
                      {relativeTime(entry.at, now)}
                    </time>
                  </Text>
                </Text>
                {changes ? <Text color="color.text.subtle">{changes}</Text> : null}
                {entry.note ? <Text color="color.text.subtle">“{entry.note}”</Text> : null}
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
}
