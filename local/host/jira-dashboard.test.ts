/**
 * The local Jira dashboard and issue search pages against a small fake Jira: gadget frames carry their
 * stored configuration and the edit entry point, the config route validates and stores per gadget (in the
 * site's SQLite when given), and the search page lists `search/jql` as the viewer.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { HttpRouter, sendJson } from '../platform/http-router';
import { PEOPLE } from '../seed/people';
import { gadgetConfigStore, mountJiraDashboard } from './jira-dashboard';

const manifest = {
  modules: {
    'jira:dashboardGadget': [
      {
        key: 'accord-initiative-gadget',
        resource: 'initiative-gadget',
        resolver: { function: 'overview-resolver' },
        title: 'Accord initiative status',
        edit: { resource: 'initiative-gadget' },
      },
    ],
  },
};

let server: Server;
let base: string;
const searches: Array<{ jql: string | null; user: string | undefined }> = [];

beforeAll(async () => {
  const router = new HttpRouter();
  router.add('ANY', '/rest/*', (req, res, _p, url) => {
    if (url.pathname !== '/rest/api/3/search/jql') return sendJson(res, 404, {});
    const jql = url.searchParams.get('jql');
    searches.push({ jql, user: req.headers['x-forge-user'] as string | undefined });
    if (jql === 'bad (')
      return sendJson(res, 400, { errorMessages: ["Error in the JQL Query: '(' is unclosed."] });
    sendJson(res, 200, {
      issues: [
        {
          key: 'LAUNCH-3',
          fields: { summary: 'Billing <API>', status: { name: 'Blocked' }, assignee: null },
        },
      ],
      isLast: true,
    });
  });
  mountJiraDashboard(router, { manifest, store: gadgetConfigStore(), common: () => ({}) });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const run = router.match(req, res, url);
    if (!run) return sendJson(res, 404, {});
    Promise.resolve()
      .then(run)
      .catch((e: unknown) => sendJson(res, 500, { error: String(e) }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
});

/** The page data block's frames. */
async function framesOf(
  path: string,
): Promise<Array<{ extension: Record<string, unknown>; gadget: unknown }>> {
  const text = await (await fetch(`${base}${path}`)).text();
  const json =
    /<script type="application\/json" id="accord-host-data">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '{}';
  return (JSON.parse(json) as { frames: Array<{ extension: Record<string, unknown>; gadget: unknown }> })
    .frames;
}

const postConfig = (dashboard: string, item: string, body: unknown) =>
  fetch(`${base}/host/jira/dashboards/${dashboard}/gadgets/${item}/config`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

test('a new gadget has an empty configuration and an Edit action; ?edit= opens its edit entry point', async () => {
  const res = await fetch(`${base}/jira/dashboards/fresh?as=priya`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(
    'href="/jira/dashboards/fresh?as=priya&amp;edit=accord-initiative-gadget-1"',
  );
  const [view] = await framesOf('/jira/dashboards/fresh?as=priya');
  expect(view?.extension).toEqual({
    type: 'jira:dashboardGadget',
    gadget: { id: 'accord-initiative-gadget-1' },
    dashboard: { id: 'fresh' },
    gadgetConfiguration: {},
  });
  const [edit] = await framesOf('/jira/dashboards/fresh?as=priya&edit=accord-initiative-gadget-1');
  expect(edit?.extension.entryPoint).toBe('edit');
  expect(edit?.gadget).toEqual({
    dashboardId: 'fresh',
    itemId: 'accord-initiative-gadget-1',
    editing: true,
    canEdit: true,
  });
});

test('a submitted config is stored per gadget and handed back as gadgetConfiguration', async () => {
  expect(
    (await postConfig('accord', 'accord-initiative-gadget-1', { config: { briefId: 'brief-x' } })).status,
  ).toBe(200);
  const [frame] = await framesOf('/jira/dashboards/accord?as=erik');
  expect(frame?.extension.gadgetConfiguration).toEqual({ briefId: 'brief-x' });
  const [other] = await framesOf('/jira/dashboards/other?as=erik');
  expect(other?.extension.gadgetConfiguration).toEqual({});
});

test.each([
  ['no config', { briefId: 'x' }],
  ['config not an object', { config: ['x'] }],
  ['config too large', { config: { briefId: 'x'.repeat(9000) } }],
])('refuses %s and stores nothing', async (_name, body) => {
  const res = await postConfig('refused', 'accord-initiative-gadget-1', body);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { message: string }).message).toMatch(/config/);
  const [frame] = await framesOf('/jira/dashboards/refused?as=priya');
  expect(frame?.extension.gadgetConfiguration).toEqual({});
});

test('the SQLite store keeps configurations across store instances', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-gadget-'));
  try {
    const db = new Database(join(dir, 'site.sqlite'));
    gadgetConfigStore(db).set('accord', 'g-1', { briefId: 'brief-1' });
    expect(gadgetConfigStore(db).get('accord', 'g-1')).toEqual({ briefId: 'brief-1' });
    expect(gadgetConfigStore(db).get('accord', 'g-2')).toBeUndefined();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the issue search page runs the JQL as the viewer and escapes what it shows', async () => {
  searches.length = 0;
  const res = await fetch(`${base}/issues/?jql=${encodeURIComponent('project = LAUNCH')}&as=erik`);
  const text = await res.text();
  expect(res.status).toBe(200);
  expect(searches).toEqual([{ jql: 'project = LAUNCH', user: PEOPLE.erik.accountId }]);
  expect(text).toContain('Billing &lt;API&gt;');
  expect(text).toContain('href="/jira/browse/LAUNCH-3?as=erik"');
  const bad = await fetch(`${base}/issues/?jql=${encodeURIComponent('bad (')}&as=erik`);
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('is unclosed');
});
