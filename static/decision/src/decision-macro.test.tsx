import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DecisionView } from '../../../src/shared/decision';
import { ResolverCallError } from '../../common/src/resolver-client';
import { DecisionMacro, type DecisionMacroDeps } from './decision-macro';

const base = (over: Partial<DecisionView> = {}): DecisionView => ({
  revision: 2,
  pageId: '98307',
  updatedAt: '2026-01-01T00:00:00.000Z',
  can: { edit: false, input: true, approve: false, defer: false, revoke: false, reopen: false },
  decision: {
    id: 'decision-1',
    question: 'Share e-mails or segments?',
    context: '',
    driver: '712020:p',
    approver: '712020:g',
    contributors: ['712020:e'],
    informed: [],
    options: [
      { id: 'option-1', title: 'E-mails', description: '', pros: ['Reach'], cons: ['Privacy flag'] },
      { id: 'option-2', title: 'Segments', description: '', pros: [], cons: [] },
    ],
    dueDate: '2026-01-03',
    linkedIssueKeys: [],
    briefId: null,
    status: 'open',
    outcome: null,
    log: [{ kind: 'input', at: '2026-01-01T09:00:00.000Z', by: '712020:e', text: 'Segments suffice.' }],
  },
  ...over,
});

const deps = (over: Partial<DecisionMacroDeps> = {}): DecisionMacroDeps => ({
  getContext: () => Promise.resolve({ extension: { config: { decisionId: 'decision-1' } } }),
  getDecision: () => Promise.resolve(base()),
  act: jest.fn(),
  names: () =>
    Promise.resolve(
      new Map([
        ['712020:g', 'Grace'],
        ['712020:e', 'Erik'],
      ]),
    ),
  now: () => new Date('2026-01-01T12:00:00.000Z'),
  ...over,
});

test('shows the question, roles, options, due date and the log; a Contributor records input', async () => {
  const act = jest.fn(() =>
    Promise.resolve(
      base({
        decision: {
          ...base().decision,
          log: [
            ...base().decision.log,
            { kind: 'input', at: '2026-01-01T12:00:00.000Z', by: '712020:e', text: 'More.' },
          ],
        },
      }),
    ),
  );
  render(<DecisionMacro deps={deps({ act })} />);
  expect((await screen.findByTestId('decision-question')).textContent).toBe('Share e-mails or segments?');
  expect(screen.getByTestId('decision-due').textContent).toBe('Due 2026-01-03, in 2 days');
  await waitFor(() => expect(screen.getByTestId('decision-role-approver').textContent).toBe('Grace'));
  expect(screen.queryByTestId('decision-approve-option-1')).toBeNull();
  fireEvent.change(screen.getByTestId('decision-input-text'), { target: { value: 'More.' } });
  fireEvent.click(screen.getByTestId('decision-input-submit'));
  await waitFor(() => expect(screen.getAllByTestId('decision-log-entry')).toHaveLength(2));
  expect(act).toHaveBeenCalledWith({ action: 'input', text: 'More.', decisionId: 'decision-1' });
});

test('the Approver approves an option with a comment; a refusal shows the server sentence', async () => {
  const act = jest.fn(() =>
    Promise.reject(new ResolverCallError('INVALID_INPUT', 'Say why you chose this option.')),
  );
  render(
    <DecisionMacro
      deps={deps({
        act,
        getDecision: () =>
          Promise.resolve(
            base({
              can: { edit: false, input: false, approve: true, defer: false, revoke: false, reopen: false },
            }),
          ),
      })}
    />,
  );
  fireEvent.click(await screen.findByTestId('decision-approve-option-2'));
  expect((await screen.findByTestId('decision-act-error')).textContent).toContain(
    'Say why you chose this option.',
  );
  expect(act).toHaveBeenCalledWith({
    action: 'approve',
    optionId: 'option-2',
    text: '',
    decisionId: 'decision-1',
  });
});
