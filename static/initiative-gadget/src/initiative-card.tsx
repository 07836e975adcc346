/**
 * One initiative, bigger: RAG with its reason, % done, baseline → forecast, blocked, open escalations by level,
 * decisions waiting and the burn-up chart. Pure: the container decides what opening a search means.
 */
import type { MouseEvent } from 'react';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { InitiativeDetail } from '../../../src/shared/progress';
import { RagLozenge } from '../../common/src/charts/rag-lozenge';
import { BurnUpChart } from '../../common/src/charts/trend-charts';
import { relativeTime } from '../../common/src/relative-time';
import { PendingDecisions } from '../../common/src/initiative-numbers-decisions';
import {
  baselineForecastText,
  escalationText,
  jqlFor,
  searchPath,
} from '../../overview-page/src/initiatives-view';

function Figure({
  label,
  value,
  jql,
  onOpenSearch,
  testId,
}: {
  label: string;
  value: string | number;
  jql?: string | undefined;
  onOpenSearch: (jql: string) => void;
  testId: string;
}) {
  const open = (event: MouseEvent) => {
    event.preventDefault();
    if (jql) onOpenSearch(jql);
  };
  return (
    <Stack space="space.025">
      <Text size="small" color="color.text.subtle">
        {label}
      </Text>
      <span
        style={{ fontSize: 24, fontWeight: 600, color: token('color.text', '#172B4D') }}
        data-testid={testId}
      >
        {jql ? (
          <a
            href={searchPath(jql)}
            onClick={open}
            data-jql={jql}
            aria-label={`${label}: ${String(value)} — open in Jira search`}
          >
            {value}
          </a>
        ) : (
          value
        )}
      </span>
    </Stack>
  );
}

export function InitiativeCard({
  detail,
  now,
  onOpenSearch,
  nameOf,
  onOpenPage,
}: {
  detail: InitiativeDetail;
  now: Date;
  onOpenSearch: (jql: string) => void;
  /** Approvers' names (read by the browser); unknown ones read "their Approver". */
  nameOf?: (accountId: string) => string | undefined;
  /** Opens a pending decision's Confluence page by its path; without it the decisions are not listed. */
  onOpenPage?: (path: string) => void;
}) {
  const s = detail.status;
  return (
    <Stack space="space.200" testId="initiative-card">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <RagLozenge rag={s.rag} isBold />
        <Heading size="medium" as="h2">
          {s.title}
        </Heading>
      </Inline>
      <Text testId="initiative-reason">{s.reason}</Text>
      <Inline space="space.400" shouldWrap>
        <Figure
          label="Done"
          value={`${s.percentDone}%`}
          jql={jqlFor(s, 'percent')}
          onOpenSearch={onOpenSearch}
          testId="figure-percent"
        />
        <Figure
          label="Baseline → Forecast"
          value={baselineForecastText(s)}
          onOpenSearch={onOpenSearch}
          testId="figure-forecast"
        />
        <Figure
          label="Blocked"
          value={s.blocked}
          jql={jqlFor(s, 'blocked')}
          onOpenSearch={onOpenSearch}
          testId="figure-blocked"
        />
        <Figure
          label="Open escalations"
          value={escalationText(s) || '0'}
          jql={jqlFor(s, 'escalations')}
          onOpenSearch={onOpenSearch}
          testId="figure-escalations"
        />
        <Figure
          label="Decisions waiting"
          value={s.decisionsAwaiting}
          jql={jqlFor(s, 'decisions')}
          onOpenSearch={onOpenSearch}
          testId="figure-decisions"
        />
      </Inline>
      {onOpenPage ? (
        <PendingDecisions status={s} nameOf={nameOf ?? (() => undefined)} now={now} onOpenPage={onOpenPage} />
      ) : null}
      <BurnUpChart history={detail.history} />
      <Text size="small" color="color.text.subtle" testId="updated-ago">
        <time dateTime={s.asOf}>Updated {relativeTime(s.asOf, now)}</time>
      </Text>
    </Stack>
  );
}
