import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InitiativeDetail, InitiativeStatus } from '../../../src/shared/progress';
import { readGadgetContext } from './gadget-context';
import { InitiativeCard } from './initiative-card';
import { CHOOSE_TITLE, InitiativeGadget } from './initiative-gadget';

const mockBridge = {
  context: {} as unknown,
  invoked: [] as Array<{ key: string; payload: unknown }>,
  submitted: [] as unknown[],
  opened: 0,
  answers: {} as Record<string, unknown>,
};
jest.mock('@forge/bridge', () => ({
  view: {
    getContext: () => Promise.resolve(mockBridge.context),
    submit: (payload: unknown) => {
      mockBridge.submitted.push(payload);
      return Promise.resolve(true);
    },
    close: () => Promise.resolve(true),
    open: () => {
      mockBridge.opened += 1;
      return Promise.resolve(true);
    },
  },
  router: { navigate: () => Promise.resolve() },
  invoke: (key: string, payload: unknown) => {
    mockBridge.invoked.push({ key, payload });
    return Promise.resolve(mockBridge.answers[key]);
  },
}));

const status: InitiativeStatus = {
  briefId: 'brief-launch',
  title: 'Feature X launch',
  ownerAccountId: '712020:priya',
  pageId: '100',
  rag: 'amber',
  reason: 'Amber: 1 item blocked > 2 business days',
  percentDone: 40,
  counts: { todo: 2, inProgress: 1, done: 2, total: 5 },
  blocked: 1,
  blockedTooLong: 1,
  overdue: 0,
  baseline: '2026-12-12',
  forecast: '2026-12-15',
  slipDays: 3,
  escalationsByLevel: {},
  decisionsAwaiting: 1,
  figures: [{ key: 'blocked', label: 'Blocked', value: 1, jql: 'project = LAUNCH AND status = Blocked' }],
  scopeJql: 'project = LAUNCH',
  asOf: '2026-01-10T10:00:00.000Z',
};
const detail: InitiativeDetail = {
  status,
  history: [
    { date: '2026-01-08', total: 5, done: 1 },
    { date: '2026-01-09', total: 5, done: 2 },
  ],
};
const ok = (value: unknown) => ({ ok: true, data: value });

beforeEach(() => {
  mockBridge.invoked = [];
  mockBridge.submitted = [];
  mockBridge.opened = 0;
  mockBridge.answers = {};
});

test('readGadgetContext: edit mode from entryPoint, config from gadgetConfiguration', () => {
  expect(
    readGadgetContext({ extension: { entryPoint: 'edit', gadgetConfiguration: { briefId: 'b1' } } }),
  ).toEqual({
    mode: 'edit',
    briefId: 'b1',
  });
  expect(readGadgetContext({ extension: { gadgetConfiguration: { briefId: ' ' } } })).toEqual({
    mode: 'view',
    briefId: null,
  });
  expect(readGadgetContext(null)).toEqual({ mode: 'view', briefId: null });
});

test('the card shows RAG word, reason, figures with search links and the burn-up chart', () => {
  const opened: string[] = [];
  render(
    <InitiativeCard
      detail={detail}
      now={new Date('2026-01-10T10:05:00.000Z')}
      onOpenSearch={(j) => opened.push(j)}
    />,
  );
  expect(screen.getByTestId('rag-amber').textContent).toContain('Amber');
  expect(screen.getByTestId('initiative-reason').textContent).toBe(status.reason);
  expect(screen.getByTestId('figure-percent').textContent).toBe('40%');
  expect(screen.getByTestId('figure-forecast').textContent).toBe('12 Dec → 15 Dec (+3d)');
  fireEvent.click(screen.getByRole('link', { name: /Blocked: 1/ }));
  expect(opened).toEqual(['project = LAUNCH AND status = Blocked']);
  const chart = screen.getByTestId('burn-up-chart');
  expect(chart.querySelector('title')?.textContent).toBeTruthy();
  expect(chart.querySelectorAll('circle').length).toBe(4);
});

