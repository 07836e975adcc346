/**
 * The Escalation tab of the Roles panel: the issue's open escalation episodes (each level fired at / due at),
 * an Acknowledge button for the current level's target, and the escalation history. It asks
 * `escalation/issue` only when the person opens the tab: opening the panel costs no function invocation.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type {
  AcknowledgePayload,
  EscalationAuditEntry,
  IssueEpisodeView,
  IssueEscalations,
} from '../../../src/shared/escalation';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { describeError } from '../../common/src/resolver-client';
import { relativeTime } from '../../common/src/relative-time';
import type { JiraRequest } from './jira-request';
import { fetchPeople, type Person } from '../../common/src/user-picker-people';

export interface EscalationTabApi {
  escalations(issueKey: string): Promise<IssueEscalations>;
  acknowledge(payload: AcknowledgePayload): Promise<IssueEscalations>;
  jira: JiraRequest;
}

type TabState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; data: IssueEscalations; people: ReadonlyMap<string, Person> };

const at = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

const KIND_WORDS: Record<EscalationAuditEntry['kind'], string> = {
  'episode-started': 'Escalation started',
  'level-fired': 'Level fired',
  'level-failed': 'Level failed',
  'episode-ended': 'Escalation ended',
  acknowledged: 'Acknowledged',
};

const REASON_WORDS: Record<string, string> = {
  'conditions-cleared': 'the issue no longer meets the path',
  resolved: 'the issue was resolved',
  acknowledged: 'acknowledged',
  'path-removed': 'the path was removed or disabled',
  deleted: 'the issue was deleted',
};

const nameOf = (people: ReadonlyMap<string, Person>, accountId: string | null | undefined) =>
  accountId ? (people.get(accountId)?.displayName ?? 'Someone') : 'Someone';

/** "Level 1 (Team lead) fired Tue 10:00 · Level 2 due Thu 10:00" */
export function episodeSummary(episode: IssueEpisodeView): string {
  const fired = episode.levels.filter((l) => l.firedAt !== null);
  const last = fired[fired.length - 1];
  const next = episode.levels.find((l) => l.firedAt === null);
  const parts: string[] = [];
  if (last?.firedAt) parts.push(`Level ${last.level} (${last.name}) fired ${at(last.firedAt)}`);
  else parts.push('No level has fired yet');
  if (!episode.endedAt && !episode.acknowledgedBy && next) {
    parts.push(
      next.dueAt
        ? `Level ${next.level} (${next.name}) due ${at(next.dueAt)}`
        : `Level ${next.level} (${next.name}) next`,
    );
  }
  return parts.join(' · ');
}

export function EscalationTab({
  issueKey,
  api,
  now = new Date(),
}: {
  issueKey: string;
  /** Defaults to the panel's bridge calls (loaded when the tab first opens). */
  api?: EscalationTabApi;
  now?: Date;
}) {
  const [bridgeApi, setBridgeApi] = useState<EscalationTabApi | undefined>(api);
  useEffect(() => {
    if (!api) void import('./api').then((m) => setBridgeApi(() => m.escalationApi));
  }, [api]);
  if (!bridgeApi) return <LoadingState label="Loading escalations" />;
  return <EscalationTabContent issueKey={issueKey} api={bridgeApi} now={now} />;
}

