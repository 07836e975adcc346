import { defaultFrameworkFor, DEFAULT_FRAMEWORK_BY_ISSUE_TYPE } from './default-framework';
import { isStale, nextRevision, NO_REVISION } from './revision';

describe('nextRevision', () => {
  test.each([
    [NO_REVISION, 1],
    [1, 2],
    [41, 42],
    [-3, 1],
    [Number.NaN, 1],
    [1.5, 1],
  ])('after %p comes %p', (current, next) => {
    expect(nextRevision(current)).toBe(next);
  });
});

describe('isStale', () => {
  test.each([
    [0, 0, false],
    [3, 3, false],
    [2, 3, true],
    [0, 1, true],
    [4, 3, true],
  ])('based on %p when the store has %p → stale %p', (basedOn, current, stale) => {
    expect(isStale(basedOn, current)).toBe(stale);
  });
});

describe('defaultFrameworkFor', () => {
  test.each([
    ['Decision', 'DACI'],
    ['decision', 'DACI'],
    ['  Decision ', 'DACI'],
    ['Story', 'RACI'],
    ['Epic', 'RACI'],
    ['Decision log', 'RACI'],
    [undefined, 'RACI'],
  ] as const)('%p → %p', (type, framework) => {
    expect(defaultFrameworkFor(type)).toBe(framework);
  });

  test('an admin map replaces the default one', () => {
    const map = { ...DEFAULT_FRAMEWORK_BY_ISSUE_TYPE, 'Change Request': 'DACI' } as const;
    expect(defaultFrameworkFor('change  request', map)).toBe('DACI');
    expect(defaultFrameworkFor('Decision', { Epic: 'DACI' })).toBe('RACI');
    expect(defaultFrameworkFor('Task', {}, 'DACI')).toBe('DACI');
  });
});
