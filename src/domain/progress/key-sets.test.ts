import { OPEN_DECISIONS, planCountQueries, type CountPlan } from './count-queries';
import {
  estimateOverviewCalls,
  latestDueMember,
  partitionJql,
  partitionsOf,
  tallyKeySets,
  unionsOf,
} from './key-sets';

const now = new Date('2026-12-01T11:00:00Z');
function plan(scope: string, at = now): CountPlan {
  const result = planCountQueries(scope, at);
  if (!result.ok) throw new Error(result.problem);
  return result.plan;
}

describe('unionsOf', () => {
  test('ors every distinct scope into one union when it fits', () => {
    expect(unionsOf(['project = A', 'parent = B-1', 'project = A'])).toEqual([
      { jql: '(project = A) OR (parent = B-1)', scopes: ['project = A', 'parent = B-1'] },
    ]);
  });

  test('starts another union before one grows past the limit, and keeps a long scope alone', () => {
    const unions = unionsOf(['a = 1', 'b = 2', 'c = 3', `d = "${'x'.repeat(40)}"`], 20);
    expect(unions.map((u) => u.jql)).toEqual(['(a = 1) OR (b = 2)', '(c = 3)', `(d = "${'x'.repeat(40)}")`]);
    expect(unions.flatMap((u) => u.scopes)).toHaveLength(4);
  });

  test('gives no union for no scope', () => {
    expect(unionsOf([])).toEqual([]);
  });
});

describe('partitionsOf', () => {
  test('reads every count but blocked-for-long, plus open decisions; due dates latest first', () => {
    const p = plan('project = A');
    const parts = partitionsOf([p, plan('project = B')]);
    const withins = p.counts.filter((q) => q.key !== 'blockedLong').map((q) => q.within);
    expect(parts.map((x) => x.within)).toEqual([...withins, OPEN_DECISIONS]);
    expect(parts.filter((x) => x.latestDueFirst).map((x) => x.within)).toEqual([
      'statusCategory != Done AND duedate is not EMPTY',
    ]);
    expect(
      partitionJql(
        '(project = A)',
        parts.find((x) => x.latestDueFirst)!,
      ),
    ).toBe('((project = A)) AND statusCategory != Done AND duedate is not EMPTY ORDER BY duedate DESC');
  });

  test('each count JQL is its scope and-ed with its clause, so a member of a partition is counted by it', () => {
    const p = plan('project = A');
    for (const q of p.counts) expect(q.jql).toBe(`(project = A) AND ${q.within}`);
  });

  test('plans made on different days need their own throughput partitions', () => {
    const later = plan('project = A', new Date('2026-12-09T11:00:00Z'));
    expect(partitionsOf([plan('project = A'), later]).length).toBeGreaterThan(partitionsOf([later]).length);
  });
});

describe('latestDueMember', () => {
  test('is the first member in latest-due-first order', () => {
    expect(latestDueMember(new Set(['A-2', 'A-3']), ['B-9', 'A-3', 'A-2'])).toBe('A-3');
    expect(latestDueMember(new Set(['A-2']), ['B-9'])).toBeNull();
  });
});

