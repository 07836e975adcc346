import {
  countAmong,
  escalatedJql,
  escalationLevelJql,
  escalationsOfKeys,
  readEscalationLevel,
} from './escalations-by-level';

describe('escalations by level', () => {
  it.each([
    [{ level: 2, paths: [] }, 2],
    [{ level: 1 }, 1],
    [{ level: 0 }, null],
    [{ level: 1.5 }, null],
    [{ level: '2' }, null],
    [{ level: 11 }, null],
    [null, null],
    [undefined, null],
    ['x', null],
  ])('reads the level of the accord-escalation property %j as %j', (property, level) => {
    expect(readEscalationLevel(property)).toBe(level);
  });

  it('counts only the initiative’s own keys, per level, lowest level first', () => {
    const everywhere = new Map([
      ['A-1', 2],
      ['A-2', 1],
      ['A-3', 1],
      ['B-9', 3], // another initiative's (or one the viewer's other initiatives hold)
    ]);
    expect(escalationsOfKeys(['A-1', 'A-2', 'A-3', 'A-4'], everywhere)).toEqual([
      { level: 1, open: 2 },
      { level: 2, open: 1 },
    ]);
    expect(escalationsOfKeys([], everywhere)).toEqual([]);
  });

  it('writes the drill-down JQL of each figure and the overview-wide search', () => {
    expect(escalatedJql()).toBe('accordEscalationLevel >= 1 AND statusCategory != Done');
    expect(escalatedJql('project = A')).toBe(
      'accordEscalationLevel >= 1 AND (project = A) AND statusCategory != Done',
    );
    expect(escalationLevelJql('project = A OR parent = A-1', 2)).toBe(
      'accordEscalationLevel = 2 AND (project = A OR parent = A-1) AND statusCategory != Done',
    );
  });

  it('counts blocked keys among the long-blocked keys of the site', () => {
    expect(countAmong(['A-1', 'A-2'], new Set(['A-2', 'B-1']))).toBe(1);
  });
});
