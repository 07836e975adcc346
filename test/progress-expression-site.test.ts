import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import {
  createJiraIssueDueDates,
  createJiraIssueKeySearch,
  createJiraProgressCounter,
} from '../src/adapters/jira-progress-counter';
import { createJiraExpressionRollup } from '../src/adapters/jira-expression-rollup';
import { computeInitiativeStatus, type ComputeDeps } from '../src/app/compute-initiative-status';
import type { InitiativeRecord } from '../src/app/ports';
import { UpstreamError } from '../src/app/errors';
import { planCountQueries, STATUS_CATEGORY_AGE } from '../src/domain/progress';
import { readKeySets, type KeySetDeps } from '../src/app/key-set-rollup';
import { scopeJqlOf } from '../src/app/initiative-scope';
import { getOverview, type ProgressDeps } from '../src/app/get-overview';
import type { Brief } from '../src/domain/brief/brief';
import { memoryRecordStore } from './support/in-memory-ports';
import { checkExchange, loadSpec } from './contract/openapi-contract';
import { jiraAs, route } from './support/jira-http';
import { briefFeed, memoryEpochs, memoryExpiringStore, pagesVisible } from './support/progress-fakes';

/**
 * The expression roll-up, the overview's key sets and the count-query roll-up give the same figures on the demo
 * data, as each viewer.
 */
jest.setTimeout(60_000);

let dataDir: string;
let site: Site;
let frozen = new Date();
const deps = (accountId: string, withExpressions: boolean) => {
  const jira = jiraAs(() => site.url, accountId);
  const d: ComputeDeps = {
    counter: createJiraProgressCounter(jira.requester, route),
    clock: { now: () => frozen },
    limit: (task) => task(),
    blockedAgeClause: STATUS_CATEGORY_AGE,
    ...(withExpressions ? { rollup: createJiraExpressionRollup(jira.requester, route) } : {}),
  };
  return { deps: d, calls: jira.calls };
};

