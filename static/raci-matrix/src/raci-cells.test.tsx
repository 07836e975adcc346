import { cellOf, withCell } from './raci-cells';
import { activitiesOf } from '../../raci-matrix-config/src/raci-activities';

const A = '712020:aaaa';
const B = '712020:bbbb';

test('a cell reads and writes one person’s letters, leaving the others', () => {
  const row = [
    { accountId: A, role: 'responsible' as const },
    { accountId: A, role: 'accountable' as const },
    { accountId: B, role: 'consulted' as const },
  ];
  expect(cellOf(row, A)).toBe('A/R');
  expect(cellOf(row, B)).toBe('C');
  expect(withCell(row, A, 'I')).toEqual([
    { accountId: B, role: 'consulted' },
    { accountId: A, role: 'informed' },
  ]);
  expect(withCell(row, B, '')).toEqual(row.filter((a) => a.accountId === A));
});

test('config lines become issue rows (keys) or text rows, keeping ids of rows that stay', () => {
  const ids = new Map([
    ['LAUNCH-2', 'act-1'],
    ['Press release', 'act-2'],
  ]);
  expect(activitiesOf('launch-2\n\nPress release\nPrivacy review', ids)).toEqual([
    { id: 'act-1', kind: 'issue', issueKey: 'LAUNCH-2' },
    { id: 'act-2', kind: 'text', name: 'Press release' },
    { kind: 'text', name: 'Privacy review' },
  ]);
});
