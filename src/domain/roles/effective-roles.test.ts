import type { Assignment, Framework } from '../../shared/roles';
import { resolveEffectiveRoles, type RolesChainLink } from './effective-roles';
import { buildRolesProperty, type RolesProperty } from './roles-property';
import { AMARA, ERIK, LUCIA } from './__fixtures__/test-people';

const prop = (framework: Framework, assignments: Assignment[], revision = 2): RolesProperty =>
  buildRolesProperty({
    framework,
    assignments,
    revision,
    updatedAt: '2026-01-05T10:00:00.000Z',
    updatedBy: ERIK,
  });
const epicRoles = prop('RACI', [{ accountId: ERIK, role: 'accountable' }], 7);
const storyRoles = prop('RACI', [{ accountId: AMARA, role: 'responsible' }], 4);
const decisionRoles = prop('DACI', [{ accountId: LUCIA, role: 'approver' }], 1);

describe('resolveEffectiveRoles', () => {
  test('the issue’s own roles win', () => {
    const chain: RolesChainLink[] = [
      { issueKey: 'LAUNCH-12', property: storyRoles },
      { issueKey: 'LAUNCH-1', property: epicRoles },
    ];
    expect(resolveEffectiveRoles(chain)).toEqual({
      source: 'issue',
      framework: 'RACI',
      assignments: storyRoles.assignments,
      revision: 4,
    });
  });

  test('own roles that were cleared on purpose do not fall back to the parent', () => {
    const cleared = prop('RACI', [], 5);
    const result = resolveEffectiveRoles([
      { issueKey: 'LAUNCH-12', property: cleared },
      { issueKey: 'LAUNCH-1', property: epicRoles },
    ]);
    expect(result).toEqual({ source: 'issue', framework: 'RACI', assignments: [], revision: 5 });
  });

  test('the nearest ancestor with roles is inherited, with revision 0 for the issue', () => {
    const result = resolveEffectiveRoles([
      { issueKey: 'LAUNCH-30', issueTypeName: 'Sub-task' },
      { issueKey: 'LAUNCH-12', property: storyRoles },
      { issueKey: 'LAUNCH-1', property: epicRoles },
    ]);
    expect(result).toEqual({
      source: 'inherited',
      inheritedFrom: 'LAUNCH-12',
      framework: 'RACI',
      assignments: storyRoles.assignments,
      revision: 0,
    });
  });

  test('an ancestor with an empty list is skipped', () => {
    const result = resolveEffectiveRoles([
      { issueKey: 'LAUNCH-30' },
      { issueKey: 'LAUNCH-12', property: prop('RACI', []) },
      { issueKey: 'LAUNCH-1', property: epicRoles },
    ]);
    expect(result.source).toBe('inherited');
    expect(result.inheritedFrom).toBe('LAUNCH-1');
  });

  test('the inherited framework is the ancestor’s', () => {
    const result = resolveEffectiveRoles([
      { issueKey: 'LAUNCH-31', issueTypeName: 'Task' },
      { issueKey: 'LAUNCH-7', property: decisionRoles },
    ]);
    expect(result).toMatchObject({ source: 'inherited', framework: 'DACI', inheritedFrom: 'LAUNCH-7' });
  });

  test.each([
    ['Decision', undefined, 'DACI'],
    ['Story', undefined, 'RACI'],
    [undefined, undefined, 'RACI'],
    ['Change', { Change: 'DACI' as const }, 'DACI'],
  ])('no roles anywhere on a %p uses its default framework', (issueTypeName, map, framework) => {
    const result = resolveEffectiveRoles(
      [{ issueKey: 'LAUNCH-40', ...(issueTypeName ? { issueTypeName } : {}) }, { issueKey: 'LAUNCH-1' }],
      map ? { frameworkByIssueType: map } : {},
    );
    expect(result).toEqual({ source: 'none', framework, assignments: [], revision: 0 });
  });

  test('an empty chain has no roles', () => {
    expect(resolveEffectiveRoles([])).toEqual({
      source: 'none',
      framework: 'RACI',
      assignments: [],
      revision: 0,
    });
  });

  test('the result does not share arrays with the stored property', () => {
    const result = resolveEffectiveRoles([{ issueKey: 'LAUNCH-12', property: storyRoles }]);
    result.assignments.push({ accountId: LUCIA, role: 'informed' });
    expect(storyRoles.assignments).toHaveLength(1);
  });
});
