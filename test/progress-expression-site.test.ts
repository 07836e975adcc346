import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { createJiraProgressCounter } from '../src/adapters/jira-progress-counter';
import { createJiraExpressionRollup } from '../src/adapters/jira-expression-rollup';
import type { JiraRequester, RouteBuilder } from '../src/adapters/jira-issue-tracker';
import { computeInitiativeStatus, type ComputeDeps } from '../src/app/compute-initiative-status';
import type { InitiativeRecord } from '../src/app/ports';
import { UpstreamError } from '../src/app/errors';
import { STATUS_CATEGORY_AGE } from '../src/domain/progress';

/** The expression roll-up and the count-query roll-up give the same figures on the demo data, as each viewer. */
jest.setTimeout(60_000);

let dataDir: string;
let site: Site;
const route: RouteBuilder = (strings, ...values) =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );

/** Jira as `accountId` over HTTP, counting the calls it makes. */
const jiraAs = (accountId: string) => {
  const calls: string[] = [];
  const requester: JiraRequester = {
    async requestJira(path, init = {}) {
      calls.push(String(path));
      return fetch(site.url + String(path), {
        method: init.method ?? 'GET',
        headers: { ...(init.headers ?? {}), 'x-forge-user': accountId },
        ...(init.body ? { body: init.body } : {}),
      });
    },
  };
  return { requester, calls };
};

let frozen = new Date();
const deps = (accountId: string, withExpressions: boolean) => {
  const jira = jiraAs(accountId);
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
  const jira = jiraAs(PEOPLE.priya.accountId);
  const d: ComputeDeps = {
    ...deps(PEOPLE.priya.accountId, false).deps,
    rollup: {
      rows: () => Promise.reject(new UpstreamError('Evaluation failed', 400)),
    },
  };
  const status = await computeInitiativeStatus(d, brief, SCOPES.launch!);
  const reference = await computeInitiativeStatus(
    deps(PEOPLE.priya.accountId, false).deps,
    brief,
    SCOPES.launch!,
  );
  expect(status).toEqual(reference);
  expect(jira.calls).toEqual([]);
});
