import { scopeJqlToProject } from './project-jql';

describe('scopeJqlToProject', () => {
  it.each([
    ['', 'project = "LAUNCH" ORDER BY key ASC'],
    ['status = Done', 'project = "LAUNCH" AND (status = Done) ORDER BY key ASC'],
    [
      'status = Done OR labels = x ORDER BY created DESC',
      'project = "LAUNCH" AND (status = Done OR labels = x) ORDER BY created DESC',
    ],
    ['ORDER BY rank', 'project = "LAUNCH" ORDER BY rank'],
    ['summary ~ "order by (x"', 'project = "LAUNCH" AND (summary ~ "order by (x") ORDER BY key ASC'],
    ['(a = 1) OR (b = 2)', 'project = "LAUNCH" AND ((a = 1) OR (b = 2)) ORDER BY key ASC'],
  ])('%p → %p', (jql, expected) => {
    expect(scopeJqlToProject('LAUNCH', jql)).toBe(expected);
  });

  it.each([
    'labels = x) OR (project = LEGAL',
    'labels = x)) OR ((project = LEGAL',
    '(labels = x',
    'summary ~ "open',
    'status = Done ORDER BY key) OR (project = LEGAL',
  ])('refuses %p, which could escape the project, with INVALID_INPUT', (jql) => {
    expect(() => scopeJqlToProject('LAUNCH', jql)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('refuses a project key that is not one', () => {
    expect(() => scopeJqlToProject('launch" OR x = "y', '')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
