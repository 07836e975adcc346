import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { createSite, type Site } from '../../local/site';
import type { RecordedCall } from '../../local/platform/forge-runtime';
import { PEOPLE } from '../../local/seed/people';
import { LAUNCH_BRIEF_PAGE_ID, DEMO_BRIEF_ID } from '../../local/seed/confluence-seed';
import { checkExchange, exchangeOf, loadSpec, type OpenApiSpec } from './openapi-contract';
import { capturedIssueUpdates } from '../support/forge-events';
import { readRoles } from '../../static/roles-panel/src/read-roles';
import { fetchPeople, searchPeople } from '../../static/common/src/user-picker-people';

/**
 * Every request the app itself sends to Jira and Confluence (through @forge/api, recorded by the local
 * platform) must be one Atlassian's published specs define, with a valid request body; every answer the
 * emulated products give it must validate too. The manifest's scopes must cover each call and name no
 * scope that no call needs (Atlassian's review checklist, SEC-01/SEC-08).
 */
jest.setTimeout(90_000);

let site: Site;
const calls: RecordedCall[] = [];
const ERIK = PEOPLE.erik.accountId;
const PRIYA = PEOPLE.priya.accountId;

const invoke = (
  functionKey: string,
  call: string,
  payload: unknown,
  accountId: string,
  extension: unknown = {},
) => site.host.invokeResolver(functionKey, call, payload, { accountId, extension });

/** A Custom UI `requestJira` as the host's bridge makes it: as the viewer, marked so the site records it. */
const bridgeJira =
  (accountId: string) =>
  async (path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const res = await fetch(site.url + path, {
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers ?? {}), 'x-forge-user': accountId, 'x-forge-bridge': 'custom-ui' },
      ...(init?.body ? { body: init.body } : {}),
    });
    return {
      ok: res.ok,
      status: res.status,
      json: () => res.json(),
      text: () => res.text(),
    };
  };

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-app-requests-')), port: 0 });
  site.runtime.onCall = (c) => calls.push(c);
  // The app's flows, as people and the platform drive them: resolvers, browser reads, triggers, jobs.
  const issue = (key: string) => ({ issue: { key }, project: { key: key.split('-')[0] } });
  const set = (await invoke(
    'roles-resolver',
    'roles/set',
    {
      issueKey: 'LAUNCH-2',
      framework: 'RACI',
      assignments: [
        { accountId: ERIK, role: 'accountable' },
        { accountId: PEOPLE.amara.accountId, role: 'responsible' },
        { accountId: PEOPLE.david.accountId, role: 'consulted' },
        { accountId: PEOPLE.lucia.accountId, role: 'informed' },
      ],
      revision: 0,
    },
    ERIK,
    issue('LAUNCH-2'),
  )) as { ok: boolean };
  expect(set.ok).toBe(true);
  await invoke('roles-resolver', 'roles/get', { issueKey: 'LAUNCH-3' }, ERIK, issue('LAUNCH-3'));
  await invoke('roles-resolver', 'roles/get', { issueKey: 'LEGAL-1' }, ERIK, issue('LEGAL-1'));
  await invoke('roles-resolver', 'roles/history', { issueKey: 'LAUNCH-2' }, ERIK, issue('LAUNCH-2'));
  await invoke(
    'roles-resolver',
    'roles/ask',
    { issueKey: 'LAUNCH-2', message: 'Can we ship Friday?' },
    PRIYA,
    issue('LAUNCH-2'),
  );
  await invoke(
    'roles-resolver',
    'roles/tell',
    { issueKey: 'LAUNCH-2', subject: 'Update', message: 'Shipped.' },
    ERIK,
    issue('LAUNCH-2'),
  );
  await invoke(
    'roles-resolver',
    'roles/respond',
    { issueKey: 'LAUNCH-2', kind: 'sign-off', comment: 'Fine by legal.' },
    PEOPLE.david.accountId,
    issue('LAUNCH-2'),
  );
  await invoke(
    'roles-resolver',
    'roles/override',
    { issueKey: 'LAUNCH-3', revision: 0 },
    ERIK,
    issue('LAUNCH-3'),
  );
  await invoke(
    'roles-resolver',
    'roles/reset',
    { issueKey: 'LAUNCH-3', revision: 1 },
    ERIK,
    issue('LAUNCH-3'),
  );
  await invoke('project-resolver', 'matrix/get', { jql: 'ORDER BY key' }, ERIK, {
    project: { key: 'LAUNCH' },
  });
  const job = (await invoke(
    'project-resolver',
    'bulk/start',
    {
      jql: 'project = LAUNCH AND issuetype = Story',
      framework: 'RACI',
      assignments: [{ accountId: ERIK, role: 'accountable' }],
      mode: 'merge',
    },
    ERIK,
    { project: { key: 'LAUNCH' } },
  )) as { data?: { jobId: string } };
  await site.host.settle();
  if (job.data)
    await invoke('project-resolver', 'bulk/status', { jobId: job.data.jobId }, ERIK, {
      project: { key: 'LAUNCH' },
    });
  await invoke('overview-resolver', 'overview/briefs', {}, PRIYA);
  const settings = (await invoke('admin-resolver', 'settings/get', {}, PRIYA)) as {
    data: { settings: { revision: number } };
  };
  await invoke(
    'admin-resolver',
    'settings/save',
    { blockedThresholdHours: 24, consultedThreshold: 5, revision: settings.data.settings.revision },
    PRIYA,
  );
  const page = { content: { id: LAUNCH_BRIEF_PAGE_ID, type: 'page' } };
  const brief = (await invoke('macro-resolver', 'brief/get', { briefId: DEMO_BRIEF_ID }, PRIYA, page)) as {
    data: { revision: number };
  };
  await invoke(
    'macro-resolver',
    'brief/save',
    {
      briefId: DEMO_BRIEF_ID,
      revision: brief.data.revision,
      title: 'Feature X launch',
      problem: 'p',
      status: 'draft',
    },
    PRIYA,
    page,
  );
  await site.host.runScheduled('accord-blocked-sweep');
  for (const { event } of capturedIssueUpdates()) await site.host.deliverEvent({ ...event });
  // The static apps' own reads from the browser (the real read code of the Roles panel, run against the site).
  // LAUNCH-9 inherits the demo's seeded LAUNCH-1 roles through its story (the parent reads are exercised).
  const panelRead = await readRoles(bridgeJira(ERIK), 'LAUNCH-9');
  expect(panelRead.view.source).toBe('inherited');
  await searchPeople(bridgeJira(ERIK), 'Amara');
  // The Escalation Path macro and editor (Confluence modules) name people through requestJira: user/bulk.
  expect((await fetchPeople(bridgeJira(PRIYA), [ERIK, PRIYA])).size).toBe(2);
  await site.host.settle();
  site.runtime.onCall = undefined;
});
afterAll(async () => site.close());

