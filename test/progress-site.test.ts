import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import {
  CAMPAIGN_BRIEF_ID,
  DEMO_BRIEF_ID,
  DEMO_STATUS_REPORT_ID,
  LAUNCH_BRIEF_PAGE_ID,
  LAUNCH_HOME_PAGE_ID,
  LEGAL_BRIEF_ID,
} from '../local/seed/confluence-seed';

/** The executive view on the local site: overview, initiative, byline, status report, cache invalidation. */
jest.setTimeout(60_000);

const { priya, erik, fatima, grace } = PEOPLE;
let dataDir: string;
let site: Site;

const post = async (path: string, body?: unknown, as?: string) => {
  const res = await fetch(site.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { 'x-forge-user': as } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};
const invoke = async (
  functionKey: string,
  call: string,
  payload: unknown,
  accountId: string,
  extension: Record<string, unknown> = { type: 'jira:globalPage' },
) => (await post('/forge/invoke', { functionKey, call, payload, context: { accountId, extension } })).body;
const onPage = (pageId: string) => ({ type: 'macro', content: { id: pageId, type: 'page' } });
const overview = (as: string) => invoke('overview-resolver', 'progress/overview', {}, as);
const find = (answer: any, briefId: string) =>
  (answer.data.initiatives as Array<{ briefId: string }>).find((i) => i.briefId === briefId) as any;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-progress-'));
  site = await createSite({ dataDir, port: 0 });
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('progress/overview', () => {
  it('lists the three demo initiatives for Priya, Feature X red with its reasons', async () => {
    const answer = await overview(priya.accountId);
    expect(answer.ok).toBe(true);
    const ids = answer.data.initiatives.map((i: { briefId: string }) => i.briefId).sort();
    expect(ids).toEqual([CAMPAIGN_BRIEF_ID, DEMO_BRIEF_ID, LEGAL_BRIEF_ID].sort());
    const launch = find(answer, DEMO_BRIEF_ID);
    expect(launch.rag).toBe('red');
    expect(launch.reason).toMatch(/^Red: .*blocked > 2 business days/);
    expect(launch.blocked).toBe(1);
    expect(launch.counts.total).toBe(9);
    expect(launch.decisionsAwaiting).toBeGreaterThanOrEqual(1);
    expect(launch.figures.every((f: { jql: string }) => f.jql.length > 0)).toBe(true);
    expect(find(answer, CAMPAIGN_BRIEF_ID).rag).toBe('green');
  });

  it('never gives Erik (no LEGAL access) the legal initiative nor any of its numbers', async () => {
    const answer = await overview(erik.accountId);
    expect(answer.ok).toBe(true);
    expect(find(answer, LEGAL_BRIEF_ID)).toBeUndefined();
    expect(JSON.stringify(answer)).not.toMatch(/LEGAL/);
    const detail = await invoke(
      'overview-resolver',
      'progress/initiative',
      { briefId: LEGAL_BRIEF_ID },
      erik.accountId,
    );
    expect(detail).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows nothing to Fatima, who cannot view the LAUNCH space', async () => {
    expect(await overview(fatima.accountId)).toMatchObject({ ok: true, data: { initiatives: [] } });
  });

  it('a warm overview makes no product calls', async () => {
    await overview(grace.accountId);
    const before = site.runtime.meter.productCalls;
    const again = await overview(grace.accountId);
    expect(again.ok).toBe(true);
    expect(site.runtime.meter.productCalls - before).toBe(0);
  });

  it('carries each initiative’s daily snapshots for the trend once the daily job has run', async () => {
    const before = await overview(grace.accountId);
    expect(
      (before.data.initiatives as Array<{ trend?: unknown[] }>).every((i) => (i.trend ?? []).length === 0),
    ).toBe(true);
    expect((await post('/forge/scheduled/accord-progress-snapshot')).status).toBe(200);
    const after = await overview(grace.accountId);
    for (const i of after.data.initiatives as Array<{
      trend: Array<{ total: number; done: number }>;
      counts: { total: number; done: number };
    }>) {
      expect(i.trend).toHaveLength(1);
      expect(i.trend[0]).toMatchObject({ total: i.counts.total, done: i.counts.done });
    }
  });

  it('moving LAUNCH-3 to Done changes the numbers after the trigger runs', async () => {
    const before = find(await overview(priya.accountId), DEMO_BRIEF_ID);
    // The workflow may need a step through In Progress before Done.
    for (let step = 0; step < 3; step++) {
      const { transitions } = await fetch(`${site.url}/rest/api/3/issue/LAUNCH-3/transitions`, {
        headers: { 'x-forge-user': priya.accountId },
      }).then((r) => r.json() as Promise<{ transitions: Array<{ id: string; to: { name: string } }> }>);
      const next =
        transitions.find((t) => t.to.name === 'Done') ?? transitions.find((t) => t.to.name === 'In Progress');
      expect(next).toBeDefined();
      const moved = await post(
        '/rest/api/3/issue/LAUNCH-3/transitions',
        { transition: { id: next?.id } },
        priya.accountId,
      );
      expect(moved.status).toBe(204);
      if (next?.to.name === 'Done') break;
    }
    await post('/forge/settle');
    const after = find(await overview(priya.accountId), DEMO_BRIEF_ID);
    expect(after.counts.done).toBe(before.counts.done + 1);
    expect(after.blocked).toBe(0);
  });

  it('refuses a payload with fields it does not take', async () => {
    expect(
      await invoke('overview-resolver', 'progress/overview', { all: true }, priya.accountId),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('progress/initiative and progress/byline', () => {
  it('gives the same status on the byline and the initiative as on the overview', async () => {
    await invoke('macro-resolver', 'status/briefs', {}, priya.accountId, onPage(LAUNCH_BRIEF_PAGE_ID));
    // The overview adds the sparkline's trend; every figure, RAG and reason must be the same everywhere.
    const { trend: _trend, ...fromOverview } = find(await overview(priya.accountId), DEMO_BRIEF_ID);
    const byline = await invoke(
      'macro-resolver',
      'progress/byline',
      {},
      priya.accountId,
      onPage(LAUNCH_BRIEF_PAGE_ID),
    );
    expect(byline).toEqual({ ok: true, data: { status: fromOverview } });
    const detail = await invoke(
      'overview-resolver',
      'progress/initiative',
      { briefId: DEMO_BRIEF_ID },
      priya.accountId,
    );
    expect(detail.ok).toBe(true);
    expect(detail.data.status).toEqual(fromOverview);
  });
});

describe('status/get and status/save', () => {
  const page = onPage(LAUNCH_HOME_PAGE_ID);
  it('reads the demo report with the live numbers, and refuses a stale revision with CONFLICT', async () => {
    const got = await invoke(
      'macro-resolver',
      'status/get',
      { reportId: DEMO_STATUS_REPORT_ID },
      priya.accountId,
      page,
    );
    expect(got.ok).toBe(true);
    expect(got.data.report).toMatchObject({ id: DEMO_STATUS_REPORT_ID, briefId: DEMO_BRIEF_ID, revision: 1 });
    expect(got.data.status.briefId).toBe(DEMO_BRIEF_ID);
    const save = (revision: number) =>
      invoke(
        'macro-resolver',
        'status/save',
        {
          reportId: DEMO_STATUS_REPORT_ID,
          revision,
          briefId: DEMO_BRIEF_ID,
          problemAndImpact: 'Updated.',
          rootCauseAndOptions: got.data.report.rootCauseAndOptions,
          recommendation: got.data.report.recommendation,
        },
        priya.accountId,
        page,
      );
    expect(await save(1)).toMatchObject({
      ok: true,
      data: { report: { revision: 2, problemAndImpact: 'Updated.' } },
    });
    expect(await save(1)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a save by someone who can only view the page, and oversize text', async () => {
    const payload = {
      revision: 0,
      briefId: null,
      problemAndImpact: 'x',
      rootCauseAndOptions: '',
      recommendation: '',
    };
    expect(await invoke('macro-resolver', 'status/save', payload, grace.accountId, page)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const created = await invoke('macro-resolver', 'status/save', payload, priya.accountId, page);
    expect(created).toMatchObject({
      ok: true,
      data: { report: { revision: 1, briefId: null }, status: null },
    });
    expect(
      await invoke(
        'macro-resolver',
        'status/save',
        { ...payload, problemAndImpact: 'x'.repeat(10_001) },
        priya.accountId,
        page,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
