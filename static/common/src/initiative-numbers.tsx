/**
 * The live numbers of one initiative as a short list of labelled values: RAG with its reason (always shown),
 * % done, baseline → forecast, blocked, decisions waiting, open escalations. Used by the Status report macro
 * and the page byline so both say the same thing in the same words as the overview.
 */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { InitiativeStatus } from '../../../src/shared/progress';
import { RagBadge, baselineToForecast } from './rag-status';
import { PendingDecisions } from './initiative-numbers-decisions';

/** "L1: 2 · L2: 1", or "None" when nothing is open. */
export function escalationsLine(byLevel: Record<string, number>): string {
  const open = Object.entries(byLevel)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  if (open.length === 0) return 'None';
  return open.map(([level, count]) => `${/^\d+$/.test(level) ? `L${level}` : level}: ${count}`).join(' · ');
}

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Inline space="space.100" spread="space-between" alignBlock="baseline">
      <Text color="color.text.subtle">{label}</Text>
      <Text weight="bold" testId={testId}>
        {value}
      </Text>
    </Inline>
  );
}

export interface InitiativeNumbersProps {
  status: InitiativeStatus;
  locale?: string;
  /** Approvers' names (read by the browser); unknown ones read "their Approver". */
  nameOf?: (accountId: string) => string | undefined;
  now?: Date;
  /** Opens a decision's Confluence page by its path; without it the decision lines are not listed. */
  onOpenPage?: (path: string) => void;
}

export function InitiativeNumbers({ status, locale, nameOf, now, onOpenPage }: InitiativeNumbersProps) {
  const blocked =
    status.blockedTooLong > 0
      ? `${status.blocked} (${status.blockedTooLong} too long)`
      : String(status.blocked);
  return (
    <Stack space="space.100" testId="initiative-numbers">
      <Stack space="space.050">
        <RagBadge rag={status.rag} testId="initiative-rag" />
        <Text size="small" testId="initiative-reason">
          {status.reason}
        </Text>
      </Stack>
      <Box>
        <Stack space="space.050">
          <Row label="Done" value={`${status.percentDone}%`} testId="initiative-percent" />
          <Row
            label="Work items"
            value={`${status.counts.done} of ${status.counts.total} done`}
            testId="initiative-counts"
          />
          <Row
            label="Baseline → forecast"
            value={baselineToForecast(status, locale)}
            testId="initiative-dates"
          />
          <Row label="Blocked" value={blocked} testId="initiative-blocked" />
          <Row label="Overdue" value={String(status.overdue)} testId="initiative-overdue" />
          <Row
            label="Decisions waiting"
            value={String(status.decisionsAwaiting)}
            testId="initiative-decisions"
          />
          {onOpenPage ? (
            <PendingDecisions
              status={status}
              nameOf={nameOf ?? (() => undefined)}
              now={now ?? new Date()}
              onOpenPage={onOpenPage}
            />
          ) : null}
          <Row
            label="Open escalations"
            value={escalationsLine(status.escalationsByLevel)}
            testId="initiative-escalations"
          />
        </Stack>
      </Box>
      {status.forecastNote ? (
        <Text size="small" color="color.text.subtlest">
          {status.forecastNote}
        </Text>
      ) : null}
    </Stack>
  );
}
