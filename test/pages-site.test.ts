import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { DEMO_BRIEF_ID } from '../local/seed/confluence-seed';
import type { RecordedCall } from '../local/platform/forge-runtime';
import { checkExchange, exchangeOf, loadSpec } from './contract/openapi-contract';

/** The overview page (`overview/briefs`) and the admin page (`settings/*`) on the local site. */
jest.setTimeout(60_000);

const { priya, erik, fatima } = PEOPLE;
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
const get = async (path: string, as?: string) => {
  const res = await fetch(site.url + path, { headers: as ? { 'x-forge-user': as } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const invoke = async (functionKey: string, call: string, payload: unknown, accountId: string) =>
  (
    await post('/forge/invoke', {
      functionKey,
      call,
      payload,
      context: {
        accountId,
        extension: { type: functionKey === 'admin-resolver' ? 'jira:adminPage' : 'jira:globalPage' },
      },
    })
  ).body;
const settings = (payload: unknown, as: string) => invoke('admin-resolver', 'settings/save', payload, as);
const kvsWrites = () => site.services.kvs.counts().writes;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-pages-'));
  site = await createSite({ dataDir, port: 0 });
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the emulated Jira answers the global ADMINISTER permission', () => {
  const isAdmin = async (as: string) =>
    (await get('/rest/api/3/mypermissions?permissions=ADMINISTER', as)).body.permissions.ADMINISTER;

  it('true for the demo Jira administrator, false for a project administrator and a viewer', async () => {
    expect(await isAdmin(priya.accountId)).toMatchObject({ type: 'GLOBAL', havePermission: true });
    // Erik administers the LAUNCH project, which does not make him a Jira administrator.
    expect(await isAdmin(erik.accountId)).toMatchObject({ havePermission: false });
    expect(await isAdmin(fatima.accountId)).toMatchObject({ havePermission: false });
  });
});

describe('overview/briefs', () => {
  it('lists the demo brief with its page address for someone who can view the LAUNCH space', async () => {
    const answer = await invoke('overview-resolver', 'overview/briefs', {}, priya.accountId);
    expect(answer).toMatchObject({ ok: true, data: { truncated: false } });
    const demo = answer.data.briefs.find((b: { id: string }) => b.id === DEMO_BRIEF_ID);
    expect(demo).toMatchObject({
      title: 'Feature X launch',
      status: 'in-review',
      ownerAccountId: priya.accountId,
      pageUrl: expect.stringMatching(/^\/wiki\/spaces\/LAUNCH\/pages\/\d+\//),
    });
    // The address opens the brief's page on the site.
    const page = await fetch(`${site.url}${demo.pageUrl}?as=priya`);
    expect(page.status).toBe(200);
  });

  it('does not list a brief whose page the caller cannot view (Fatima cannot see LAUNCH)', async () => {
    const answer = await invoke('overview-resolver', 'overview/briefs', {}, fatima.accountId);
    expect(answer).toEqual({ ok: true, data: { briefs: [], truncated: false } });
  });

  it('uses one Confluence call for the listing, not one per brief', async () => {
    const before = site.services.confluence.counts().calls;
    await invoke('overview-resolver', 'overview/briefs', {}, erik.accountId);
    expect(site.services.confluence.counts().calls - before).toBe(1);
  });

  it('refuses a payload with fields it does not take', async () => {
    expect(
      await invoke('overview-resolver', 'overview/briefs', { owner: 'x' }, priya.accountId),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('settings/get and settings/save', () => {
  it('a Jira administrator reads the defaults, saves, and the sweep then uses the new threshold', async () => {
    const first = await invoke('admin-resolver', 'settings/get', {}, priya.accountId);
    expect(first).toEqual({
      ok: true,
      data: { settings: { blockedThresholdHours: 48, consultedThreshold: 5, revision: 0 }, lastSweep: null },
    });
    const saved = await settings(
      { blockedThresholdHours: 720, consultedThreshold: 7, revision: 0 },
      priya.accountId,
    );
    expect(saved).toMatchObject({
      ok: true,
      data: { settings: { blockedThresholdHours: 720, consultedThreshold: 7, revision: 1 } },
    });

    // Nothing has been Blocked for 30 days in the demo; at 1 hour LAUNCH-3 is.
    const none = await post('/forge/scheduled/accord-blocked-sweep');
    expect(none.body.result).toEqual({ blocked: 0, newlyBlocked: [] });
    await settings({ blockedThresholdHours: 1, consultedThreshold: 7, revision: 1 }, priya.accountId);
    const some = await post('/forge/scheduled/accord-blocked-sweep');
    expect(some.body.result.newlyBlocked).toContain('LAUNCH-3');
    const view = await invoke('admin-resolver', 'settings/get', {}, priya.accountId);
    expect(view.data.lastSweep).toMatchObject({
      blocked: expect.arrayContaining(['LAUNCH-3']),
      thresholdHours: 1,
    });
    expect(view.data.settings.revision).toBe(2);
  });

  it("a non-administrator's save is FORBIDDEN and writes nothing; their read is refused too", async () => {
    const before = (await invoke('admin-resolver', 'settings/get', {}, priya.accountId)).data.settings;
    const writes = kvsWrites();
    const refused = await settings(
      { blockedThresholdHours: 24, consultedThreshold: 5, revision: before.revision },
      erik.accountId,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Only Jira administrators/) },
    });
    expect(kvsWrites()).toBe(writes);
    expect(await invoke('admin-resolver', 'settings/get', {}, fatima.accountId)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await invoke('admin-resolver', 'settings/get', {}, priya.accountId)).data.settings).toEqual(
      before,
    );
  });

  it('a stale revision is a CONFLICT and writes nothing', async () => {
    const current = (await invoke('admin-resolver', 'settings/get', {}, priya.accountId)).data.settings;
    const writes = kvsWrites();
    const stale = await settings(
      { blockedThresholdHours: 96, consultedThreshold: 5, revision: current.revision - 1 },
      priya.accountId,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { currentRevision: current.revision } },
    });
    expect(kvsWrites()).toBe(writes);
  });

  it('two saves based on the same revision: one wins, the other is a CONFLICT', async () => {
    const current = (await invoke('admin-resolver', 'settings/get', {}, priya.accountId)).data.settings;
    const [a, b] = await Promise.all([
      settings(
        { blockedThresholdHours: 30, consultedThreshold: 5, revision: current.revision },
        priya.accountId,
      ),
      settings(
        { blockedThresholdHours: 31, consultedThreshold: 5, revision: current.revision },
        priya.accountId,
      ),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a).error.code).toBe('CONFLICT');
    const after = (await invoke('admin-resolver', 'settings/get', {}, priya.accountId)).data.settings;
    expect(after.revision).toBe(current.revision + 1);
    expect(after.blockedThresholdHours).toBe(a.ok ? 30 : 31);
  });

  it.each([
    [
      { blockedThresholdHours: 0, consultedThreshold: 5, revision: 0 },
      'INVALID_INPUT',
      /hours from 1 to 720/,
    ],
    [
      { blockedThresholdHours: 48, consultedThreshold: 99, revision: 0 },
      'INVALID_INPUT',
      /people from 1 to 50/,
    ],
    [
      { blockedThresholdHours: '48', consultedThreshold: 5, revision: 0 },
      'INVALID_INPUT',
      /blockedThresholdHours/,
    ],
    [{ blockedThresholdHours: 48, consultedThreshold: 5 }, 'INVALID_INPUT', /revision/],
  ])('bad input %p is refused with a sentence and writes nothing', async (payload, code, message) => {
    const writes = kvsWrites();
    const answer = await settings(payload, priya.accountId);
    expect(answer).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(kvsWrites()).toBe(writes);
  });
});

describe('the product calls of these resolvers', () => {
  it('are defined by the OpenAPI specs, get spec-valid answers, and run as the user', async () => {
    const calls: RecordedCall[] = [];
    site.runtime.onCall = (c) => calls.push(c);
    try {
      await invoke('overview-resolver', 'overview/briefs', {}, priya.accountId);
      await invoke('admin-resolver', 'settings/get', {}, erik.accountId);
    } finally {
      site.runtime.onCall = undefined;
    }
    const product = calls.filter((c) => c.remote === 'jira' || c.remote === 'confluence');
    expect(product.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
      'GET /rest/api/3/mypermissions',
      'GET /wiki/api/v2/pages',
    ]);
    const problems = product.flatMap((c) =>
      checkExchange(loadSpec(c.remote === 'jira' ? 'jira' : 'confluence'), exchangeOf(c)),
    );
    expect(problems).toEqual([]);
    expect(product.every((c) => c.actor === 'user')).toBe(true);
  });
});
