/**
 * The host pages against a small fake of the emulated products (the real ones are tested by their
 * owners): routing, the shim injection, frame descriptors and the macro-config save.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { HttpRouter, readBody, sendJson } from '../platform/http-router';
import { PEOPLE } from '../seed/people';
import { SHIM_TAG, injectShim, mountHostPages } from './host-pages';
import { findForgeMacros, macroConfig, newMacroNode, type AdfNode } from './macro-nodes';

const manifest = {
  app: { id: 'ari:cloud:ecosystem::app/11111111-2222-3333-4444-555555555555' },
  modules: {
    'jira:issuePanel': [
      {
        key: 'accord-roles-panel',
        resource: 'roles-panel',
        resolver: { function: 'roles-resolver' },
        title: 'Roles',
      },
    ],
    macro: [
      {
        key: 'accord-brief',
        resource: 'brief-macro',
        resolver: { function: 'macro-resolver' },
        title: 'Accord Project Brief',
        config: { resource: 'brief-config', viewportSize: 'large', openOnInsert: true },
      },
    ],
  },
  resources: [
    { key: 'roles-panel', path: 'built/roles' },
    { key: 'brief-macro', path: 'built/brief' },
    { key: 'brief-config', path: 'built/config' },
  ],
};

interface FakePage {
  id: string;
  title: string;
  spaceId: string;
  version: number;
  doc: AdfNode;
  editors: string[];
}

let server: Server;
let base: string;
let repoRoot: string;
let brief: FakePage;
const seen: Array<{ method: string; path: string; user: string | undefined }> = [];

beforeAll(async () => {
  repoRoot = mkdtempSync(join(tmpdir(), 'accord-host-'));
  mkdirSync(join(repoRoot, 'built/roles/assets'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'built/roles/index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/a.js"></script></head><body></body></html>',
  );
  writeFileSync(join(repoRoot, 'built/roles/assets/a.js'), 'console.log(1)');
  writeFileSync(join(repoRoot, 'secret.txt'), 'not a resource');

  const router = new HttpRouter();
  const issue = {
    id: '10002',
    key: 'LAUNCH-2',
    fields: {
      summary: 'Legal review of <launch> copy',
      status: { name: 'In Progress' },
      issuetype: { id: '10001', name: 'Task' },
      project: { id: '10000', key: 'LAUNCH', name: 'Launch', projectTypeKey: 'software' },
      updated: '2026-01-05T10:00:00.000+0000',
    },
  };
  router.add('ANY', '/rest/*', (req, res, _p, url) => {
    seen.push({
      method: req.method ?? '',
      path: url.pathname,
      user: req.headers['x-forge-user'] as string | undefined,
    });
    if (url.pathname === '/rest/api/3/issue/LAUNCH-2') return sendJson(res, 200, issue);
    if (url.pathname === '/rest/api/3/search/jql') return sendJson(res, 200, { issues: [issue] });
    sendJson(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
  });
  router.add('ANY', '/wiki/api/*', async (req, res, _p, url) => {
    const user = req.headers['x-forge-user'] as string | undefined;
    seen.push({ method: req.method ?? '', path: url.pathname, user });
    if (url.pathname === '/wiki/api/v2/spaces')
      return sendJson(res, 200, { results: [{ id: '9', key: 'LAUNCH', name: 'Launch' }] });
    if (url.pathname === `/wiki/api/v2/pages/${brief.id}/operations`) {
      const ops = brief.editors.includes(user ?? '')
        ? [{ operation: 'read' }, { operation: 'update' }]
        : [{ operation: 'read' }];
      return sendJson(res, 200, { operations: ops.map((o) => ({ ...o, targetType: 'page' })) });
    }
    if (url.pathname === `/wiki/api/v2/pages/${brief.id}` && req.method === 'GET') {
      return sendJson(res, 200, {
        id: brief.id,
        title: brief.title,
        spaceId: brief.spaceId,
        status: 'current',
        version: { number: brief.version },
        body: { atlas_doc_format: { value: JSON.stringify(brief.doc), representation: 'atlas_doc_format' } },
      });
    }
    if (url.pathname === `/wiki/api/v2/pages/${brief.id}` && req.method === 'PUT') {
      const body = JSON.parse(await readBody(req)) as {
        version: { number: number };
        body: { value: string };
      };
      if (!brief.editors.includes(user ?? '')) return sendJson(res, 403, { message: 'No edit permission' });
      if (body.version.number !== brief.version + 1)
        return sendJson(res, 409, { message: 'Version conflict' });
      brief.version = body.version.number;
      brief.doc = JSON.parse(body.body.value) as AdfNode;
      return sendJson(res, 200, { id: brief.id });
    }
    sendJson(res, 404, { message: 'Not found' });
  });
  mountHostPages(router, { manifest, repoRoot });
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

beforeEach(() => {
  seen.length = 0;
  brief = {
    id: '65601',
    title: 'Feature X brief',
    spaceId: '9',
    version: 3,
    editors: [PEOPLE.priya.accountId],
    doc: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Why we launch' }] },
        newMacroNode({
          appId: '11111111-2222-3333-4444-555555555555',
          moduleKey: 'accord-brief',
          title: 'Accord Project Brief',
          localId: 'macro-a',
          config: { briefId: 'brief-1' },
        }),
      ],
    },
  };
});

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(repoRoot, { recursive: true, force: true });
});

/** The JSON page data the host-page script reads. */
function pageData(text: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="accord-host-data">([\s\S]*?)<\/script>/.exec(text);
  return JSON.parse(match?.[1] ?? 'null') as Record<string, unknown>;
}

