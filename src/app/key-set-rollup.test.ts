import { planCountQueries, type CountPlan } from '../domain/progress';
import type { IssueKeySearch } from './compute-initiative-status';
import { UpstreamError } from './errors';
import { readKeySets, type KeySetDeps } from './key-set-rollup';
import { fakeCounter } from '../../test/support/progress-fakes';

const now = new Date('2026-12-01T11:00:00Z');
const planOf = (scope: string): CountPlan => {
  const planned = planCountQueries(scope, now);
  if (!planned.ok) throw new Error(planned.problem);
  return planned.plan;
};

/** A key search over a few named answers: `members` by exact JQL; every other search finds `partition`. */
function keySearch(members: Record<string, string[] | 'refuse' | 'fail'>, partition: string[] | null = []) {
  const search = {
    jql: [] as string[],
    async find(jql: string) {
      search.jql.push(jql);
      const answer = members[jql];
      if (answer === 'refuse') throw new UpstreamError('Jira refused the search (HTTP 400).', 400);
      if (answer === 'fail') throw new UpstreamError('Jira failed (HTTP 500).', 500);
      const keys = answer ?? partition;
      return keys === null ? null : new Map(keys.map((k) => [k, {}]));
    },
  };
  return search satisfies IssueKeySearch;
}

const deps = (search: IssueKeySearch, mode: KeySetDeps['mode'], count = () => 10): KeySetDeps => ({
  counter: fakeCounter(count, /REFUSED/),
  keySearch: search,
  dueDates: { dueDates: async () => new Map() },
  limit: (task) => task(),
  mode,
  expressionIssuesPerCall: 500,
});

describe('readKeySets', () => {
  test('gives up (each initiative on its own) when a partition is too large to list', async () => {
    const search = keySearch({ 'project = A': ['A-1'], 'project = B': ['B-1'] }, null);
    expect(
      await readKeySets(deps(search, 'always'), [planOf('project = A'), planOf('project = B')]),
    ).toBeNull();
  });

  test('leaves a scope with too many members to be computed on its own, and hides a refused one', async () => {
    const search = keySearch({ 'project = A': ['A-1'], 'project = BIG': [], 'project = X': 'refuse' });
    const many = {
      ...search,
      find: async (jql: string) => (jql === 'project = BIG' ? null : search.find(jql)),
    };
    const read = await readKeySets(
      deps(many, 'always'),
      ['project = A', 'project = BIG', 'project = X'].map(planOf),
    );
    expect(read?.tallyOf(planOf('project = BIG'), [])).toBeUndefined();
    expect(read?.tallyOf(planOf('project = X'), [])).toBe('hidden');
    expect(read?.tallyOf(planOf('project = A'), [])).toMatchObject({ figures: { counts: { new: 0 } } });
    // The union holds only the scope that was read.
    const partitions = search.jql.filter((j) => j.startsWith('(('));
    expect(partitions.length).toBeGreaterThan(0);
    expect(partitions.every((j) => j.startsWith('((project = A))'))).toBe(true);
  });

  test('in auto mode, when Jira refuses the union, the member lists decide: small ones stay per initiative', async () => {
    const search = keySearch({ 'project = REFUSED': 'refuse', 'project = A': ['A-1', 'A-2'] });
    const read = await readKeySets(deps(search, 'auto'), [
      planOf('project = REFUSED'),
      planOf('project = A'),
    ]);
    // The refused scope is known hidden (not asked again); the other is computed on its own.
    expect(read?.tallyOf(planOf('project = REFUSED'), [])).toBe('hidden');
    expect(read?.tallyOf(planOf('project = A'), [])).toBeUndefined();
    expect(search.jql.sort()).toEqual(['project = A', 'project = REFUSED']);
  });

  test('in auto mode, when Jira refuses the union, large member lists go on to key sets', async () => {
    const big = Array.from({ length: 12_000 }, (_, i) => `A-${i + 1}`);
    const search = keySearch({ 'project = REFUSED': 'refuse', 'project = A': big, 'project = B': ['B-1'] });
    const plans = ['project = REFUSED', 'project = A', 'project = B'].map(planOf);
    const read = await readKeySets(deps(search, 'auto'), plans);
    expect(read?.tallyOf(planOf('project = REFUSED'), [])).toBe('hidden');
    expect(read?.tallyOf(planOf('project = A'), [])).toMatchObject({
      openKeys: expect.any(Array) as unknown,
    });
    // The union of the readable scopes only.
    const partitions = search.jql.filter((j) => j.startsWith('(('));
    expect(partitions.length).toBeGreaterThan(0);
    expect(partitions.every((j) => j.startsWith('((project = A) OR (project = B))'))).toBe(true);
  });

  test('in auto mode, a large union is read as key sets', async () => {
    const search = keySearch({ 'project = A': ['A-1'], 'project = B': ['B-1'] });
    const read = await readKeySets(
      deps(search, 'auto', () => 50_000),
      [planOf('project = A'), planOf('project = B')],
    );
    // A's figures come from the key sets (nothing of A is done in this fake Jira).
    expect(read?.tallyOf(planOf('project = A'), [])).toMatchObject({ openKeys: ['A-1'] });
  });

  test('a failure that is not a refusal is not hidden', async () => {
    const search = keySearch({ 'project = A': 'fail' });
    await expect(readKeySets(deps(search, 'always'), [planOf('project = A')])).rejects.toThrow('HTTP 500');
  });
});
