import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AcknowledgePayload, IssueEscalations } from '../../../src/shared/escalation';
import { ResolverCallError } from '../../common/src/resolver-client';
import { EscalationTab, type EscalationTabApi } from './escalation-tab';
import { ERIK, NAMES, fakeJira } from './test-support/fake-jira';

const NOW = new Date('2026-11-24T12:00:00.000Z');

const open = (
  over: Partial<IssueEscalations['episodes'][number]> = {},
): IssueEscalations['episodes'][number] => ({
  pathId: 'path-launch-blocked',
  pathName: 'Blocked launch work',
  episodeId: 'ep-1',
  startedAt: '2026-11-20T09:00:00.000Z',
  currentLevel: 1,
  levels: [
    { level: 1, name: 'Team lead', dueAt: '2026-11-23T09:00:00.000Z', firedAt: '2026-11-23T09:00:00.000Z' },
    { level: 2, name: 'Director', dueAt: '2026-11-26T09:00:00.000Z', firedAt: null },
  ],
  acknowledgedBy: null,
  endedAt: null,
  endReason: null,
  canAcknowledge: true,
  ...over,
});

const data = (over: Partial<IssueEscalations> = {}): IssueEscalations => ({
  issueKey: 'LAUNCH-3',
  episodes: [open()],
  history: [
    {
      at: '2026-11-20T09:00:00.000Z',
      issueKey: 'LAUNCH-3',
      pathId: 'path-launch-blocked',
      pathName: 'Blocked launch work',
      episodeId: 'ep-1',
      kind: 'episode-started',
    },
    {
      at: '2026-11-23T09:00:00.000Z',
      issueKey: 'LAUNCH-3',
      pathId: 'path-launch-blocked',
      pathName: 'Blocked launch work',
      episodeId: 'ep-1',
      kind: 'level-fired',
      level: 1,
      targets: [{ accountId: ERIK, label: "Erik Lindqvist (the issue's Accountable)" }],
      actions: [
        { action: 'comment', ok: true },
        { action: 'notify', ok: false, detail: 'Jira answered 503' },
      ],
    },
  ],
  ...over,
});

function fakes(over: Partial<EscalationTabApi> = {}) {
  const acks: AcknowledgePayload[] = [];
  const jira = fakeJira((p, q) =>
    p === '/rest/api/3/user/bulk'
      ? {
          status: 200,
          body: { values: q.getAll('accountId').map((id) => ({ accountId: id, displayName: NAMES[id] })) },
        }
      : undefined,
  );
  const api: EscalationTabApi = {
    escalations: jest.fn(() => Promise.resolve(data())),
    acknowledge: (payload) => {
      acks.push(payload);
      return Promise.resolve(
        data({
          episodes: [open({ acknowledgedBy: ERIK, canAcknowledge: false })],
          history: [
            ...data().history,
            {
              at: '2026-11-24T12:00:00.000Z',
              issueKey: 'LAUNCH-3',
              pathId: 'path-launch-blocked',
              pathName: 'Blocked launch work',
              episodeId: 'ep-1',
              kind: 'acknowledged',
              accountId: ERIK,
            },
          ],
        }),
      );
    },
    jira: jira.request,
    ...over,
  };
  return { api, acks };
}

test('shows the open episode, its levels and the history newest first', async () => {
  const { api } = fakes();
  render(<EscalationTab issueKey="LAUNCH-3" api={api} now={NOW} />);
  const episode = await screen.findByTestId('episode-ep-1');
  expect(within(episode).getByTestId('episode-summary').textContent).toMatch(
    /^Level 1 \(Team lead\) fired .* · Level 2 \(Director\) due /,
  );
  const levels = within(episode).getAllByRole('listitem');
  expect(levels[0]?.textContent).toMatch(/^Level 1 \(Team lead\): fired /);
  expect(levels[1]?.textContent).toMatch(/^Level 2 \(Director\): due .*\(in 2 days\)/);
  const history = within(screen.getByRole('list', { name: 'Escalation history' })).getAllByRole('listitem');
  expect(history[0]?.textContent).toContain('Level fired 1');
  expect(history[0]?.textContent).toContain("Erik Lindqvist (the issue's Accountable)");
  expect(history[0]?.textContent).toContain('notify failed: Jira answered 503');
  expect(history[1]?.textContent).toContain('Escalation started');
  expect(api.escalations).toHaveBeenCalledWith('LAUNCH-3');
});

test('Acknowledge sends the episode and shows that the ladder stopped', async () => {
  const { api, acks } = fakes();
  render(<EscalationTab issueKey="LAUNCH-3" api={api} now={NOW} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
  await waitFor(() => expect(screen.getByText(`${NAMES[ERIK]} has this: the ladder stopped.`)).toBeTruthy());
  expect(acks).toEqual([{ issueKey: 'LAUNCH-3', pathId: 'path-launch-blocked', episodeId: 'ep-1' }]);
  expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  expect(screen.getByTestId('episode-summary').textContent).not.toContain('due');
});

test('no Acknowledge for someone who is not the current target; a refused acknowledge says why', async () => {
  const { api } = fakes({
    escalations: () => Promise.resolve(data({ episodes: [open({ canAcknowledge: false })] })),
  });
  const { unmount } = render(<EscalationTab issueKey="LAUNCH-3" api={api} now={NOW} />);
  await screen.findByTestId('episode-ep-1');
  expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  unmount();
  const refused = fakes({
    acknowledge: () =>
      Promise.reject(new ResolverCallError('FORBIDDEN', 'Only the current level’s targets can acknowledge.')),
  });
  render(<EscalationTab issueKey="LAUNCH-3" api={refused.api} now={NOW} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
  expect((await screen.findByTestId('ack-error')).textContent).toContain('current level’s targets');
});

test('an issue with no escalations shows the empty state; a failure offers retry', async () => {
  const { api } = fakes({ escalations: () => Promise.resolve(data({ episodes: [], history: [] })) });
  const { unmount } = render(<EscalationTab issueKey="LAUNCH-3" api={api} now={NOW} />);
  expect((await screen.findByTestId('empty-state')).textContent).toContain('No escalations');
  unmount();
  let calls = 0;
  const flaky = fakes({
    escalations: () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new ResolverCallError('UPSTREAM', 'Jira did not answer.'))
        : Promise.resolve(data());
    },
  });
  render(<EscalationTab issueKey="LAUNCH-3" api={flaky.api} now={NOW} />);
  expect((await screen.findByTestId('error-state')).textContent).toContain('Jira did not answer.');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByTestId('episode-ep-1')).toBeTruthy();
});