const product = () => calls.filter((c) => c.remote === 'jira' || c.remote === 'confluence');
const specFor = (c: RecordedCall): OpenApiSpec => loadSpec(c.remote === 'jira' ? 'jira' : 'confluence');

/** The scope sets (classic or granular) of the operation a call hits; any one set fully declared suffices. */
function scopeSetsFor(spec: OpenApiSpec, method: string, path: string): string[][] {
  const relative = path.slice(spec.basePath.length) || '/';
  const route = spec.routes.find((r) => r.regex.test(relative) && r.item[method.toLowerCase()]);
  const op = route?.item[method.toLowerCase()] as
    { 'x-atlassian-oauth2-scopes'?: Array<{ scopes: string[] }> } | undefined;
  return (op?.['x-atlassian-oauth2-scopes'] ?? []).map((s) => s.scopes);
}

describe('requests the app sends', () => {
  it('exercised the app: product and KVS calls were recorded', () => {
    expect(product().length).toBeGreaterThan(3);
    expect(calls.some((c) => c.remote === 'kvs')).toBe(true);
  });

  it('are all defined by the OpenAPI specs, with valid bodies, and get spec-valid answers', () => {
    const problems = product().flatMap((c) => checkExchange(specFor(c), exchangeOf(c)));
    expect(problems).toEqual([]);
  });

  it('always name the fields they need on issue reads and searches (CST-11)', () => {
    const issueReads = product().filter(
      (c) => c.remote === 'jira' && /\/issue\/[^/]+$|\/search\/jql$/.test(c.path),
    );
    expect(issueReads.length).toBeGreaterThan(0);
    for (const c of issueReads) {
      const fields =
        new URLSearchParams(c.query).get('fields') ??
        (c.requestBody as { fields?: unknown } | undefined)?.fields;
      expect(fields).toBeTruthy();
    }
  });

  it('are covered by the manifest scopes, and every declared scope is used by some call', () => {
    const manifest = load(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as {
      permissions: { scopes: string[] };
    };
    const declared = new Set(manifest.permissions.scopes);
    const used = new Set<string>(calls.some((c) => c.remote === 'kvs') ? ['storage:app'] : []);
    const uncovered: string[] = [];
    for (const c of product()) {
      const sets = scopeSetsFor(specFor(c), c.method, c.path);
      const satisfied = sets.find((set) => set.every((s) => declared.has(s)));
      if (!satisfied) uncovered.push(`${c.method} ${c.path} needs one of ${JSON.stringify(sets)}`);
      else satisfied.forEach((s) => used.add(s));
    }
    expect(uncovered).toEqual([]);
    expect([...declared].filter((s) => !used.has(s))).toEqual([]);
  });

  it('uses only scopes Atlassian defines', () => {
    const scopesFile = join(__dirname, '../../node_modules/@forge/manifest/out/scopes/shipyard-scopes.json');
    const known = new Set(JSON.parse(readFileSync(scopesFile, 'utf8')) as string[]);
    const manifest = load(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as {
      permissions: { scopes: string[] };
    };
    expect(manifest.permissions.scopes.filter((s) => !known.has(s))).toEqual([]);
  });
});
