import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BriefList } from '../../../src/shared/settings';
import { DecisionLogConfig, type DecisionLogConfigDeps } from './decision-log-config';

const LIST: BriefList = {
  briefs: [
    {
      id: 'brief-launch',
      title: 'Feature X launch',
      status: 'in-review',
      ownerAccountId: 'p',
      updatedAt: '2026-01-01T00:00:00.000Z',
      pageId: '98307',
      pageUrl: '/wiki/spaces/LAUNCH/pages/98307',
    },
  ],
  truncated: false,
};

const deps = (config: unknown, over: Partial<DecisionLogConfigDeps> = {}): DecisionLogConfigDeps => ({
  getContext: () => Promise.resolve({ extension: { config } }),
  listBriefs: () => Promise.resolve(LIST),
  submit: jest.fn(() => Promise.resolve()),
  close: jest.fn(() => Promise.resolve()),
  ...over,
});

test('picks a brief from the list the viewer can see and stores only its id', async () => {
  const d = deps(undefined);
  render(<DecisionLogConfig deps={d} />);
  const select = await screen.findByLabelText('This space, or one brief');
  expect(screen.getByText('Every decision in this space')).toBeTruthy();
  fireEvent.keyDown(select, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByText('Decisions of the brief “Feature X launch”'));
  fireEvent.click(screen.getByText('Save'));
  await waitFor(() => expect(d.submit).toHaveBeenCalledWith({ briefId: 'brief-launch' }));
});

test('a stored brief is preselected; this space is saved as scope space', async () => {
  const d = deps({ briefId: 'brief-launch' });
  render(<DecisionLogConfig deps={d} />);
  expect(await screen.findByText('Decisions of the brief “Feature X launch”')).toBeTruthy();
  const other = deps({ scope: 'space' });
  render(<DecisionLogConfig deps={other} />);
  await waitFor(() => expect(screen.getAllByText('Save')).toHaveLength(2));
  fireEvent.click(screen.getAllByText('Save')[1]!);
  await waitFor(() => expect(other.submit).toHaveBeenCalledWith({ scope: 'space' }));
});

test('a listing failure shows a sentence with a retry', async () => {
  render(
    <DecisionLogConfig
      deps={deps(undefined, { listBriefs: () => Promise.reject(new Error('Network down.')) })}
    />,
  );
  expect(await screen.findByText('The briefs could not be listed')).toBeTruthy();
});
