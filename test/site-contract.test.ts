import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { capturedIssueUpdates } from './support/forge-events';
import { movesCounts } from '../src/app/invalidate-progress';

/** The local site's HTTP contract (DESIGN.md, "The local site"; README, "Local-site HTTP contract"). */
jest.setTimeout(60_000);

const ERIK = PEOPLE.erik.accountId;
let dataDir: string;
let site: Site;

const call = async (
  path: string,
  init: { method?: string; body?: unknown; raw?: string; as?: string } = {},
) => {
  const res = await fetch(site.url + path, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.as ? { 'x-forge-user': init.as } : {}) },
    ...(init.raw !== undefined
      ? { body: init.raw }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

/** What "state" means for the refusals below: KVS writes, Jira's issues, the invocation log. */
const snapshot = async () => ({
  kvsWrites: site.services.kvs.counts().writes,
  log: (await call('/forge/log')).body.length,
  issue: (await call('/rest/api/3/issue/LAUNCH-2?fields=summary,status,labels')).body.fields,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-site-'));
  site = await createSite({ dataDir, port: 0 });
});
afterAll(async () => site.close());

describe('local site contract', () => {
  it('GET /health answers {"ok":true}', async () => {
    expect(await call('/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('POST /forge/invoke runs a resolver as the calling user and returns its envelope', async () => {
    const res = await call('/forge/invoke', {
      body: {
        functionKey: 'roles-resolver',
        call: 'roles/get',
        payload: { issueKey: 'MKT-2' },
        context: { accountId: ERIK },
      },
    });
    expect(res.status).toBe(200);
    // MKT-2 and its epic MKT-1 hold no roles on the demo site (LAUNCH issues inherit the seeded LAUNCH-1 roles).
    expect(res.body).toMatchObject({ ok: true, data: { issueKey: 'MKT-2', source: 'none', revision: 0 } });
    expect((await call('/forge/log')).body[0]).toMatchObject({
      kind: 'resolver',
      functionKey: 'roles-resolver',
      call: 'roles/get',
      ok: true,
    });
  });

  it('refuses a malformed body with 400, an unknown function with 404, a bad payload with INVALID_INPUT — changing nothing', async () => {
    const before = await snapshot();
    expect((await call('/forge/invoke', { raw: '{"functionKey": ' })).status).toBe(400);
    expect((await call('/forge/invoke', { raw: '[1,2]' })).status).toBe(400);
    expect((await call('/forge/invoke', { body: { call: 'roles/get' } })).status).toBe(400);
    expect(
      (await call('/forge/invoke', { body: { functionKey: 'no-such-function', call: 'roles/get' } })).status,
    ).toBe(404);
    const invalid = await call('/forge/invoke', {
      body: {
        functionKey: 'roles-resolver',
        call: 'roles/get',
        payload: { issueKey: 'not a key' },
        context: { accountId: ERIK },
      },
    });
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const after = await snapshot();
    expect({ ...after, log: after.log - 1 }).toEqual(before); // only the refused resolver call was logged
  });

  it('answers a bad JQL with Jira’s 400 and errorMessages, changing nothing', async () => {
    const before = await snapshot();
    const res = await call('/rest/api/3/search/jql', { body: { jql: 'status = = Blocked' }, as: ERIK });
    expect(res.status).toBe(400);
    expect(res.body.errorMessages[0]).toMatch(/Error in the JQL Query/);
    expect(await snapshot()).toEqual(before);
  });

  it('editing an issue through the emulated REST runs the subscribed trigger, visible in /forge/log', async () => {
    const transitions = (await call('/rest/api/3/issue/LAUNCH-2/transitions', { as: ERIK })).body
      .transitions as Array<{ id: string; to: { name: string } }>;
    const toBlocked = transitions.find((t) => t.to.name === 'Blocked');
    expect(toBlocked).toBeDefined();
    expect(
      (
        await call('/rest/api/3/issue/LAUNCH-2/transitions', {
          body: { transition: { id: toBlocked!.id } },
          as: ERIK,
        })
      ).status,
    ).toBe(204);
    await call('/forge/settle', { method: 'POST' });
    const log = (await call('/forge/log')).body;
    expect(log[0]).toMatchObject({
      kind: 'trigger',
      functionKey: 'issue-updated',
      eventType: 'avi:jira:updated:issue',
      ok: true,
    });
  });

  it('POST /forge/events delivers a product event to the subscribed triggers, and honours ignoreSelf', async () => {
    const { event } = capturedIssueUpdates().find(
      (e) => e.file === 'webhook-issue-updated-started-working.json',
    )!;
    expect((await call('/forge/events', { body: event })).body).toEqual({ delivered: ['issue-updated'] });
    expect((await call('/forge/events', { body: { ...event, selfGenerated: true } })).body).toEqual({
      delivered: [],
    });
    expect(
      (await call('/forge/events', { body: { ...event, eventType: 'avi:jira:deleted:comment' } })).body,
    ).toEqual({ delivered: [] });
    expect((await call('/forge/events', { body: { issue: {} } })).status).toBe(400);
  });

  it('every captured issue update reaches the trigger; only changes that matter write, and none calls Jira', async () => {
    const kvsBefore = site.services.kvs.counts().writes;
    const jiraBefore = site.runtime.meter.productCalls;
    const updates = capturedIssueUpdates();
    const fieldsOf = (e: (typeof updates)[number]) => e.event.changelog.items.map((i) => String(i.field));
    const withStatus = updates.filter((u) => fieldsOf(u).includes('status'));
    const movingCounts = updates.filter((u) => movesCounts(fieldsOf(u)));
    const irrelevant = updates.filter((u) => !fieldsOf(u).includes('status') && !movesCounts(fieldsOf(u)));
    expect(withStatus.length).toBeGreaterThan(3);
    expect(irrelevant.length).toBeGreaterThan(3);

    // Irrelevant updates (summary, description, sprint, custom fields, ...) cost nothing at all.
    for (const { event } of irrelevant) await call('/forge/events', { body: event });
    expect(site.services.kvs.counts().writes - kvsBefore).toBe(0);

    for (const { event } of updates) await call('/forge/events', { body: event });
    expect(site.runtime.meter.productCalls - jiraBefore).toBe(0);
    // At most one status record per distinct change, and per count-moving event one bump of its project's cache
    // epoch and one of the epoch of JQL-scoped initiatives.
    const distinct = new Set(withStatus.map(({ event }) => `${event.issue.id}@${event.timestamp}`));
    const writes = site.services.kvs.counts().writes - kvsBefore;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(distinct.size + 2 * movingCounts.length);
  });

  it('POST /forge/scheduled/:key runs the scheduled trigger now; an unknown key is 404', async () => {
    const res = await call('/forge/scheduled/accord-blocked-sweep', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body.functionKey).toBe('blocked-sweep');
    expect(res.body.result.blocked).toBeGreaterThanOrEqual(1);
    expect((await call('/forge/scheduled/nope', { method: 'POST' })).status).toBe(404);
  });

  it('GET/POST /forge/clock reads, sets and advances the site clock; bad input is 400', async () => {
    const set = await call('/forge/clock', { body: { set: '2026-12-04T09:00:00Z' } });
    expect(set.body.now.slice(0, 16)).toBe('2026-12-04T09:00');
    const advanced = await call('/forge/clock', { body: { advance: 'PT48H' } });
    expect(advanced.body.now.slice(0, 16)).toBe('2026-12-06T09:00');
    expect((await call('/forge/clock')).body.now.slice(0, 16)).toBe('2026-12-06T09:00');
    expect((await call('/forge/clock', { body: { advance: 'two days' } })).status).toBe(400);
    expect((await call('/forge/clock', { body: { set: 'yesterday' } })).status).toBe(400);
    expect((await call('/forge/clock', { body: {} })).status).toBe(400);
    expect((await call('/forge/clock')).body.now.slice(0, 16)).toBe('2026-12-06T09:00');
  });

  it('X-Forge-User acts as that person: an issue they cannot browse is 404 for them and visible to the app', async () => {
    // The demo's LEGAL project is confidential: the PM may view it, the engineering lead may not.
    const asPm = await call('/rest/api/3/issue/LEGAL-1?fields=summary', { as: PEOPLE.priya.accountId });
    const asEngineer = await call('/rest/api/3/issue/LEGAL-1?fields=summary', { as: ERIK });
    const asApp = await call('/rest/api/3/issue/LEGAL-1?fields=summary');
    expect([asPm.status, asEngineer.status, asApp.status]).toEqual([200, 404, 200]);
    const search = await call('/rest/api/3/search/jql', {
      body: { jql: 'project = LEGAL', fields: ['summary'] },
      as: ERIK,
    });
    // Naming a project they may not browse is refused as if it did not exist (Jira Cloud's strict JQL).
    expect(search.status).toBe(400);
    expect(search.body.errorMessages).toEqual(["The value 'LEGAL' does not exist for the field 'project'."]);
    const anywhere = await call('/rest/api/3/search/jql', {
      body: { jql: 'labels = launch', fields: ['summary'] },
      as: ERIK,
    });
    expect(anywhere.body.issues.map((i: { key: string }) => i.key)).not.toContain('LEGAL-1');
  });

  it('expand=editmeta lists the editable fields for an editor and none for someone who can only view', async () => {
    const path = '/rest/api/3/issue/LAUNCH-2?fields=summary&expand=editmeta';
    const editor = await call(path, { as: ERIK });
    const viewer = await call(path, { as: PEOPLE.grace.accountId });
    expect(Object.keys(editor.body.editmeta.fields)).toContain('summary');
    expect(viewer.body.editmeta.fields).toEqual({});
  });

  it('faults on demand: 429 with Retry-After makes the app retry, then report RATE_LIMITED and write nothing', async () => {
    expect((await call('/forge/faults', { body: { rate429: 2 } })).status).toBe(400);
    expect((await call('/forge/faults', { body: { rate429: 1, retryAfterSeconds: 0 } })).status).toBe(200);
    const before = site.runtime.meter.productCalls;
    const res = await call('/forge/invoke', {
      body: {
        functionKey: 'roles-resolver',
        call: 'roles/get',
        payload: { issueKey: 'LAUNCH-2' },
        context: { accountId: ERIK },
      },
    });
    await call('/forge/faults', { body: { rate429: 0 } });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Every call the resolver makes is tried four times (the first try and three retries) before it gives up.
    const calls = site.runtime.meter.productCalls - before;
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(calls % 4).toBe(0);
  });

  it('faults on demand: a call that times out every time ends as UPSTREAM with a sentence', async () => {
    await call('/forge/faults', { body: { rateTimeout: 1 } });
    const res = await call('/forge/invoke', {
      body: {
        functionKey: 'roles-resolver',
        call: 'roles/get',
        payload: { issueKey: 'LAUNCH-2' },
        context: { accountId: ERIK },
      },
    });
    await call('/forge/faults', { body: { rateTimeout: 0 } });
    expect(res.body).toMatchObject({
      ok: false,
      error: { code: 'UPSTREAM', message: expect.stringMatching(/Try again/) },
    });
  });

  it('keeps its data across a restart, and --reset returns to the demo seed', async () => {
    await call('/rest/api/3/issue/LAUNCH-4', {
      method: 'PUT',
      body: { fields: { summary: 'Renamed before restart' } },
      as: ERIK,
    });
    await site.close();
    site = await createSite({ dataDir, port: 0 });
    expect((await call('/rest/api/3/issue/LAUNCH-4?fields=summary')).body.fields.summary).toBe(
      'Renamed before restart',
    );
    expect((await call('/forge/clock')).body.now.slice(0, 10)).toBe('2026-12-06');
    await site.close();
    site = await createSite({ dataDir, port: 0, reset: true });
    expect((await call('/rest/api/3/issue/LAUNCH-4?fields=summary')).body.fields.summary).not.toBe(
      'Renamed before restart',
    );
    expect(Math.abs(Date.parse((await call('/forge/clock')).body.now) - Date.now())).toBeLessThan(60_000);
  });

  it('answers unknown paths with 404 and a sentence', async () => {
    const res = await call('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/Nothing at GET \/nothing-here/);
  });
});
