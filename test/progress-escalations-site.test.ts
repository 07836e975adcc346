import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { CAMPAIGN_BRIEF_ID, DEMO_BRIEF_ID, LEGAL_BRIEF_ID } from '../local/seed/confluence-seed';
import { createJiraIssueKeySearch, createJiraProgressCounter } from '../src/adapters/jira-progress-counter';
import { createJiraExpressionRollup } from '../src/adapters/jira-expression-rollup';
import {
  computeInitiativeStatus,
  createSharedSearches,
  type ComputeDeps,
} from '../src/app/compute-initiative-status';
import type { InitiativeRecord } from '../src/app/ports';
import { STATUS_CATEGORY_AGE } from '../src/domain/progress';
import type { InitiativeStatus } from '../src/shared/progress';
import { checkExchange, loadSpec, type Exchange } from './contract/openapi-contract';
import { jiraAs, route } from './support/jira-http';

/**
 * Open escalations by level in the executive view, on the demo site: the escalation engine's `accord-escalation`
 * property (written here as the app through the REST API), read AS THE VIEWER with one overview-wide search.
 */
jest.setTimeout(60_000);

const { priya, erik, fatima } = PEOPLE;
let dataDir: string;
let site: Site;

const http = async (method: string, path: string, body?: unknown, as?: string) => {
  const res = await fetch(site.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { 'x-forge-user': as } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};
const invoke = async (call: string, payload: unknown, accountId: string) =>
  (
    await http('POST', '/forge/invoke', {
      functionKey: 'overview-resolver',
      call,
      payload,
      context: { accountId, extension: { type: 'jira:globalPage' } },
    })
  ).body;
const overview = async (as: string): Promise<InitiativeStatus[]> => {
  const answer = await invoke('progress/overview', {}, as);
  expect(answer.ok).toBe(true);
  return answer.data.initiatives;
};
const find = (list: InitiativeStatus[], id: string) => list.find((i) => i.briefId === id);
/** What the drill-down JQL of each escalation figure finds, as the viewer. */
const drillDown = async (status: InitiativeStatus, as: string) =>
  Promise.all(
    status.figures
      .filter((f) => f.key.startsWith('escalations'))
      .map(async (f) => ({
        key: f.key,
        value: f.value,
        found: (await http('POST', '/rest/api/3/search/approximate-count', { jql: f.jql }, as)).body.count,
      })),
  );

/** The JQL a recorded search sent. */
const jqlOf = (x: Exchange) => (x.requestBody as { jql?: string } | undefined)?.jql;
const computeAs = (accountId: string, mode: 'shared' | 'scoped' | 'counts') => {
  const jira = jiraAs(() => site.url, accountId);
  const limit: ComputeDeps['limit'] = (task) => task();
  const keySearch = createJiraIssueKeySearch(jira.requester, route);
  const deps: ComputeDeps = {
    counter: createJiraProgressCounter(jira.requester, route),
    clock: site.clock,
    limit,
    blockedAgeClause: STATUS_CATEGORY_AGE,
    keySearch,
    ...(mode !== 'counts' ? { rollup: createJiraExpressionRollup(jira.requester, route) } : {}),
    ...(mode === 'shared' ? { shared: createSharedSearches(keySearch, limit) } : {}),
  };
  return { deps, calls: jira.exchanges };
};
const brief = { id: 'b', title: 'T', ownerAccountId: priya.accountId, pageId: '1' };
/** Every open issue the viewer may browse: LAUNCH, MKT and (for Priya only) LEGAL. */
const EVERYTHING: InitiativeRecord = { scope: { epics: [], jql: 'statusCategory != Done' } };

const ESCALATED: Record<string, number> = {
  'LAUNCH-3': 2, // Blocked sub-task of the pricing story
  'LAUNCH-4': 1,
  'LAUNCH-6': 1, // Done: not an open escalation
  'LAUNCH-8': 0, // an open episode with no level fired yet
  'MKT-2': 1,
  'LEGAL-2': 1, // confidential: only people who browse LEGAL may count it
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-progress-esc-'));
  site = await createSite({ dataDir, port: 0 });
  for (const [key, level] of Object.entries(ESCALATED)) {
    const put = await http('PUT', `/rest/api/3/issue/${key}/properties/accord-escalation`, {
      level,
      paths: [{ pathId: 'path-launch-blocked', episodeId: `e-${key}`, level }],
    });
    expect(put.status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('open escalations by level in the overview', () => {
  it('counts each initiative’s open escalated issues per level, for Priya, and the RAG says so', async () => {
    const list = await overview(priya.accountId);
    const launch = find(list, DEMO_BRIEF_ID)!;
    expect(launch.escalationsByLevel).toEqual({ '1': 1, '2': 1 });
    expect(launch.rag).toBe('red');
    expect(launch.reason).toMatch(/1 escalation open at level 2/);
    expect(launch.figures.find((f) => f.key === 'escalations-2')).toEqual({
      key: 'escalations-2',
      label: 'Open escalations at level 2',
      value: 1,
      jql: `accordEscalationLevel = 2 AND (${launch.scopeJql}) AND statusCategory != Done`,
    });
    const campaign = find(list, CAMPAIGN_BRIEF_ID)!;
    expect(campaign.escalationsByLevel).toEqual({ '1': 1 });
    expect(campaign.reason).toMatch(/^Amber: .*1 escalation open at level 1/);
    expect(find(list, LEGAL_BRIEF_ID)!.escalationsByLevel).toEqual({ '1': 1 });
  });

  it('every level’s figure equals what its drill-down JQL finds, as each viewer', async () => {
    for (const who of [priya.accountId, erik.accountId]) {
      for (const status of await overview(who)) {
        for (const row of await drillDown(status, who)) expect(row.found).toBe(row.value);
      }
    }
  });

  it('never counts a LEGAL escalation for Erik or Fatima, who cannot browse LEGAL', async () => {
    const list = await overview(erik.accountId);
    expect(find(list, LEGAL_BRIEF_ID)).toBeUndefined();
    expect(find(list, DEMO_BRIEF_ID)!.escalationsByLevel).toEqual({ '1': 1, '2': 1 });
    expect(JSON.stringify(list)).not.toMatch(/LEGAL/);
    // A scope wider than one project: the same escalated issues less LEGAL-2, by every path of the roll-up.
    for (const mode of ['shared', 'scoped', 'counts'] as const) {
      const asFatima = await computeInitiativeStatus(
        computeAs(fatima.accountId, mode).deps,
        brief,
        EVERYTHING,
      );
      expect([mode, asFatima?.escalationsByLevel]).toEqual([mode, { '1': 2, '2': 1 }]);
      const asPriya = await computeInitiativeStatus(computeAs(priya.accountId, mode).deps, brief, EVERYTHING);
      expect([mode, asPriya?.escalationsByLevel]).toEqual([mode, { '1': 3, '2': 1 }]);
    }
  });

  it('shares one search of escalated issues and one of long-blocked keys across initiatives', async () => {
    const { deps, calls } = computeAs(priya.accountId, 'shared');
    const scopes: InitiativeRecord[] = [
      { scope: { epics: ['LAUNCH-1'], jql: 'parent = LAUNCH-2' } },
      { scope: { epics: ['MKT-1'] } },
      { scope: { epics: ['LEGAL-1'] } },
    ];
    const statuses = await Promise.all(scopes.map((r) => computeInitiativeStatus(deps, brief, r)));
    expect(statuses.map((s) => s?.escalationsByLevel)).toEqual([{ '1': 1, '2': 1 }, { '1': 1 }, { '1': 1 }]);
    const searches = calls.filter((c) => c.path.startsWith('/rest/api/3/search/jql'));
    expect(searches.map(jqlOf).sort()).toEqual([
      'accordEscalationLevel >= 1 AND statusCategory != Done',
      expect.stringMatching(
        /^statusCategory != Done AND \(status = Blocked\) AND statusCategoryChangedDate <= "/,
      ),
    ]);
    expect(calls.filter((c) => c.path.includes('approximate-count'))).toEqual([]);
    // The key searches (keys only, with the escalation property) are requests Jira's OpenAPI spec defines.
    const spec = loadSpec('jira');
    expect(searches.flatMap((c) => checkExchange(spec, c))).toEqual([]);
    // The blocked-for-long figure is the same as its own count query gives.
    const counted = await computeInitiativeStatus(
      computeAs(priya.accountId, 'counts').deps,
      brief,
      scopes[0]!,
    );
    expect(statuses[0]?.blockedTooLong).toBe(counted?.blockedTooLong);
    expect(statuses[0]).toEqual(counted);
  });

  it('past the listing caps, counts per level instead, with the same result', async () => {
    const { deps, calls } = computeAs(fatima.accountId, 'shared');
    const tooMany = { find: async () => null };
    const capped: ComputeDeps = {
      ...deps,
      keySearch: tooMany,
      shared: createSharedSearches(tooMany, deps.limit),
    };
    const status = await computeInitiativeStatus(capped, brief, EVERYTHING);
    expect(status?.escalationsByLevel).toEqual({ '1': 2, '2': 1 });
    expect(calls.filter((c) => jqlOf(c)?.startsWith('accordEscalationLevel = '))).toHaveLength(10);
  });

  it('the initiative detail shows the same escalations as the overview', async () => {
    const fromOverview = find(await overview(priya.accountId), DEMO_BRIEF_ID)!;
    const detail = await invoke('progress/initiative', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    expect(detail.data.status.escalationsByLevel).toEqual(fromOverview.escalationsByLevel);
    expect(detail.data.status.figures).toEqual(fromOverview.figures);
  });
});