function EscalationTabContent({
  issueKey,
  api,
  now,
}: {
  issueKey: string;
  api: EscalationTabApi;
  now: Date;
}) {
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  const [acking, setAcking] = useState<string | null>(null);
  const [ackError, setAckError] = useState<string | null>(null);

  const show = useCallback(
    async (data: IssueEscalations) => {
      const ids = [
        ...data.episodes.flatMap((e) => (e.acknowledgedBy ? [e.acknowledgedBy] : [])),
        ...data.history.flatMap((h) => (h.accountId ? [h.accountId] : [])),
      ];
      const people =
        ids.length > 0
          ? await fetchPeople(api.jira, ids).catch(() => new Map<string, Person>())
          : new Map<string, Person>();
      setState({ kind: 'loaded', data, people });
    },
    [api],
  );

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      await show(await api.escalations(issueKey));
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [api, issueKey, show]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading escalations" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="Escalations could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }
  const { data, people } = state;
  if (data.episodes.length === 0 && data.history.length === 0) {
    return (
      <EmptyState title="No escalations">
        When this issue meets an escalation path (for example, it stays Blocked), each level and who was
        involved will show here.
      </EmptyState>
    );
  }

  const acknowledge = async (episode: IssueEpisodeView) => {
    setAcking(episode.episodeId);
    setAckError(null);
    try {
      await show(await api.acknowledge({ issueKey, pathId: episode.pathId, episodeId: episode.episodeId }));
    } catch (error) {
      setAckError(describeError(error));
    } finally {
      setAcking(null);
    }
  };

  const open = data.episodes.filter((e) => !e.endedAt);
  const history = [...data.history].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Stack space="space.200" testId="escalation-tab-content">
      {open.length === 0 ? (
        <Text color="color.text.subtle">No open escalation on this issue.</Text>
      ) : (
        open.map((episode) => (
          <Box
            key={episode.episodeId}
            padding="space.150"
            testId={`episode-${episode.episodeId}`}
            style={{ border: '1px solid var(--ds-border, #091e4224)', borderRadius: 4 }}
          >
            <Stack space="space.100">
              <Inline space="space.100" alignBlock="center" spread="space-between">
                <Inline space="space.100" alignBlock="center">
                  <Heading size="xsmall" as="h3">
                    {episode.pathName}
                  </Heading>
                  <Lozenge appearance={episode.acknowledgedBy ? 'success' : 'moved'}>
                    {episode.acknowledgedBy
                      ? 'Acknowledged'
                      : episode.currentLevel > 0
                        ? `Level ${episode.currentLevel}`
                        : 'Started'}
                  </Lozenge>
                </Inline>
                {episode.canAcknowledge && !episode.acknowledgedBy ? (
                  <Button
                    appearance="primary"
                    isDisabled={acking !== null}
                    onClick={() => void acknowledge(episode)}
                  >
                    {acking === episode.episodeId ? 'Acknowledging…' : 'Acknowledge'}
                  </Button>
                ) : null}
              </Inline>
              <Text testId="episode-summary">{episodeSummary(episode)}</Text>
              {episode.acknowledgedBy ? (
                <Text size="small" color="color.text.subtle">
                  {nameOf(people, episode.acknowledgedBy)} has this: the ladder stopped.
                </Text>
              ) : null}
              <ol aria-label={`Levels of ${episode.pathName}`} style={{ margin: 0, paddingInlineStart: 20 }}>
                {episode.levels.map((l) => (
                  <li key={l.level}>
                    <Text size="small">
                      {`Level ${l.level} (${l.name}): `}
                      {l.firedAt
                        ? `fired ${at(l.firedAt)}`
                        : l.dueAt
                          ? `due ${at(l.dueAt)} (${relativeTime(l.dueAt, now)})`
                          : 'not due'}
                    </Text>
                  </li>
                ))}
              </ol>
              <Text size="small" color="color.text.subtlest">
                Started {relativeTime(episode.startedAt, now)}
              </Text>
            </Stack>
          </Box>
        ))
      )}
      {ackError ? (
        <Text color="color.text.danger" testId="ack-error">
          {ackError}
        </Text>
      ) : null}
      {history.length > 0 ? (
        <Stack space="space.100">
          <Heading size="xsmall" as="h3">
            History
          </Heading>
          <ul aria-label="Escalation history" style={{ margin: 0, paddingInlineStart: 20 }}>
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <Text size="small">
                  <Text size="small" weight="medium">
                    {KIND_WORDS[h.kind]}
                    {h.level ? ` ${h.level}` : ''}
                  </Text>{' '}
                  · {h.pathName} · {at(h.at)}
                  {h.targets && h.targets.length > 0 ? ` · ${h.targets.map((t) => t.label).join(', ')}` : ''}
                  {h.actions && h.actions.length > 0
                    ? ` · ${h.actions.map((a) => (a.ok ? a.action : `${a.action} failed${a.detail ? `: ${a.detail}` : ''}`)).join(', ')}`
                    : ''}
                  {h.kind === 'acknowledged' ? ` · by ${nameOf(people, h.accountId)}` : ''}
                  {h.reason && h.kind === 'episode-ended' ? ` · ${REASON_WORDS[h.reason] ?? h.reason}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Stack>
  );
}