test('injectShim puts the shim before the first script', () => {
  const out = injectShim('<html><head><script type="module" src="./a.js"></script></head></html>');
  expect(out.indexOf(SHIM_TAG)).toBeLessThan(out.indexOf('./a.js'));
  expect(injectShim(out)).toBe(out);
});

test('the issue view fetches as the viewer, escapes the summary and places the panel with its context', async () => {
  const res = await fetch(`${base}/jira/browse/LAUNCH-2?as=erik`);
  const text = await res.text();
  expect(res.status).toBe(200);
  expect(text).toContain('Legal review of &lt;launch&gt; copy');
  expect(text).toContain('src="/static/roles-panel/index.html?frame=panel-0"');
  expect(seen.find((s) => s.path === '/rest/api/3/issue/LAUNCH-2')?.user).toBe(PEOPLE.erik.accountId);
  const data = pageData(text) as { frames: Array<Record<string, unknown>>; viewer: { accountId: string } };
  expect(data.viewer.accountId).toBe(PEOPLE.erik.accountId);
  expect(data.frames[0]).toMatchObject({
    moduleKey: 'accord-roles-panel',
    functionKey: 'roles-resolver',
    extension: {
      type: 'jira:issuePanel',
      issue: { id: '10002', key: 'LAUNCH-2', type: 'Task', typeId: '10001' },
      project: { id: '10000', key: 'LAUNCH', type: 'software' },
    },
  });
});

test('an issue the viewer cannot see is a 404 page that says so', async () => {
  const res = await fetch(`${base}/jira/browse/NOPE-1?as=tom`);
  expect(res.status).toBe(404);
  expect(await res.text()).toContain('does not have permission');
});

test('resources are served with the shim injected, and nothing outside the resource is', async () => {
  const index = await fetch(`${base}/static/roles-panel/index.html`);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(await index.text()).toContain(SHIM_TAG);
  const asset = await fetch(`${base}/static/roles-panel/assets/a.js`);
  expect(asset.headers.get('content-type')).toContain('javascript');
  expect(await asset.text()).toBe('console.log(1)');
  expect((await fetch(`${base}/static/roles-panel/..%2F..%2Fsecret.txt`)).status).toBe(403);
  expect((await fetch(`${base}/static/unknown/index.html`)).status).toBe(404);
  const unbuilt = await fetch(`${base}/static/brief-macro/index.html`);
  expect(unbuilt.status).toBe(404);
  expect(await unbuilt.text()).toContain('npm run build:static');
});

