import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../../src/shared/stakeholders';
import { ResolverCallError } from '../../common/src/resolver-client';
import { StakeholdersMacro, type StakeholdersDeps } from './stakeholders-macro';
import { stakeholderCsv } from './stakeholder-csv';

const view = (over: Partial<StakeholderGridView> = {}): StakeholderGridView => ({
  gridId: 'grid-1',
  revision: 3,
  pageId: '98307',
  updatedAt: '2026-01-01T00:00:00.000Z',
  canEdit: true,
  grid: {
    title: 'Launch stakeholders',
    ownerAccountId: '712020:owner',
    engagement: {},
    stakeholders: [
      {
        id: 'sh-a',
        party: { kind: 'user', accountId: '712020:ann' },
        role: 'VP',
        authority: 2,
        concern: 2,
        notes: '',
      },
      {
        id: 'sh-v',
        party: { kind: 'external', name: 'Brightline Ads', organisation: 'Vendor' },
        role: '',
        authority: 4,
        concern: 4,
        notes: '',
      },
    ],
  },
  ...over,
});

const deps = (over: Partial<StakeholdersDeps> = {}): StakeholdersDeps => ({
  getContext: () => Promise.resolve({ extension: { config: { gridId: 'grid-1' } } }),
  getGrid: () => Promise.resolve(view()),
  saveGrid: (p: SaveStakeholderGridPayload) =>
    Promise.resolve({ ...view(), grid: p.grid, revision: p.revision + 1 }),
  names: () => Promise.resolve(new Map([['712020:ann', 'Ann Lee']])),
  download: jest.fn(),
  ...over,
});

test('arrow keys on a focused dot move it and save with the loaded revision', async () => {
  const saved: SaveStakeholderGridPayload[] = [];
  render(
    <StakeholdersMacro
      deps={deps({
        saveGrid: (p) => {
          saved.push(p);
          return Promise.resolve({ ...view(), grid: p.grid, revision: p.revision + 1 });
        },
      })}
    />,
  );
  const dot = await screen.findByTestId('stakeholder-dot-sh-a');
  expect(dot.getAttribute('data-quadrant')).toBe('monitor');
  dot.focus();
  fireEvent.keyDown(dot, { key: 'ArrowUp' });
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.revision).toBe(3);
  expect(saved[0]?.grid.stakeholders[0]).toMatchObject({ authority: 3, concern: 2 });
  await waitFor(() =>
    expect(screen.getByTestId('stakeholder-dot-sh-a').getAttribute('data-quadrant')).toBe('keep-satisfied'),
  );
  fireEvent.click(screen.getByTestId('stakeholders-toggle'));
  const row = screen.getByTestId('stakeholder-row-sh-a');
  expect(row.textContent).toContain('Ann Lee');
  expect(row.textContent).toContain('Keep satisfied');
});

test('a reader cannot move dots; a conflict says to reload', async () => {
  const saveGrid = jest.fn();
  const { unmount } = render(
    <StakeholdersMacro deps={deps({ getGrid: () => Promise.resolve(view({ canEdit: false })), saveGrid })} />,
  );
  fireEvent.keyDown(await screen.findByTestId('stakeholder-dot-sh-a'), { key: 'ArrowRight' });
  expect(saveGrid).not.toHaveBeenCalled();
  unmount();
  render(
    <StakeholdersMacro
      deps={deps({ saveGrid: () => Promise.reject(new ResolverCallError('CONFLICT', 'changed')) })}
    />,
  );
  fireEvent.keyDown(await screen.findByTestId('stakeholder-dot-sh-v'), { key: 'ArrowLeft' });
  expect((await screen.findByTestId('stakeholders-save-error')).textContent).toContain('Reload');
  expect(screen.getByTestId('stakeholder-dot-sh-v').getAttribute('data-quadrant')).toBe('manage-closely');
});

test('CSV export neutralises formula cells', () => {
  const csv = stakeholderCsv([
    {
      stakeholderId: 'x',
      name: '=HYPERLINK()',
      kind: 'External',
      organisation: '',
      role: '',
      authority: 1,
      concern: 1,
      quadrant: 'monitor',
      quadrantLabel: 'Monitor',
      cadence: 'monthly',
      cadenceLabel: 'Monthly',
      channel: 'Mail',
    },
  ]);
  expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK()",External,,,1,1,Monitor,Monthly,Mail`);
});
