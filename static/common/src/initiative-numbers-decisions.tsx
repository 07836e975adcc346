/**
 * The DACI decisions an initiative waits on, in words: "1 awaiting Grace Miller: Share customer emails… (due
 * in 2 days)", one line per Approver, each opening the Confluence page of its soonest decision. Names are read
 * by the browser (the caller passes them); Accord sends account ids only. Used by the overview table, the
 * initiative gadget and the Status report macro.
 */
import { useEffect, useState, type MouseEvent } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import type { InitiativeStatus, PendingDecision } from '../../../src/shared/progress';
import type { JiraRequest } from './jira-request';
import { fetchPeople } from './user-picker-people';

/** The Confluence page of a decision (the host's router opens it, in the product or the local site). */
export const decisionPagePath = (pageId: string): string =>
  `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;

/** A question cut at a word before `max` characters, with "…" when cut. */
export function shortQuestion(question: string, max = 24): string {
  const q = question.trim();
  if (q.length <= max) return q;
  const cut = q.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > 8 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?]+$/, '')}…`;
}

const DAY_MS = 86_400_000;

/** "due in 2 days", "due tomorrow", "due today", "overdue by 3 days", "no due date" (days counted in UTC). */
export function dueText(dueDate: string | null, now: Date): string {
  if (dueDate === null) return 'no due date';
  const today = Date.parse(now.toISOString().slice(0, 10));
  const days = Math.round((Date.parse(dueDate) - today) / DAY_MS);
  if (!Number.isFinite(days)) return `due ${dueDate}`;
  if (days < 0) return `overdue by ${-days === 1 ? '1 day' : `${-days} days`}`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

export interface ApproverLine {
  approverAccountId: string | null;
  count: number;
  /** The Approver's soonest decision: the line names it and opens its page. */
  first: PendingDecision;
  text: string;
}

/** One line per Approver (in order of their soonest decision); "someone" when no Approver is named yet. */
export function approverLines(
  decisions: readonly PendingDecision[],
  nameOf: (accountId: string) => string | undefined,
  now: Date,
): ApproverLine[] {
  const groups = new Map<string, PendingDecision[]>();
  for (const d of decisions) {
    const key = d.approverAccountId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const who = first.approverAccountId
      ? (nameOf(first.approverAccountId) ?? 'their Approver')
      : 'an Approver to be named';
    const more = group.length > 1 ? ` and ${group.length - 1} more` : '';
    return [
      {
        approverAccountId: first.approverAccountId,
        count: group.length,
        first,
        text: `${group.length} awaiting ${who}: ${shortQuestion(first.question)} (${dueText(first.dueDate, now)})${more}`,
      },
    ];
  });
}

/** The Approvers of every listed decision, for the browser's name look-up. */
export const approverIdsOf = (statuses: readonly InitiativeStatus[]): string[] => [
  ...new Set(
    statuses.flatMap((s) =>
      (s.pendingDecisions ?? []).flatMap((d) => (d.approverAccountId ? [d.approverAccountId] : [])),
    ),
  ),
];

/**
 * The Approvers' names, read by the browser from Jira as the viewer (one `user/bulk` call); until they arrive,
 * or when Jira refuses, the lines say "their Approver".
 */
export function useApproverNames(
  statuses: readonly InitiativeStatus[],
  request: JiraRequest | undefined,
): (accountId: string) => string | undefined {
  const ids = approverIdsOf(statuses).sort().join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!request || ids === '') return;
    let live = true;
    fetchPeople(request, ids.split(',')).then(
      (people) => {
        if (live) setNames(new Map([...people].map(([id, p]) => [id, p.displayName])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ids, request]);
  return (accountId) => names.get(accountId);
}

export interface PendingDecisionsProps {
  status: InitiativeStatus;
  nameOf: (accountId: string) => string | undefined;
  now: Date;
  onOpenPage: (path: string) => void;
  testId?: string;
}

/** The lines as links; nothing when no DACI decision waits. */
export function PendingDecisions({ status, nameOf, now, onOpenPage, testId }: PendingDecisionsProps) {
  const listed = status.pendingDecisions ?? [];
  if (listed.length === 0) return null;
  const lines = approverLines(listed, nameOf, now);
  const total = status.pendingDecisionsTotal ?? listed.length;
  return (
    <Stack space="space.025" testId={testId ?? 'pending-decisions'}>
      {lines.map((line) => {
        const path = decisionPagePath(line.first.pageId);
        const open = (e: MouseEvent<HTMLAnchorElement>) => {
          e.preventDefault();
          onOpenPage(path);
        };
        return (
          <a
            key={line.first.id}
            href={path}
            onClick={open}
            title={line.first.question}
            aria-label={`${line.text}: open the decision's page`}
            data-testid="pending-decision"
            style={line.first.overdue ? { fontWeight: 600 } : undefined}
          >
            {line.text}
          </a>
        );
      })}
      {total > listed.length ? (
        <Text size="small" color="color.text.subtlest">
          {`and ${total - listed.length} more on the brief's pages`}
        </Text>
      ) : null}
    </Stack>
  );
}