test('the Confluence page renders each Forge macro as a frame with its config, editing only for editors', async () => {
  const asEditor = await (await fetch(`${base}/wiki/spaces/LAUNCH/pages/65601?as=priya`)).text();
  expect(asEditor).toContain('<p>Why we launch</p>');
  expect(asEditor).toContain('data-edit-macro="macro-0"');
  const data = pageData(asEditor) as {
    frames: Array<{ extension: Record<string, unknown>; localId: string }>;
    page: unknown;
  };
  expect(data.frames[0]?.localId).toBe('macro-a');
  expect(data.frames[0]?.extension).toMatchObject({
    type: 'macro',
    content: { id: '65601', type: 'page' },
    space: { id: '9', key: 'LAUNCH' },
    config: { briefId: 'brief-1' },
  });
  expect(data.page).toMatchObject({ id: '65601', version: 3, canEdit: true });

  const asReader = await (await fetch(`${base}/wiki/spaces/LAUNCH/pages/65601?as=david`)).text();
  expect(asReader).not.toContain('data-edit-macro');
  expect(asReader).toContain('View only');
});

const postConfig = (body: Record<string, unknown>) =>
  fetch(`${base}/host/confluence/pages/65601/macro-config`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

test('submitting a macro config writes it into the macro node and saves version + 1 as the viewer', async () => {
  const res = await postConfig({
    accountId: PEOPLE.priya.accountId,
    baseVersion: 3,
    localId: 'macro-a',
    moduleKey: 'accord-brief',
    config: { briefId: 'brief-2' },
  });
  expect(await res.json()).toEqual({ ok: true, version: 4, localId: 'macro-a' });
  expect(brief.version).toBe(4);
  expect(findForgeMacros(brief.doc).map(macroConfig)).toEqual([{ briefId: 'brief-2' }]);
  expect(seen.filter((s) => s.method === 'PUT').map((s) => s.user)).toEqual([PEOPLE.priya.accountId]);
});

test('inserting appends a new macro; a stale version gets the conflict sentence; a reader is refused', async () => {
  const inserted = await postConfig({
    accountId: PEOPLE.priya.accountId,
    baseVersion: 3,
    moduleKey: 'accord-brief',
    insert: true,
    config: { briefId: 'brief-3' },
  });
  expect(inserted.status).toBe(200);
  expect(findForgeMacros(brief.doc).map(macroConfig)).toEqual([
    { briefId: 'brief-1' },
    { briefId: 'brief-3' },
  ]);

  const stale = await postConfig({
    accountId: PEOPLE.priya.accountId,
    baseVersion: 3,
    localId: 'macro-a',
    config: {},
  });
  expect(stale.status).toBe(409);
  expect(((await stale.json()) as { message: string }).message).toMatch(/Someone else saved this page/);

  const reader = await postConfig({
    accountId: PEOPLE.david.accountId,
    baseVersion: 4,
    localId: 'macro-a',
    config: {},
  });
  expect(reader.status).toBe(403);
  expect(findForgeMacros(brief.doc).map(macroConfig)[0]).toEqual({ briefId: 'brief-1' });
});

test('the index lists issues and spaces and keeps the viewer in links', async () => {
  const text = await (await fetch(`${base}/?as=lucia`)).text();
  expect(text).toContain('href="/jira/browse/LAUNCH-2?as=lucia"');
  expect(text).toContain('href="/wiki/spaces/LAUNCH?as=lucia"');
  expect(text).toContain('no global, admin or project pages yet');
});
