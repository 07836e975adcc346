import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../../src/shared/stakeholders';
import { AMARA, ERIK, GRACE, fakeJira, users } from '../../roles-panel/src/test-support/fake-jira';
import { StakeholdersConfig, type StakeholdersConfigDeps } from './stakeholders-config';

const view = (ownerAccountId: string | null): StakeholderGridView => ({
  gridId: 'grid-launch',
  revision: 3,
  pageId: '98307',
  updatedAt: '2026-01-01T00:00:00.000Z',
  canEdit: true,
  grid: { title: 'Launch stakeholders', ownerAccountId, stakeholders: [], engagement: {} },
});

function deps(viewer: string, owner: string | null) {
  const saves: SaveStakeholderGridPayload[] = [];
  const jira = fakeJira(users);
  const d: StakeholdersConfigDeps = {
    getContext: () =>
      Promise.resolve({ accountId: viewer, extension: { config: { gridId: 'grid-launch' } } }),
    getGrid: () => Promise.resolve(view(owner)),
    saveGrid: (payload) => {
      saves.push(payload);
      return Promise.resolve({ ...view(payload.grid.ownerAccountId), revision: 4 });
    },
    names: (ids) => Promise.resolve(new Map(ids.map((id) => [id, id === ERIK ? 'Erik Lindqvist' : id]))),
    request: jira.request,
    submit: jest.fn(() => Promise.resolve()),
    close: jest.fn(() => Promise.resolve()),
    newId: () => 'sh-new',
  };
  return { d, saves, jira };
}

const options = () => [...document.querySelectorAll('[id*="-option-"]')];

test('the owner hands the grid over with the shared user picker; the new owner is saved as an id', async () => {
  const { d, saves, jira } = deps(ERIK, ERIK);
  render(<StakeholdersConfig deps={d} />);
  const field = await screen.findByLabelText('Owner (hand the grid over to someone else here)');
  await waitFor(() => expect(screen.getByText('Erik Lindqvist')).toBeTruthy());
  fireEvent.change(field, { target: { value: 'am' } });
  await waitFor(() => expect(options()).toHaveLength(1));
  fireEvent.click(options()[0]!);
  fireEvent.click(screen.getByTestId('grid-save'));
  await waitFor(() => expect(saves).toHaveLength(1));
  expect(saves[0]).toMatchObject({ gridId: 'grid-launch', revision: 3, grid: { ownerAccountId: AMARA } });
  expect(jira.calls[0]).toMatch(/^\/rest\/api\/3\/user\/search\?/);
  await waitFor(() => expect(d.submit).toHaveBeenCalledWith({ gridId: 'grid-launch' }));
});

test('someone else sees the owner but cannot hand the grid over', async () => {
  const { d } = deps(GRACE, ERIK);
  render(<StakeholdersConfig deps={d} />);
  const field = await screen.findByLabelText('Owner (only the owner can hand the grid over)');
  expect((field as HTMLInputElement).disabled).toBe(true);
});