const brief = { id: 'b', title: 'T', ownerAccountId: PEOPLE.priya.accountId, pageId: '1' };
const SCOPES: Record<string, InitiativeRecord> = {
  launch: { scope: { epics: ['LAUNCH-1'], jql: 'parent = LAUNCH-2' }, baseline: { date: '2026-12-20' } },
  marketing: { scope: { epics: ['MKT-1'] } },
  legal: { scope: { epics: ['LEGAL-1'] } },
  jqlOnly: { scope: { epics: [], jql: 'project in (LAUNCH, MKT)' } },
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-expr-'));
  site = await createSite({ dataDir, port: 0 });
  frozen = site.clock.now();
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each([
  ['priya (sees LEGAL)', PEOPLE.priya.accountId],
  ['fatima (no LEGAL access)', PEOPLE.fatima.accountId],
])('as %s', (_who, accountId) => {
  it.each(Object.keys(SCOPES))(
    'the %s initiative has the same figures by expression and by counts',
    async (name) => {
      const counted = deps(accountId, false);
      const expressed = deps(accountId, true);
      const a = await computeInitiativeStatus(counted.deps, brief, SCOPES[name]!);
      const b = await computeInitiativeStatus(expressed.deps, brief, SCOPES[name]!);
      expect(b).toEqual(a);
      if (a !== null) {
        expect(expressed.calls.filter((c) => c.includes('/expression/evaluate')).length).toBe(1);
        expect(expressed.calls.length).toBeLessThan(counted.calls.length);
      }
    },
  );
});

it('hides LEGAL from a viewer without access on the expression path too', async () => {
  const fatima = deps(PEOPLE.fatima.accountId, true);
  expect(await computeInitiativeStatus(fatima.deps, brief, SCOPES.legal!)).toBeNull();
  const priya = deps(PEOPLE.priya.accountId, true);
  expect(await computeInitiativeStatus(priya.deps, brief, SCOPES.legal!)).not.toBeNull();
});

it('falls back to the count queries when Jira refuses the expression', async () => {
  const base = deps(PEOPLE.priya.accountId, false);
  const d: ComputeDeps = {
    ...base.deps,
    rollup: {
      rows: () => Promise.reject(new UpstreamError('Evaluation failed', 400)),
      issuesPerCall: () => 500,
    },
  };
  const status = await computeInitiativeStatus(d, brief, SCOPES.launch!);
  const reference = await computeInitiativeStatus(
    deps(PEOPLE.priya.accountId, false).deps,
    brief,
    SCOPES.launch!,
  );
  expect(status).toEqual(reference);
  // The refused expression was never sent to Jira; the figures came from the count queries.
  expect(base.calls.some((c) => c.includes('/expression/'))).toBe(false);
  expect(base.calls.some((c) => c.includes('/search/approximate-count'))).toBe(true);
});

/** The overview's key sets (one member list per scope, one list per figure over their union), as `accountId`. */
const keySetDeps = (
  accountId: string,
  mode: 'auto' | 'always',
  expressionIssuesPerCall: number | null = null,
) => {
  const jira = jiraAs(() => site.url, accountId);
  const keySearch = createJiraIssueKeySearch(jira.requester, route);
  const deps: KeySetDeps = {
    counter: createJiraProgressCounter(jira.requester, route),
    keySearch,
    dueDates: createJiraIssueDueDates(jira.requester, route),
    limit: (task) => task(),
    mode,
    expressionIssuesPerCall,
  };
  return { deps, calls: jira.calls, exchanges: jira.exchanges, keySearch };
};

const planOf = (record: InitiativeRecord) => {
  const planned = planCountQueries(scopeJqlOf(record), frozen, { blockedAgeClause: STATUS_CATEGORY_AGE });
  if (!planned.ok) throw new Error(planned.problem);
  return planned.plan;
};

describe.each([
  ['priya (sees LEGAL)', PEOPLE.priya.accountId],
  ['fatima (no LEGAL access)', PEOPLE.fatima.accountId],
])('key sets as %s', (_who, accountId) => {
  it('give every initiative the status the count queries give, with no call of its own', async () => {
    const read = keySetDeps(accountId, 'always');
    const keySets = await readKeySets(read.deps, Object.values(SCOPES).map(planOf));
    expect(keySets).not.toBeNull();
    const scopes = Object.keys(SCOPES).length;
    // One member list per scope, one search per partition (the demo fits one page each), one due-date lookup.
    const searches = read.calls.filter((c) => c.includes('/search/jql')).length;
    expect(searches).toBeGreaterThan(scopes);
    expect(read.calls.length).toBe(searches);
    // Member lists, partitions and the due-date lookup are requests (and answers) Jira's OpenAPI spec defines.
    const spec = loadSpec('jira');
    expect(read.exchanges.flatMap((x) => checkExchange(spec, x))).toEqual([]);
    for (const name of Object.keys(SCOPES)) {
      const counted = deps(accountId, false);
      const viaKeySets = deps(accountId, false);
      const reference = await computeInitiativeStatus(
        { ...counted.deps, keySearch: read.keySearch },
        brief,
        SCOPES[name]!,
      );
      const before = read.calls.length;
      const status = await computeInitiativeStatus(
        { ...viaKeySets.deps, keySearch: read.keySearch, keySets: keySets! },
        brief,
        SCOPES[name]!,
      );
      expect({ name, status }).toEqual({ name, status: reference });
      // Its own calls: at most the count of items blocked for long and its escalations' search.
      expect(viaKeySets.calls.length).toBeLessThanOrEqual(1);
      expect(read.calls.length - before).toBeLessThanOrEqual(1);
    }
  });
});

it('key sets hide LEGAL from a viewer without access, and a JQL scope Jira refuses from everyone', async () => {
  const records = [SCOPES.legal!, { scope: { epics: [], jql: 'project = NOPE' } }, SCOPES.launch!];
  const fatima = await readKeySets(keySetDeps(PEOPLE.fatima.accountId, 'always').deps, records.map(planOf));
  const priya = await readKeySets(keySetDeps(PEOPLE.priya.accountId, 'always').deps, records.map(planOf));
  const [legalEpic, legalJql] = records.map((r) => planOf(r));
  // Jira refuses a scope that names an epic Fatima may not browse, and one that names a project nobody has.
  expect(fatima?.tallyOf(legalEpic!, ['LEGAL-1'])).toBe('hidden');
  expect(fatima?.tallyOf(legalJql!, [])).toBe('hidden');
  expect(priya?.tallyOf(legalEpic!, ['LEGAL-1'])).toMatchObject({ visibleEpics: 1 });
  expect(priya?.tallyOf(legalJql!, [])).toBe('hidden');
  // The refused scope stays out of the union: the others are still read.
  expect(priya?.tallyOf(planOf(SCOPES.launch!), ['LAUNCH-1'])).toMatchObject({ visibleEpics: 1 });
});

it('in auto mode reads the small demo site per initiative: one approximate count decides', async () => {
  const read = keySetDeps(PEOPLE.priya.accountId, 'auto', 500);
  expect(await readKeySets(read.deps, Object.values(SCOPES).map(planOf))).toBeNull();
  expect(read.calls).toEqual(['/rest/api/3/search/approximate-count']);
  // Without expressions each initiative would take a dozen counts: then key sets are cheaper even here.
  const counting = keySetDeps(PEOPLE.priya.accountId, 'auto', null);
  expect(await readKeySets(counting.deps, Object.values(SCOPES).map(planOf))).not.toBeNull();
});

it('leaves a plan made at another time to be computed on its own', async () => {
  const read = keySetDeps(PEOPLE.priya.accountId, 'always');
  const keySets = await readKeySets(read.deps, [planOf(SCOPES.launch!)]);
  const later = planCountQueries(scopeJqlOf(SCOPES.launch!), new Date(frozen.getTime() + 8 * 86_400_000), {
    blockedAgeClause: STATUS_CATEGORY_AGE,
  });
  expect(later.ok && keySets?.tallyOf(later.plan, ['LAUNCH-1'])).toBeUndefined();
});

it('the overview with key sets lists the same statuses as computing each initiative on its own', async () => {
  const overviewAs = async (accountId: string, keySets?: 'always') => {
    const jira = jiraAs(() => site.url, accountId);
    const initiatives = memoryRecordStore<InitiativeRecord>();
    const briefs = Object.entries(SCOPES).map(([name, record], i) => {
      initiatives.data.set(`brief-${name}`, record);
      const value: Brief = {
        title: name,
        problem: '',
        ownerAccountId: PEOPLE.priya.accountId,
        status: 'approved',
        pageId: String(i + 1),
        updatedAt: frozen.toISOString(),
      };
      return { id: `brief-${name}`, value };
    });
    const d: ProgressDeps = {
      viewer: accountId,
      briefs: briefFeed(briefs),
      pages: pagesVisible(briefs.map((b) => b.value.pageId)),
      pageCache: memoryExpiringStore(),
      initiatives,
      counter: createJiraProgressCounter(jira.requester, route),
      rollup: createJiraExpressionRollup(jira.requester, route),
      keySearch: createJiraIssueKeySearch(jira.requester, route),
      dueDates: createJiraIssueDueDates(jira.requester, route),
      epochs: memoryEpochs(),
      statusCache: memoryExpiringStore(),
      clock: { now: () => frozen },
      blockedAgeClause: STATUS_CATEGORY_AGE,
      ...(keySets ? { keySets } : {}),
    };
    return { overview: await getOverview(d), calls: jira.calls };
  };
  for (const accountId of [PEOPLE.priya.accountId, PEOPLE.fatima.accountId]) {
    const alone = await overviewAs(accountId);
    const together = await overviewAs(accountId, 'always');
    expect(together.overview).toEqual(alone.overview);
    expect(together.overview.initiatives.length).toBeGreaterThan(0);
    expect(together.calls.some((c) => c.includes('/expression/evaluate'))).toBe(false);
    expect(alone.calls.some((c) => c.includes('/expression/evaluate'))).toBe(true);
  }
});
