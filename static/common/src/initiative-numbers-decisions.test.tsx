import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InitiativeStatus, PendingDecision } from '../../../src/shared/progress';
import { InitiativeNumbers } from './initiative-numbers';
import {
  approverIdsOf,
  approverLines,
  decisionPagePath,
  dueText,
  PendingDecisions,
  shortQuestion,
  useApproverNames,
} from './initiative-numbers-decisions';
import { initiativeStatus } from './status-fixtures';

const GRACE = '712020:grace';
const DAVID = '712020:david';
const now = new Date('2026-11-27T10:00:00.000Z');
const decision = (over: Partial<PendingDecision>): PendingDecision => ({
  id: 'decision-launch-privacy',
  question: 'Share customer emails with the ad partner, or run the campaign on aggregated segments?',
  approverAccountId: GRACE,
  dueDate: '2026-11-29',
  overdue: false,
  pageId: '98307',
  ...over,
});
const withPending = (pending: PendingDecision[], total = pending.length): InitiativeStatus => ({
  ...initiativeStatus(),
  pendingDecisions: pending,
  pendingDecisionsTotal: total,
});
const names = (id: string) => ({ [GRACE]: 'Grace Miller', [DAVID]: 'David Okafor' })[id];

test('the demo line: "1 awaiting Grace Miller: Share customer emails… (due in 2 days)"', () => {
  expect(approverLines([decision({})], names, now).map((l) => l.text)).toEqual([
    '1 awaiting Grace Miller: Share customer emails… (due in 2 days)',
  ]);
});

test.each([
  [null, 'no due date'],
  ['2026-11-27', 'due today'],
  ['2026-11-28', 'due tomorrow'],
  ['2026-12-07', 'due in 10 days'],
  ['2026-11-26', 'overdue by 1 day'],
  ['2026-11-20', 'overdue by 7 days'],
])('dueText(%s) is "%s"', (due, text) => {
  expect(dueText(due, now)).toBe(text);
});

test('short questions stay whole; long ones are cut at a word', () => {
  expect(shortQuestion('Go or no go?')).toBe('Go or no go?');
  expect(shortQuestion('Raise the Feature X budget by 10%?')).toBe('Raise the Feature X…');
});

test('one line per Approver, soonest first, with how many more; an unnamed Approver is said so', () => {
  const lines = approverLines(
    [
      decision({ id: 'a', question: 'Budget?', dueDate: '2026-11-26', overdue: true }),
      decision({ id: 'b', question: 'Vendor?', approverAccountId: DAVID }),
      decision({ id: 'c', question: 'Pricing?' }),
      decision({ id: 'd', question: 'Name?', approverAccountId: null, dueDate: null }),
    ],
    names,
    now,
  );
  expect(lines.map((l) => l.text)).toEqual([
    '2 awaiting Grace Miller: Budget? (overdue by 1 day) and 1 more',
    '1 awaiting David Okafor: Vendor? (due in 2 days)',
    '1 awaiting an Approver to be named: Name? (no due date)',
  ]);
  expect(approverLines([decision({})], () => undefined, now)[0]?.text).toMatch(/^1 awaiting their Approver:/);
});

test('each line opens its decision page through the given router; extra decisions are counted', () => {
  const opened: string[] = [];
  render(
    <PendingDecisions
      status={withPending([decision({})], 7)}
      nameOf={names}
      now={now}
      onOpenPage={(p) => opened.push(p)}
    />,
  );
  const link = screen.getByRole('link', { name: /1 awaiting Grace Miller/ });
  expect(link.getAttribute('href')).toBe(decisionPagePath('98307'));
  fireEvent.click(link);
  expect(opened).toEqual(['/wiki/pages/viewpage.action?pageId=98307']);
  expect(screen.getByText("and 6 more on the brief's pages")).toBeTruthy();
});

test('nothing is rendered without pending decisions (older statuses have none)', () => {
  const { container } = render(
    <PendingDecisions status={initiativeStatus()} nameOf={names} now={now} onOpenPage={() => undefined} />,
  );
  expect(container.textContent).toBe('');
});

test('InitiativeNumbers lists them under "Decisions waiting" when it can open pages', () => {
  const opened: string[] = [];
  render(
    <InitiativeNumbers
      status={withPending([decision({})])}
      nameOf={names}
      now={now}
      onOpenPage={(p) => opened.push(p)}
    />,
  );
  fireEvent.click(screen.getByTestId('pending-decision'));
  expect(opened).toEqual(['/wiki/pages/viewpage.action?pageId=98307']);
});

function Names({
  status,
  request,
}: {
  status: InitiativeStatus;
  request: Parameters<typeof useApproverNames>[1];
}) {
  const nameOf = useApproverNames([status], request);
  return <span data-testid="name">{nameOf(GRACE) ?? 'unknown'}</span>;
}

test('useApproverNames asks Jira once for the Approvers (user/bulk) and names them', async () => {
  const asked: string[] = [];
  const request = (path: string) => {
    asked.push(path);
    return Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve({ values: [{ accountId: GRACE, displayName: 'Grace Miller' }] }),
    });
  };
  expect(approverIdsOf([withPending([decision({})])])).toEqual([GRACE]);
  render(<Names status={withPending([decision({})])} request={request as never} />);
  await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('Grace Miller'));
  expect(asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^\/rest\/api\/3\/user\/bulk\?/);
});
