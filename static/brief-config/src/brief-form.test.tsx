import { fireEvent, render, screen } from '@testing-library/react';
import { BriefForm, readEpicKeys, type BriefDraft } from './brief-form';

const initial: BriefDraft = {
  title: 'Feature X launch',
  status: 'draft',
  sections: {
    problem: 'p',
    goals: '',
    scope: '',
    engineering: '',
    legal: '',
    cost: '',
    marketing: '',
    risks: '',
  },
  milestones: [],
  epicKeys: 'LAUNCH-1',
  jql: '',
};

test('epic keys are read and validated', () => {
  expect(readEpicKeys(' launch-1, LAUNCH-4;launch-1 ')).toEqual({ keys: ['LAUNCH-1', 'LAUNCH-4'] });
  expect(readEpicKeys('LAUNCH-1, nope')).toEqual({ bad: 'nope' });
});

test('every section is editable; saving sends the sections, milestones and validated epics', async () => {
  const saves: Array<[BriefDraft, string[]]> = [];
  render(
    <BriefForm initial={initial} saving={false} onSave={(d, e) => saves.push([d, e])} onCancel={() => {}} />,
  );
  for (const label of [
    'Problem and business impact',
    'Goals and success metrics',
    'Scope and non-goals',
    'Engineering constraints',
    'Legal, privacy and compliance',
    'Cost and finance',
    'Marketing and go-to-market',
    'Risks and mitigations',
  ]) {
    expect(screen.getByLabelText(label)).toBeTruthy();
  }
  fireEvent.change(screen.getByLabelText('Engineering constraints'), {
    target: { value: 'Payments service is at capacity.' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
  fireEvent.change(screen.getByLabelText('Milestone 1 name'), { target: { value: 'Beta' } });
  fireEvent.change(screen.getByLabelText('Milestone 1 baseline date'), { target: { value: '2026-12-01' } });
  fireEvent.change(screen.getByLabelText('Linked epics'), { target: { value: 'launch-1, LAUNCH-4' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(saves).toHaveLength(1);
  const [draft, epics] = saves[0]!;
  expect(draft.sections.engineering).toBe('Payments service is at capacity.');
  expect(draft.milestones).toMatchObject([{ name: 'Beta', baselineDate: '2026-12-01', forecastDate: null }]);
  expect(epics).toEqual(['LAUNCH-1', 'LAUNCH-4']);
});

test('a bad epic key is refused with a sentence and nothing is saved', async () => {
  const saves: unknown[] = [];
  render(<BriefForm initial={initial} saving={false} onSave={(d) => saves.push(d)} onCancel={() => {}} />);
  fireEvent.change(screen.getByLabelText('Linked epics'), { target: { value: ', oops' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(screen.getByTestId('brief-form-problem').textContent).toMatch(/“oops” is not a Jira issue key/);
  expect(saves).toEqual([]);
});

test('the owner is picked with the shared user picker (searching Jira as the viewer) and saved as an id', async () => {
  const { fakeJira, users, ERIK } = await import('../../roles-panel/src/test-support/fake-jira');
  const { waitFor } = await import('@testing-library/react');
  const jira = fakeJira(users);
  const saves: BriefDraft[] = [];
  render(
    <BriefForm
      initial={{ ...initial, ownerAccountId: null }}
      saving={false}
      onSave={(d) => saves.push(d)}
      onCancel={() => {}}
      people={{ request: jira.request, names: new Map() }}
    />,
  );
  fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'erik' } });
  await waitFor(() => expect(document.querySelectorAll('[id*="-option-"]').length).toBe(1));
  fireEvent.click(document.querySelector('[id*="-option-"]')!);
  fireEvent.submit(screen.getByRole('form', { name: 'Project brief' }));
  expect(saves[0]?.ownerAccountId).toBe(ERIK);
  expect(jira.calls[0]).toMatch(/^\/rest\/api\/3\/user\/search\?/);
});
