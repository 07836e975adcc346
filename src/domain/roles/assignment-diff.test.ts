import type { Assignment, Role } from '../../shared/roles';
import { applyAssignmentChanges, diffAssignments } from './assignment-diff';
import { AMARA, DAVID, ERIK } from './__fixtures__/test-people';

const a = (accountId: string, role: Role): Assignment => ({ accountId, role });

describe('diffAssignments', () => {
  test.each([
    ['no change', [a(ERIK, 'accountable')], [a(ERIK, 'accountable')], []],
    [
      'order alone is no change',
      [a(ERIK, 'accountable'), a(AMARA, 'responsible')],
      [a(AMARA, 'responsible'), a(ERIK, 'accountable')],
      [],
    ],
    [
      'first roles',
      [],
      [a(ERIK, 'accountable')],
      [{ accountId: ERIK, role: 'accountable', change: 'added' }],
    ],
    [
      'all removed',
      [a(ERIK, 'accountable')],
      [],
      [{ accountId: ERIK, role: 'accountable', change: 'removed' }],
    ],
    [
      'a role change is a removal and an addition',
      [a(AMARA, 'consulted')],
      [a(AMARA, 'informed')],
      [
        { accountId: AMARA, role: 'consulted', change: 'removed' },
        { accountId: AMARA, role: 'informed', change: 'added' },
      ],
    ],
    [
      'handing Accountable to someone else',
      [a(ERIK, 'accountable'), a(DAVID, 'consulted')],
      [a(AMARA, 'accountable'), a(DAVID, 'consulted')],
      [
        { accountId: ERIK, role: 'accountable', change: 'removed' },
        { accountId: AMARA, role: 'accountable', change: 'added' },
      ],
    ],
    [
      'duplicates count once',
      [a(ERIK, 'informed'), a(ERIK, 'informed')],
      [],
      [{ accountId: ERIK, role: 'informed', change: 'removed' }],
    ],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(diffAssignments(before, after)).toEqual(expected);
  });
});

describe('applyAssignmentChanges', () => {
  test('keeps the untouched entries in place and appends additions', () => {
    const before = [a(ERIK, 'accountable'), a(DAVID, 'consulted'), a(AMARA, 'responsible')];
    const after = applyAssignmentChanges(before, [
      { accountId: DAVID, role: 'consulted', change: 'removed' },
      { accountId: DAVID, role: 'informed', change: 'added' },
    ]);
    expect(after).toEqual([a(ERIK, 'accountable'), a(AMARA, 'responsible'), a(DAVID, 'informed')]);
  });
});
