/** What the last hourly blocked sweep found, with a link to each issue. */
import type { MouseEvent } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { SettingsView } from '../../../src/shared/settings';
import { relativeTime } from '../../common/src/relative-time';

type Sweep = NonNullable<SettingsView['lastSweep']>;

/** "2 issues Blocked for more than 48 h", or its one-issue and no-issue forms. */
export function sweepSummary(sweep: Sweep, fallbackHours: number): string {
  const hours = sweep.thresholdHours ?? fallbackHours;
  const n = sweep.blocked.length;
  if (n === 0) return `No issue has been Blocked for more than ${hours} h.`;
  return `${n} ${n === 1 ? 'issue' : 'issues'} Blocked for more than ${hours} h:`;
}

export function LastSweep({
  sweep,
  thresholdHours,
  now,
  onOpenIssue,
}: {
  sweep: SettingsView['lastSweep'];
  thresholdHours: number;
  now: Date;
  onOpenIssue: (issueKey: string) => void;
}) {
  if (!sweep) {
    return (
      <Text color="color.text.subtle" testId="last-sweep">
        The blocked sweep has not run yet. It runs every hour and lists the issues Blocked for more than{' '}
        {thresholdHours} h.
      </Text>
    );
  }
  const newly = new Set(sweep.newlyBlocked);
  return (
    <Stack space="space.075" testId="last-sweep">
      <Text color="color.text.subtle">
        Last sweep <time dateTime={sweep.at}>{relativeTime(sweep.at, now)}</time>.
      </Text>
      <Inline space="space.100" shouldWrap alignBlock="center">
        <Text>{sweepSummary(sweep, thresholdHours)}</Text>
        {sweep.blocked.map((key) => (
          <a
            key={key}
            href={`/browse/${encodeURIComponent(key)}`}
            onClick={(event: MouseEvent) => {
              event.preventDefault();
              onOpenIssue(key);
            }}
            aria-label={`Open ${key}${newly.has(key) ? ' (new since the sweep before)' : ''}`}
          >
            {key} ↗
          </a>
        ))}
      </Inline>
    </Stack>
  );
}
