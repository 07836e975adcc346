import { evaluateExpression, JIssue, type IssueData, type Limits } from '../local/jira/expression/evaluate';

/** The emulated Jira's Jira-expression subset, as tables: values, errors, and complexity limits. */
const now = new Date('2026-11-27T12:00:00Z');
const issue = (n: number, over: Partial<IssueData> = {}): IssueData => ({
  id: n,
  key: `T-${n}`,
  summary: `Issue ${n}`,
  status: {
    id: '1',
    name: n % 2 ? 'Blocked' : 'Done',
    category: { key: n % 2 ? 'indeterminate' : 'done', name: '' },
  },
  issueType: { id: '1', name: 'Task' },
  priority: null,
  dueDate: `2026-11-${String(20 + (n % 9)).padStart(2, '0')}`,
  resolutionDate: null,
  created: 0,
  updated: 0,
  labels: n === 1 ? ['a'] : [],
  parent: () => null,
  property: (k) => (k === 'accord-escalation' ? { level: n } : null),
  ...over,
});
const issues = [1, 2, 3, 4].map((n) => new JIssue(issue(n)));
const run = (expression: string, limits?: Limits) =>
  evaluateExpression(expression, {
    variables: { issues, issue: issues[0] },
    now,
    ...(limits ? { limits } : {}),
  });

describe('values', () => {
  it.each<[string, unknown]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3 % 4', 1],
    ["'a' + 1", 'a1'],
    ['[1, 2, 3].map(x => x * 2)', [2, 4, 6]],
    ['[1, 2, 3].reduce((a, x) => a + x, 10)', 16],
    ['[1, 2].includes(2) && ![1].some(x => x > 1)', true],
    ['[2, 4].every(x => x % 2 == 0) ? "even" : "odd"', 'even'],
    ['{ a: 1, "b": [true, null] }', { a: 1, b: [true, null] }],
    ['let x = 2; let y = x * 3; y - 1', 5],
    ['issues.length', 4],
    ['issues.filter(i => i.status.category.key == "done").map(i => i.key)', ['T-2', 'T-4']],
    ['issues.filter(i => i.status.name == "Blocked").length', 2],
    ['issue.dueDate < new CalendarDate("2026-11-25")', true],
    ['issue.labels', ['a']],
    ['issue.properties["accord-escalation"].level', 1],
    ["issue.properties.get('accord-escalation')", { level: 1 }],
    ['issue.resolutionDate', null],
    ['new Date().toCalendarDate()', '2026-11-27'],
    ['Date.now() == new Date().getTime()', true],
    ['new Date("2026-11-01T00:00:00Z").plusDays(2)', '2026-11-03T00:00:00.000+0000'],
    ['issue', { id: 1, key: 'T-1' }],
  ])('%s', (expression, value) => {
    expect(run(expression).value).toEqual(value);
  });
});

describe('refused with a sentence', () => {
  it.each<[string, RegExp]>([
    ['1 +', /expected at column 4/],
    ['issue.watchers', /Unrecognized property of `issue`: "watchers"/],
    ['unknownVar', /"unknownVar" is not defined/],
    ['issue.dueDate < "2026-01-01"', /Cannot compare CalendarDate with String/],
    ['1 && true', /A Boolean was expected/],
    ['new Issue(1)', /not supported/],
    ['"open', /never closed/],
    ['x'.repeat(1001), /too long \(1001\), limit: 1000 characters/],
  ])('%s', (expression, message) => {
    expect(() => run(expression)).toThrow(message);
  });
});

describe('complexity', () => {
  const limits: Limits = { length: 1000, steps: 50, expensiveOperations: 2, beans: 2, primitiveValues: 5 };
  it('counts steps and reports the limits', () => {
    const { complexity } = run('issues.map(i => i.key)');
    expect(complexity.steps.value).toBeGreaterThanOrEqual(4 * 3);
    expect(complexity.steps.limit).toBe(10_000);
    expect(complexity.primitiveValues).toEqual({ value: 4, limit: 10_000 });
  });
  it.each<[string, RegExp]>([
    ['issues.map(i => i.status.category.key + i.key + i.summary + i.key + i.key)', /limit of 50 steps/],
    ['issues.map(i => i.properties["accord-escalation"])', /limit of 2 expensive operations/],
    ['issues', /more than 2 beans/],
    ['[1, 2, 3, 4, 5, 6]', /more than 5 primitive values/],
  ])('%s fails over the limit', (expression, message) => {
    expect(() => run(expression, limits)).toThrow(message);
  });
});
