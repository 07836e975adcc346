import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DecisionDraftData } from '../../../src/shared/decision';
import { AMARA, DAVID, GRACE, fakeJira, users } from '../../roles-panel/src/test-support/fake-jira';
import { DecisionForm, EMPTY_DRAFT, nextOptionId } from './decision-form';

const options = () => [...document.querySelectorAll('[id*="-option-"]')];

/** Types into a picker and picks the first person Jira finds. */
async function pick(label: string, query: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: query } });
  await waitFor(() => expect(options().length).toBeGreaterThan(0));
  fireEvent.click(options()[0]!);
}

test('option ids follow the domain naming and skip used ones', () => {
  expect(nextOptionId([])).toBe('option-1');
  expect(nextOptionId([{ id: 'option-2' }])).toBe('option-3');
  expect(nextOptionId([{ id: 'option-1' }, { id: 'option-3' }])).toBe('option-4');
});

test('the Driver fills question, people from the user picker, options, due date and links, then saves', async () => {
  const jira = fakeJira(users);
  const saves: DecisionDraftData[] = [];
  render(
    <DecisionForm
      initial={EMPTY_DRAFT}
      names={new Map()}
      request={jira.request}
      saving={false}
      onSave={(d) => saves.push(d)}
      onCancel={() => {}}
    />,
  );
  fireEvent.change(screen.getByLabelText('The question this decision answers'), {
    target: { value: 'Share e-mails or segments?' },
  });
  await pick('Approver', 'grace');
  await pick('Contributors', 'amara');
  await pick('Contributors', 'david');
  expect(
    within(screen.getByTestId('decision-contributors-list')).getByText('Amara Okafor (Engineer)'),
  ).toBeTruthy();
  fireEvent.click(screen.getByTestId('decision-add-option'));
  fireEvent.change(screen.getByLabelText('Option 1: title'), { target: { value: 'Segments' } });
  fireEvent.change(screen.getByLabelText('Pros, one per line'), { target: { value: 'Privacy\n\nCheap' } });
  fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2026-02-01' } });
  fireEvent.change(screen.getByLabelText('Linked Jira issues (keys, comma separated)'), {
    target: { value: 'launch-2, LAUNCH-5' },
  });
  fireEvent.click(screen.getByTestId('decision-save'));
  await waitFor(() => expect(saves).toHaveLength(1));
  expect(saves[0]).toMatchObject({
    question: 'Share e-mails or segments?',
    approver: GRACE,
    contributors: [AMARA, DAVID],
    options: [{ id: 'option-1', title: 'Segments', pros: ['Privacy', 'Cheap'], cons: [] }],
    dueDate: '2026-02-01',
  });
  expect(saves[0]!.linkedIssueKeys).toEqual(['LAUNCH-2', 'LAUNCH-5']);
  // The picker searched Jira as the viewer; nothing but ids is in the draft.
  expect(jira.calls.some((c) => c.startsWith('/rest/api/3/user/search'))).toBe(true);
});

test('a contributor can be removed, and the names of stored people come from what was read', () => {
  render(
    <DecisionForm
      initial={{ ...EMPTY_DRAFT, question: 'q', contributors: [AMARA, DAVID] }}
      names={new Map([[AMARA, 'Amara Okafor (Engineer)']])}
      request={fakeJira(users).request}
      saving={false}
      onSave={() => {}}
      onCancel={() => {}}
    />,
  );
  const list = screen.getByTestId('decision-contributors-list');
  expect(within(list).getByText('Unknown person')).toBeTruthy();
  fireEvent.click(within(list).getByText('Remove Amara Okafor (Engineer)'));
  expect(within(screen.getByTestId('decision-contributors-list')).queryByText(/Amara/)).toBeNull();
});