describe('tallyKeySets', () => {
  // Issues of two initiatives; each partition is what Jira would list for the union of both.
  type Issue = {
    key: string;
    cat: 'new' | 'indeterminate' | 'done';
    blocked?: boolean;
    due?: string;
    resolved?: string;
    decision?: boolean;
  };
  const issues: Issue[] = [
    { key: 'A-1', cat: 'indeterminate' }, // the epic
    { key: 'A-2', cat: 'new', due: '2026-11-20' }, // overdue
    { key: 'A-3', cat: 'indeterminate', blocked: true, due: '2026-12-24' },
    { key: 'A-4', cat: 'done', resolved: '2026-11-25' }, // last throughput week
    { key: 'A-5', cat: 'done', resolved: '2026-10-01' }, // before the window
    { key: 'A-6', cat: 'new', decision: true },
    { key: 'B-1', cat: 'new', due: '2027-01-10' },
    { key: 'B-2', cat: 'done', resolved: '2026-11-04' }, // first throughput week
  ];
  const p = plan('issuekey in (A-1) OR parent in (A-1)');
  const byKey = new Map(p.counts.map((q) => [q.key, q.within]));
  const open = (i: Issue) => i.cat !== 'done';
  const rules: Array<[string | undefined, (i: Issue) => boolean]> = [
    [byKey.get('new'), (i) => i.cat === 'new'],
    [byKey.get('indeterminate'), (i) => i.cat === 'indeterminate'],
    [byKey.get('done'), (i) => i.cat === 'done'],
    [byKey.get('blocked'), (i) => open(i) && i.blocked === true],
    [byKey.get('overdue'), (i) => open(i) && i.due !== undefined && i.due < '2026-12-01'],
    [byKey.get('openWithDueDate'), (i) => open(i) && i.due !== undefined],
    ...p.throughputWeeks.map(
      (w) =>
        [
          byKey.get(w.key),
          (i: Issue) => i.resolved !== undefined && i.resolved >= w.from && i.resolved < w.to,
        ] as [string | undefined, (i: Issue) => boolean],
    ),
    [OPEN_DECISIONS, (i) => open(i) && i.decision === true],
  ];
  const partitions = new Map(
    rules.map(([within, rule]) => [within ?? '', new Set(issues.filter(rule).map((i) => i.key))]),
  );
  const members = new Set(issues.filter((i) => i.key.startsWith('A-')).map((i) => i.key));

  test('counts only members in each partition, exactly as the count queries would', () => {
    const t = tallyKeySets(p, members, (w) => partitions.get(w) ?? new Set(), {
      epics: ['A-1'],
      latestDue: '2026-12-24',
    });
    expect(t.figures.counts).toEqual({ new: 2, indeterminate: 2, done: 2 });
    expect(t.figures.blocked).toBe(1);
    expect(t.figures.overdue).toBe(1);
    expect(t.figures.openDueDates).toEqual({ latest: '2026-12-24', withDueDate: 2 });
    expect(t.figures.throughput).toEqual([0, 0, 0, 1]);
    expect(t.figures.sources).toBe(p.sources);
    expect(t.blockedKeys).toEqual(['A-3']);
    expect(t.openKeys).toEqual(['A-1', 'A-2', 'A-3', 'A-6']);
    expect(t.decisionsAwaiting).toBe(1);
    expect(t.visibleEpics).toBe(1);
  });

  test('an epic the viewer cannot list is not visible; an empty scope counts nothing', () => {
    const t = tallyKeySets(p, new Set(), (w) => partitions.get(w) ?? new Set(), {
      epics: ['A-1'],
      latestDue: null,
    });
    expect(t.visibleEpics).toBe(0);
    expect(t.figures.counts).toEqual({ new: 0, indeterminate: 0, done: 0 });
    expect(t.openKeys).toEqual([]);
  });
});

describe('estimateOverviewCalls', () => {
  test.each([
    // initiatives, issues, partitions, expression page, counts → cheaper
    [50, 100_000, 11, 529, 13, 'keySets'], // the bench: 50 × 2,000
    [4, 60, 11, 529, 13, 'perInitiative'], // the demo site
    [10, 2_000, 11, 529, 13, 'perInitiative'], // many small initiatives: one page each
    [10, 2_000, 11, null, 13, 'keySets'], // without expressions: 13 counts each
    [1, 50_000, 11, 529, 13, 'keySets'], // one large initiative
  ])(
    '%i initiatives, %i issues, %i partitions, expression page %p, %i counts: %s is cheaper',
    (initiatives, issues, partitions, page, counts, cheaper) => {
      const e = estimateOverviewCalls({
        initiatives,
        issues,
        partitions,
        expressionIssuesPerCall: page,
        countsPerInitiative: counts,
      });
      expect(e.keySets < e.perInitiative ? 'keySets' : 'perInitiative').toBe(cheaper);
    },
  );
});
