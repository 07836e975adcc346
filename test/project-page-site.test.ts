import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { ADMIN_PERMISSIONS } from '../local/jira/catalog';
import type { RecordedCall } from '../local/platform/forge-runtime';
import { buildRolesProperty } from '../src/domain/roles';
import type { Assignment } from '../src/shared/roles';
import type { BulkJob, MatrixPage } from '../src/shared/matrix';
import { matrixToCsv } from '../static/project-page/src/matrix-csv';

/** The project page's resolvers and bulk consumer on the local site. */
jest.setTimeout(60_000);

const { erik, amara, priya, david, lucia, fatima } = PEOPLE;
let dataDir: string;
let site: Site;

const invoke = (call: string, payload: unknown, as: string = erik.accountId, project = 'LAUNCH') =>
  site.host.invokeResolver('project-resolver', call, payload, {
    accountId: as,
    extension: { type: 'jira:projectPage', project: { key: project, type: 'software' } },
  }) as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;

const rest = async (path: string, init: { method?: string; body?: unknown; as?: string } = {}) => {
  const res = await fetch(site.url + path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.as ? { 'x-forge-user': init.as } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

const putRoles = (issueKey: string, assignments: Assignment[], revision = 1) =>
  rest(`/rest/api/3/issue/${issueKey}/properties/accord-roles`, {
    method: 'PUT',
    body: buildRolesProperty({
      framework: 'RACI',
      assignments,
      revision,
      updatedAt: site.clock.now().toISOString(),
      updatedBy: priya.accountId,
    }),
  });

const rolesOf = async (issueKey: string) =>
  (await rest(`/rest/api/3/issue/${issueKey}/properties/accord-roles`)).body?.value as
    { assignments: Assignment[]; revision: number; updatedBy: string } | undefined;

const keys = (page: MatrixPage) => page.rows.map((r) => r.issueKey);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-project-page-'));
  site = await createSite({ dataDir, port: 0 });
  await putRoles('LAUNCH-2', [
    { accountId: amara.accountId, role: 'accountable' },
    { accountId: amara.accountId, role: 'responsible' },
    { accountId: david.accountId, role: 'consulted' },
  ]);
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('matrix/get', () => {
  it('reads the matrix for a JQL as erik, with own and inherited roles, letters and finding counts', async () => {
    const calls0 = site.services.jira.counts().calls;
    const res = await invoke('matrix/get', { jql: 'labels = pricing' });
    expect(res.ok).toBe(true);
    const page = res.data as MatrixPage;
    expect(keys(page)).toEqual(['LAUNCH-2', 'LAUNCH-3', 'LAUNCH-9']);
    // LAUNCH-3 holds the demo's seeded roles (Erik Accountable, Fatima Informed); LAUNCH-9 inherits LAUNCH-2's.
    const [story, blocked, subtask] = page.rows;
    expect(story).toMatchObject({ source: 'issue', framework: 'RACI', status: 'In Progress', errors: 0 });
    expect(blocked).toMatchObject({ source: 'issue', status: 'Blocked', statusCategory: 'indeterminate' });
    expect(subtask).toMatchObject({ source: 'inherited', status: 'Done', statusCategory: 'done' });
    expect(subtask!.assignments).toEqual(story!.assignments);
    expect([...page.people].sort()).toEqual(
      [amara.accountId, david.accountId, erik.accountId, fatima.accountId].sort(),
    );
    // Every parent is on the page: the whole matrix is one search.
    expect(site.services.jira.counts().calls - calls0).toBe(1);
  });

  it('forces the page project: a JQL naming another project, or the payload, cannot widen it', async () => {
    // Priya can browse LEGAL and MKT, so only the scope keeps them out.
    const res = await invoke('matrix/get', { jql: 'project = LEGAL OR project = MKT' }, priya.accountId);
    expect(res).toMatchObject({ ok: true, data: { rows: [] } });
    const escape = await invoke('matrix/get', { jql: 'labels = x) OR (project = LEGAL' }, priya.accountId);
    expect(escape).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const forged = await invoke('matrix/get', { jql: '', projectKey: 'LEGAL' }, priya.accountId);
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const other = await invoke('matrix/get', { jql: 'labels = launch' }, priya.accountId, 'MKT');
    expect(keys(other.data)).toEqual(['MKT-1']);
  });

  it('answers a bad JQL with INVALID_INPUT and Jira’s sentence', async () => {
    const res = await invoke('matrix/get', { jql: 'status = = Blocked' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error!.message).toMatch(/^Jira could not run this JQL: Error in the JQL Query/);
  });

  it('pages with nextPageToken', async () => {
    const first = (await invoke('matrix/get', { jql: '', pageSize: 4 })).data as MatrixPage;
    expect(first.rows).toHaveLength(4);
    expect(first.nextPageToken).toBeDefined();
    const second = (await invoke('matrix/get', { jql: '', pageSize: 4, nextPageToken: first.nextPageToken }))
      .data as MatrixPage;
    expect(keys(second)).toEqual(['LAUNCH-5', 'LAUNCH-6', 'LAUNCH-7', 'LAUNCH-8']);
  });
});

describe('matrix/import', () => {
  it('round-trips the exported CSV: dry run writes nothing, apply restores the roles through setRoles', async () => {
    const page = (await invoke('matrix/get', { jql: 'key = LAUNCH-2' })).data as MatrixPage;
    const names = new Map([
      [amara.accountId, amara.displayName],
      [david.accountId, david.displayName],
    ]);
    const csv = matrixToCsv(page.rows, page.people, names);
    expect(csv).toBe(
      `Activity,${amara.displayName},${david.displayName}\nLAUNCH-2 Public pricing page ready for launch,A/R,C\n`,
    );
    // Someone changes the roles; the import should bring the exported ones back.
    await putRoles('LAUNCH-2', [{ accountId: lucia.accountId, role: 'accountable' }], 2);
    const columns = { [amara.displayName]: amara.accountId, [david.displayName]: david.accountId };
    const payload = { projectKey: 'LAUNCH', csv, columns };

    const writes0 = site.services.kvs.counts().writes;
    const dry = await invoke('matrix/import', { ...payload, dryRun: true });
    expect(dry).toMatchObject({
      ok: true,
      data: { applied: 0, rows: [{ line: 2, issueKey: 'LAUNCH-2', outcome: 'would-apply' }] },
    });
    expect(site.services.kvs.counts().writes).toBe(writes0);
    expect((await rolesOf('LAUNCH-2'))!.assignments).toEqual([
      { accountId: lucia.accountId, role: 'accountable' },
    ]);

    const applied = await invoke('matrix/import', { ...payload, dryRun: false });
    expect(applied).toMatchObject({ ok: true, data: { applied: 1, rows: [{ outcome: 'applied' }] } });
    const stored = (await rolesOf('LAUNCH-2'))!;
    expect(stored.assignments).toEqual(page.rows[0]!.assignments);
    expect(stored).toMatchObject({ revision: 3, updatedBy: erik.accountId });
    const history = await site.host.invokeResolver(
      'roles-resolver',
      'roles/history',
      { issueKey: 'LAUNCH-2' },
      {
        accountId: erik.accountId,
        extension: { issue: { key: 'LAUNCH-2' } },
      },
    );
    expect((history as any).data.entries[0]).toMatchObject({
      action: 'bulk-apply',
      accountId: erik.accountId,
    });

    // Importing the same file again changes nothing.
    const again = await invoke('matrix/import', { ...payload, dryRun: false });
    expect(again).toMatchObject({
      ok: true,
      data: { applied: 0, rows: [{ outcome: 'skipped', message: 'No change.' }] },
    });
  });

  it('reports each bad row and refuses a payload project other than the page’s', async () => {
    const csv = `Activity,Amara\nLAUNCH-4 Onboarding,A/A/X\nMKT-1 Campaign,A\nLAUNCH-99 Nothing,R\nno key here,R\n`;
    const res = await invoke('matrix/import', {
      projectKey: 'LAUNCH',
      csv,
      columns: { Amara: amara.accountId },
      dryRun: false,
    });
    expect(res.ok).toBe(true);
    expect(res.data.applied).toBe(0);
    expect(res.data.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(res.data.rows[1].message).toMatch(/MKT-1 is not in LAUNCH/);
    const forged = await invoke('matrix/import', {
      projectKey: 'MKT',
      csv,
      columns: { Amara: amara.accountId },
      dryRun: true,
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Fatima can only view LAUNCH: her row is skipped with setRoles' sentence, nothing written.
    const viewer = await invoke(
      'matrix/import',
      {
        projectKey: 'LAUNCH',
        csv: 'Activity,Amara\nLAUNCH-4 Onboarding,R\n',
        columns: { Amara: amara.accountId },
        dryRun: false,
      },
      PEOPLE.fatima.accountId,
    );
    expect(viewer).toMatchObject({ ok: true, data: { applied: 0, rows: [{ outcome: 'skipped' }] } });
    expect(await rolesOf('LAUNCH-4')).toBeUndefined();
  });
});

describe('bulk apply', () => {
  const roleSet = [
    { accountId: erik.accountId, role: 'accountable' },
    { accountId: amara.accountId, role: 'responsible' },
  ];
  const jql = 'project in (LAUNCH, MKT) AND labels = launch';

  it('applies a role set as erik, skipping (and listing) the issue he cannot edit; only he reads the job', async () => {
    const started = await invoke('bulk/start', {
      jql,
      framework: 'RACI',
      assignments: roleSet,
      mode: 'replace',
    });
    expect(started).toMatchObject({ ok: true, data: { total: 5, done: 0, finished: false } });
    await site.host.settle();
    const status = await invoke('bulk/status', { jobId: started.data.jobId });
    expect(status.data).toEqual({
      jobId: started.data.jobId,
      total: 5,
      done: 5,
      applied: 4,
      skipped: [{ issueKey: 'MKT-1', reason: 'No permission to edit this issue.' }],
      failed: [],
      finished: true,
    } satisfies BulkJob);
    expect((await rolesOf('LAUNCH-1'))!.assignments).toEqual(roleSet);
    expect(await rolesOf('MKT-1')).toBeUndefined();
    expect(await invoke('bulk/status', { jobId: started.data.jobId }, amara.accountId)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a redelivered batch neither re-applies nor counts twice', async () => {
    const started = await invoke('bulk/start', {
      jql: 'key in (LAUNCH-1, LAUNCH-4)',
      framework: 'RACI',
      assignments: [{ accountId: david.accountId, role: 'consulted' }],
      mode: 'merge',
    });
    await site.host.settle();
    const before = (await invoke('bulk/status', { jobId: started.data.jobId })).data as BulkJob;
    expect(before).toMatchObject({ total: 2, done: 2, applied: 2, finished: true });
    const revision = (await rolesOf('LAUNCH-1'))!.revision;
    const writes0 = site.services.kvs.counts().writes;
    const calls0 = site.services.jira.counts().calls;

    void site.host.queueService.handle({
      method: 'POST',
      path: '/webhook/queue/push',
      query: new URLSearchParams(),
      headers: {},
      body: {
        queueName: 'accord-bulk-apply',
        payload: [{ body: { jobId: started.data.jobId, index: 0, issueKeys: ['LAUNCH-1', 'LAUNCH-4'] } }],
      },
      actor: { kind: 'app' },
      selfGenerated: true,
    });
    await site.host.settle();
    // Recognised from its batch record: no Jira call, no write.
    expect(site.services.jira.counts().calls - calls0).toBe(0);
    expect(site.services.kvs.counts().writes).toBe(writes0);
    expect((await invoke('bulk/status', { jobId: started.data.jobId })).data).toEqual(before);
    expect((await rolesOf('LAUNCH-1'))!.revision).toBe(revision);
    // Merge kept LAUNCH-1's people from the first test and added David.
    expect((await rolesOf('LAUNCH-1'))!.assignments).toEqual([
      ...roleSet,
      { accountId: david.accountId, role: 'consulted' },
    ]);
  });

  it('costs one search, one permission check and the PUTs per batch, and audits in one KVS batch', async () => {
    site.services.jira.seed({
      users: [],
      projects: [{ key: 'BULKT', name: 'Bulk cost' }],
      permissions: [{ accountId: erik.accountId, projectKey: 'BULKT', permissions: ADMIN_PERMISSIONS }],
      issues: [1, 2, 3].map((n) => ({
        key: `BULKT-${n}`,
        summary: `Cost ${n}`,
        issueType: 'Task',
        labels: ['cost'],
      })),
    });
    const calls: RecordedCall[] = [];
    site.runtime.onCall = (c) => calls.push(c);
    const started = await invoke(
      'bulk/start',
      { jql: 'labels = cost', framework: 'RACI', assignments: roleSet, mode: 'replace' },
      erik.accountId,
      'BULKT',
    );
    expect(started).toMatchObject({ ok: true, data: { total: 3 } });
    await site.host.settle();
    site.runtime.onCall = undefined;
    const status = await invoke('bulk/status', { jobId: started.data.jobId }, erik.accountId, 'BULKT');
    expect(status.data).toMatchObject({ done: 3, applied: 3, skipped: [], failed: [], finished: true });
    const jira = calls.filter((c) => c.remote === 'jira').map((c) => `${c.method} ${c.path} ${c.status}`);
    expect(jira.slice(0, 3)).toEqual([
      'POST /rest/api/3/search/jql 200', // bulk/start lists the keys
      'POST /rest/api/3/search/jql 200', // the batch reads its issues with their roles
      'POST /rest/api/3/permissions/check 200',
    ]);
    // The writes run concurrently, in any order.
    expect(jira.slice(3).sort()).toEqual(
      [1, 2, 3].map((n) => `PUT /rest/api/3/issue/BULKT-${n}/properties/accord-roles 201`),
    );
    const batchSearch = calls.filter((c) => c.path === '/rest/api/3/search/jql')[1]!;
    expect(batchSearch.requestBody).toMatchObject({
      jql: 'issue in (BULKT-3, BULKT-2, BULKT-1)', // the job's order (newest first)
      properties: ['accord-roles'],
    });
    expect(calls.filter((c) => c.remote === 'kvs' && /batch\/set/.test(c.path))).toHaveLength(1);
    // The audit lines are the Roles panel's own: the issue's history shows the bulk apply by Erik.
    const history = await site.host.invokeResolver(
      'roles-resolver',
      'roles/history',
      { issueKey: 'BULKT-2' },
      { accountId: erik.accountId, extension: { issue: { key: 'BULKT-2' }, project: { key: 'BULKT' } } },
    );
    expect(JSON.stringify(history)).toContain('bulk-apply');
    expect((await rolesOf('BULKT-1'))!).toMatchObject({
      assignments: roleSet,
      revision: 1,
      updatedBy: erik.accountId,
    });

    // A second job over the same issues finds them as asked: no PUT, no audit line.
    calls.length = 0;
    site.runtime.onCall = (c) => calls.push(c);
    const again = await invoke(
      'bulk/start',
      { jql: 'labels = cost', framework: 'RACI', assignments: roleSet, mode: 'replace' },
      erik.accountId,
      'BULKT',
    );
    await site.host.settle();
    site.runtime.onCall = undefined;
    expect(calls.filter((c) => c.remote === 'jira').map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/permissions/check',
    ]);
    expect(
      (await invoke('bulk/status', { jobId: again.data.jobId }, erik.accountId, 'BULKT')).data,
    ).toMatchObject({
      done: 3,
      applied: 3,
      skipped: [],
    });
    expect(calls.filter((c) => c.remote === 'kvs' && /batch\/set/.test(c.path))).toHaveLength(0);
  });

  it('refuses a role set that breaks the hard rules, an empty one and a bad JQL — writing nothing', async () => {
    const writes0 = site.services.kvs.counts().writes;
    const twoAccountable = await invoke('bulk/start', {
      jql,
      framework: 'RACI',
      mode: 'replace',
      assignments: [
        { accountId: erik.accountId, role: 'accountable' },
        { accountId: amara.accountId, role: 'accountable' },
      ],
    });
    expect(twoAccountable).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const empty = await invoke('bulk/start', { jql, framework: 'RACI', mode: 'merge', assignments: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badJql = await invoke('bulk/start', {
      jql: 'labels ==',
      framework: 'RACI',
      mode: 'merge',
      assignments: roleSet,
    });
    expect(badJql).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrongRole = await invoke('bulk/start', {
      jql,
      framework: 'DACI',
      mode: 'merge',
      assignments: [{ accountId: erik.accountId, role: 'accountable' }],
    });
    expect(wrongRole).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(site.services.kvs.counts().writes).toBe(writes0);
  });
});
