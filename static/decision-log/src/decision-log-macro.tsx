/**
 * The Decision log macro: the decisions of this space (or of one brief, as the macro config says) with one
 * status, soonest due first, overdue ones highlighted; each row opens its page through the router; CSV export.
 * "Overdue" is judged on the viewer's own calendar date (their browser's time zone), not the server's UTC date.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { DecisionLog, DecisionLogPayload, DecisionStatus } from '../../../src/shared/decision';
import { describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { STATUS_APPEARANCE, STATUS_LABEL } from '../../decision/src/decision-words';
import { decisionLogCsv } from './decision-log-csv';
import { isOverdue } from '../../../src/domain/decision/decision-log-view';

export interface DecisionLogDeps {
  getContext: () => Promise<{ extension: unknown }>;
  list: (payload: DecisionLogPayload) => Promise<DecisionLog>;
  names: (ids: string[]) => Promise<Map<string, string>>;
  openPage: (pageId: string) => void;
  download: (fileName: string, csv: string) => void;
  /** The current instant (ISO) and the viewer's IANA time zone: overdue means due before their today. */
  now: () => string;
  timeZone: string;
}

/** The rows with `overdue` judged on the viewer's local date (a zone the browser names wrongly falls back to UTC). */
export function withLocalOverdue(log: DecisionLog, now: string, timeZone: string): DecisionLog {
  const judge = (row: DecisionLog['rows'][number]) => {
    try {
      return isOverdue(row, now, timeZone);
    } catch {
      return isOverdue(row, now, 'UTC');
    }
  };
  return { ...log, rows: log.rows.map((r) => ({ ...r, overdue: judge(r) })) };
}

export function scopeOf(extension: unknown): DecisionLogPayload['scope'] {
  const config = (extension as { config?: { briefId?: unknown } } | null)?.config;
  return typeof config?.briefId === 'string' && config.briefId
    ? { kind: 'brief', briefId: config.briefId }
    : { kind: 'space' };
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; log: DecisionLog };

const STATUSES: DecisionStatus[] = ['open', 'decided', 'deferred', 'revoked'];

export function DecisionLogMacro({ deps }: { deps: DecisionLogDeps }) {
  const [status, setStatus] = useState<DecisionStatus>('open');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [names, setNames] = useState<Map<string, string>>(new Map());

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const scope = scopeOf((await deps.getContext()).extension);
      const log = withLocalOverdue(await deps.list({ scope, status }), deps.now(), deps.timeZone);
      setState({ kind: 'loaded', log });
      const ids = log.rows.flatMap((r) => [r.driver, r.approver]).filter((x): x is string => x !== null);
      if (ids.length > 0) deps.names(ids).then(setNames, () => undefined);
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [deps, status]);

  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (id: string | null) => (id === null ? '—' : (names.get(id) ?? 'Unknown person'));
  return (
    <Box padding="space.200" testId="decision-log-view">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="bold">Decision log</Text>
          <label htmlFor="decision-log-status">
            <Text size="small">Status</Text>
          </label>
          <select
            id="decision-log-status"
            data-testid="decision-log-status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as DecisionStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          {state.kind === 'loaded' && state.log.rows.length > 0 ? (
            <Button
              testId="decision-log-csv"
              onClick={() =>
                deps.download(
                  'decisions.csv',
                  decisionLogCsv(state.log.rows, (id) => nameOf(id)),
                )
              }
            >
              Export CSV
            </Button>
          ) : null}
        </Inline>
        {state.kind === 'loading' ? <LoadingState label="Loading decisions" /> : null}
        {state.kind === 'error' ? (
          <ErrorState
            title="The decision log could not be loaded"
            message={state.message}
            onRetry={() => void load()}
          />
        ) : null}
        {state.kind === 'loaded' && state.log.rows.length === 0 ? (
          <EmptyState title={`No ${STATUS_LABEL[status].toLowerCase()} decisions`}>
            Decisions you can see on this space's pages appear here.
          </EmptyState>
        ) : null}
        {state.kind === 'loaded' && state.log.rows.length > 0 ? (
          <table data-testid="decision-log-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Driver</th>
                <th scope="col">Approver</th>
                <th scope="col">Page</th>
              </tr>
            </thead>
            <tbody>
              {state.log.rows.map((r) => (
                <tr
                  key={r.id}
                  data-testid="decision-log-row"
                  data-overdue={r.overdue ? 'true' : 'false'}
                  style={r.overdue ? { background: 'var(--ds-background-danger, #FFEBE6)' } : undefined}
                >
                  <td>{r.question}</td>
                  <td>
                    <Lozenge appearance={STATUS_APPEARANCE[r.status]}>{STATUS_LABEL[r.status]}</Lozenge>
                  </td>
                  <td>
                    {r.dueDate ?? 'None'}
                    {r.overdue ? ' (overdue)' : ''}
                  </td>
                  <td>{nameOf(r.driver)}</td>
                  <td>{nameOf(r.approver)}</td>
                  <td>
                    <Button appearance="subtle" onClick={() => deps.openPage(r.pageId)}>
                      {r.pageTitle || 'Open page'}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {state.kind === 'loaded' && state.log.truncated ? (
          <Text size="small" color="color.text.subtlest">
            Only the first 100 decisions are shown.
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