test('the card shows open escalations by level, linked to their search', () => {
  const opened: string[] = [];
  const escalated = {
    ...detail,
    status: {
      ...status,
      escalationsByLevel: { '1': 2, '2': 1 },
      figures: [
        ...status.figures,
        { key: 'escalations', label: 'Open escalations', value: 3, jql: 'accordEscalationLevel >= 1' },
      ],
    },
  };
  render(<InitiativeCard detail={escalated} now={new Date()} onOpenSearch={(j) => opened.push(j)} />);
  expect(screen.getByTestId('figure-escalations').textContent).toBe('L2: 1, L1: 2');
  fireEvent.click(screen.getByRole('link', { name: /Open escalations: L2: 1, L1: 2/ }));
  expect(opened).toEqual(['accordEscalationLevel >= 1']);
});

test('unconfigured gadget: "Choose an initiative" asks for the edit view', async () => {
  mockBridge.context = { extension: { type: 'jira:dashboardGadget', gadgetConfiguration: {} } };
  render(<InitiativeGadget />);
  expect((await screen.findByTestId('empty-state')).textContent).toContain(CHOOSE_TITLE);
  expect(mockBridge.invoked).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Choose an initiative' }));
  expect(mockBridge.opened).toBe(1);
});

test('configured gadget loads its initiative as the viewer', async () => {
  mockBridge.context = { extension: { gadgetConfiguration: { briefId: 'brief-launch' } } };
  mockBridge.answers['progress/initiative'] = ok(detail);
  render(<InitiativeGadget />);
  expect(await screen.findByTestId('initiative-card')).toBeTruthy();
  expect(mockBridge.invoked).toEqual([{ key: 'progress/initiative', payload: { briefId: 'brief-launch' } }]);
});

test('a failed load shows the error sentence with a retry', async () => {
  mockBridge.context = { extension: { gadgetConfiguration: { briefId: 'gone' } } };
  mockBridge.answers['progress/initiative'] = {
    ok: false,
    error: { code: 'NOT_FOUND', message: 'That initiative does not exist or you cannot see it.' },
  };
  render(<InitiativeGadget />);
  expect(await screen.findByTestId('error-state')).toBeTruthy();
  expect(screen.getByTestId('error-state').textContent).toContain('Try again');
});

test('edit view lists the initiatives and submits { briefId }', async () => {
  mockBridge.context = { extension: { entryPoint: 'edit', gadgetConfiguration: {} } };
  mockBridge.answers['progress/overview'] = ok({ initiatives: [status], asOf: status.asOf });
  render(<InitiativeGadget />);
  const input = await screen.findByLabelText('Initiative');
  const save = screen.getByRole('button', { name: 'Save' });
  expect(save.hasAttribute('disabled') || save.getAttribute('aria-disabled') === 'true').toBe(true);
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByText('Feature X launch (Amber)'));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  });
  await waitFor(() => expect(mockBridge.submitted).toEqual([{ briefId: 'brief-launch' }]));
});

test('the card lists the pending DACI decisions, each opening its page', () => {
  const pages: string[] = [];
  const pending = {
    ...detail,
    status: {
      ...status,
      pendingDecisions: [
        {
          id: 'd1',
          question: 'Share customer emails with the ad partner?',
          approverAccountId: '712020:grace',
          dueDate: '2026-01-12',
          overdue: false,
          pageId: '98307',
        },
      ],
      pendingDecisionsTotal: 1,
    },
  };
  render(
    <InitiativeCard
      detail={pending}
      now={new Date('2026-01-10T10:05:00.000Z')}
      onOpenSearch={() => undefined}
      nameOf={(id) => (id === '712020:grace' ? 'Grace Miller' : undefined)}
      onOpenPage={(p) => pages.push(p)}
    />,
  );
  fireEvent.click(
    screen.getByRole('link', { name: /1 awaiting Grace Miller: Share customer emails… \(due in 2 days\)/ }),
  );
  expect(pages).toEqual(['/wiki/pages/viewpage.action?pageId=98307']);
  expect(screen.getByTestId('figure-decisions').textContent).toBe('1');
});
