import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import type { RecordedCall } from '../local/platform/forge-runtime';
import { checkExchange, exchangeOf, loadSpec } from './contract/openapi-contract';

/** The roles resolver on a temp local site, as the people of the demo. */
jest.setTimeout(60_000);

const { erik, amara, priya, david, fatima, grace, lucia } = PEOPLE;
let dataDir: string;
let site: Site;
/** Every product call the app made during these tests, checked against Jira's OpenAPI spec at the end. */
const appCalls: RecordedCall[] = [];

const invoke = async (call: string, payload: unknown, as: { accountId: string }, issueKey?: string) => {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'roles-resolver',
      call,
      payload,
      context: {
        accountId: as.accountId,
        extension: { type: 'jira:issuePanel', ...(issueKey ? { issue: { key: issueKey } } : {}) },
      },
    }),
  });
  return (await res.json()) as {
    ok: boolean;
    data?: any;
    error?: { code: string; message: string; details?: any };
  };
};
const onIssue = (
  call: string,
  payload: { issueKey: string } & Record<string, unknown>,
  as: { accountId: string },
) => invoke(call, payload, as, payload.issueKey);

const rest = async (path: string, init: { method?: string; body?: unknown; as?: string } = {}) => {
  const res = await fetch(site.url + path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.as ? { 'x-forge-user': init.as } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};
const property = async (key: string, name = 'accord-roles') =>
  (await rest(`/rest/api/3/issue/${key}/properties/${name}`)).body?.value;
const auditLines = async (key: string) =>
  (await onIssue('roles/history', { issueKey: key }, priya)).data.entries;
const writes = () => site.services.kvs.counts().writes;

const raci = [
  { accountId: erik.accountId, role: 'accountable' },
  { accountId: amara.accountId, role: 'responsible' },
  { accountId: david.accountId, role: 'consulted' },
  { accountId: fatima.accountId, role: 'informed' },
];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-roles-site-'));
  site = await createSite({ dataDir, port: 0 });
  site.runtime.onCall = (c) => appCalls.push(c);
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('roles resolver on the local site', () => {
  it('erik (edits LAUNCH) replaces the epic’s seeded roles; JQL finds it by alias; the audit has the line', async () => {
    // The demo seeds LAUNCH-1 at revision 1 (Priya Accountable) and LAUNCH-3 (Erik Accountable, Fatima Informed).
    expect(await property('LAUNCH-1')).toMatchObject({ revision: 1, accountable: [priya.accountId] });
    const set = await onIssue(
      'roles/set',
      { issueKey: 'LAUNCH-1', framework: 'RACI', assignments: raci, revision: 1 },
      erik,
    );
    expect(set).toMatchObject({
      ok: true,
      data: { issueKey: 'LAUNCH-1', source: 'issue', revision: 2, canEdit: true },
    });
    expect(await property('LAUNCH-1')).toMatchObject({
      revision: 2,
      accountable: [erik.accountId],
      updatedBy: erik.accountId,
    });

    const mine = await rest('/rest/api/3/search/jql', {
      body: { jql: 'accordAccountable = currentUser()', fields: ['summary'] },
      as: erik.accountId,
    });
    expect(mine.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['LAUNCH-1', 'LAUNCH-3']);
    const informed = await rest('/rest/api/3/search/jql', {
      body: { jql: 'accordInformed = currentUser()', fields: ['summary'] },
      as: fatima.accountId,
    });
    expect(informed.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['LAUNCH-1', 'LAUNCH-3']);

    const history = await auditLines('LAUNCH-1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ accountId: erik.accountId, action: 'set', frameworkAfter: 'RACI' });
    // The four seeded holders removed, the four new ones added.
    expect(history[0].changes.filter((c: { change: string }) => c.change === 'removed')).toHaveLength(4);
    expect(history[0].changes.filter((c: { change: string }) => c.change === 'added')).toHaveLength(4);
  });

  it('the subtask LAUNCH-9 inherits the epic’s roles through the story, for a viewer too', async () => {
    const got = await onIssue('roles/get', { issueKey: 'LAUNCH-9' }, grace);
    expect(got).toMatchObject({
      ok: true,
      data: {
        source: 'inherited',
        inheritedFrom: 'LAUNCH-1',
        revision: 0,
        canEdit: false,
        assignments: raci,
      },
    });
    // Its sibling LAUNCH-3 holds its own seeded roles and does not inherit.
    expect(await onIssue('roles/get', { issueKey: 'LAUNCH-3' }, grace)).toMatchObject({
      ok: true,
      data: { source: 'issue', revision: 1, canEdit: false },
    });
  });

  it('grace (only views LAUNCH) is refused with FORBIDDEN and nothing is written', async () => {
    const before = {
      prop: await property('LAUNCH-2'),
      kvs: writes(),
      audit: (await auditLines('LAUNCH-2')).length,
    };
    for (const [call, payload] of [
      ['roles/set', { issueKey: 'LAUNCH-2', framework: 'RACI', assignments: raci, revision: 0 }],
      ['roles/override', { issueKey: 'LAUNCH-2', revision: 0 }],
      ['roles/reset', { issueKey: 'LAUNCH-2', revision: 0 }],
    ] as const) {
      const res = await onIssue(call, payload, grace);
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(res.error!.message).toMatch(/needs permission to edit/);
    }
    expect({
      prop: await property('LAUNCH-2'),
      kvs: writes(),
      audit: (await auditLines('LAUNCH-2')).length,
    }).toEqual(before);
  });

  it('a payload key that disagrees with the panel’s issue is refused before anything runs', async () => {
    const before = writes();
    const res = await invoke(
      'roles/set',
      { issueKey: 'LAUNCH-4', framework: 'RACI', assignments: raci, revision: 0 },
      erik,
      'LAUNCH-2',
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error!.message).toMatch(/This panel is on LAUNCH-2, not LAUNCH-4/);
    const noContext = await invoke(
      'roles/set',
      { issueKey: 'LAUNCH-4', framework: 'RACI', assignments: raci, revision: 0 },
      erik,
    );
    expect(noContext).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await property('LAUNCH-4')).toBeUndefined();
    expect(writes()).toBe(before);
  });

  it('a second Accountable is a RULE_VIOLATION naming the person; a bad payload is INVALID_INPUT', async () => {
    const two = await onIssue(
      'roles/set',
      {
        issueKey: 'LAUNCH-4',
        framework: 'RACI',
        assignments: [...raci, { accountId: amara.accountId, role: 'accountable' }],
        revision: 0,
      },
      erik,
    );
    expect(two).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(two.error!.message).toMatch(/Only one person can be Accountable/);
    expect(two.error!.details.violations[0]).toMatchObject({ rule: 'single-accountable' });
    const bad = await onIssue(
      'roles/set',
      { issueKey: 'LAUNCH-4', framework: 'RASCI', assignments: [], revision: -1 },
      erik,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await property('LAUNCH-4')).toBeUndefined();
  });

  it('a stale revision is a CONFLICT with the current roles; override and reset move between own and inherited', async () => {
    const override = await onIssue('roles/override', { issueKey: 'LAUNCH-2', revision: 0 }, amara);
    expect(override).toMatchObject({ ok: true, data: { source: 'issue', revision: 1, assignments: raci } });
    const changed = await onIssue(
      'roles/set',
      { issueKey: 'LAUNCH-2', framework: 'RACI', assignments: raci.slice(0, 2), revision: 1 },
      erik,
    );
    expect(changed).toMatchObject({ ok: true, data: { revision: 2 } });
    // amara still holds revision 1.
    const stale = await onIssue(
      'roles/set',
      { issueKey: 'LAUNCH-2', framework: 'RACI', assignments: raci, revision: 1 },
      amara,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { current: { revision: 2 } } },
    });
    expect(stale.error!.details.current.assignments).toEqual(raci.slice(0, 2));
    expect((await property('LAUNCH-2')).revision).toBe(2);

    const reset = await onIssue('roles/reset', { issueKey: 'LAUNCH-2', revision: 2 }, amara);
    expect(reset).toMatchObject({
      ok: true,
      data: { source: 'inherited', inheritedFrom: 'LAUNCH-1', revision: 0 },
    });
    expect(await property('LAUNCH-2')).toBeUndefined();
    expect((await auditLines('LAUNCH-2')).map((e: { action: string }) => e.action)).toEqual([
      'reset',
      'set',
      'override',
    ]);
  });

  it('saving the same roles again writes nothing (no Jira write, no KVS write)', async () => {
    const kvs = writes();
    const before = await property('LAUNCH-1');
    const again = await onIssue(
      'roles/set',
      { issueKey: 'LAUNCH-1', framework: 'RACI', assignments: [...raci].reverse(), revision: 2 },
      priya,
    );
    expect(again).toMatchObject({ ok: true, data: { revision: 2 } });
    expect(await property('LAUNCH-1')).toEqual(before);
    expect(writes()).toBe(kvs);
  });

  it('ask posts an ADF comment mentioning the Accountable; tell notifies the Informed through Jira', async () => {
    const asked = await onIssue(
      'roles/ask',
      { issueKey: 'LAUNCH-3', message: 'Can billing wait a week?' },
      lucia,
    );
    expect(asked.ok).toBe(true);
    const comments = (
      await rest('/rest/api/3/issue/LAUNCH-3/comment?orderBy=-created', { as: erik.accountId })
    ).body.comments;
    const mine = comments.find((c: { id: string }) => c.id === asked.data.commentId);
    expect(mine.author.accountId).toBe(lucia.accountId);
    expect(mine.body.content[0].content[0]).toMatchObject({ type: 'mention', attrs: { id: erik.accountId } });

    const told = await onIssue(
      'roles/tell',
      { issueKey: 'LAUNCH-3', subject: 'Billing slips', message: 'One week.' },
      erik,
    );
    expect(told).toEqual({ ok: true, data: { notified: 1 } });
    expect(site.services.jira.notifications().at(-1)).toMatchObject({
      issueKey: 'LAUNCH-3',
      sender: erik.accountId,
      notification: { subject: 'Billing slips', to: { users: [{ accountId: fatima.accountId }] } },
    });
    // Fatima can only view: she cannot comment, so asking is refused by Jira.
    const refused = await onIssue('roles/ask', { issueKey: 'LAUNCH-3', message: 'Hello?' }, fatima);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('fatima (Informed, view only) acknowledges; david (Consulted, may comment) signs off with words', async () => {
    const ack = await onIssue('roles/respond', { issueKey: 'LAUNCH-1', kind: 'acknowledge' }, fatima);
    expect(ack).toMatchObject({
      ok: true,
      data: { canEdit: false, responses: [{ accountId: fatima.accountId, kind: 'acknowledge' }] },
    });
    const signed = await onIssue(
      'roles/respond',
      { issueKey: 'LAUNCH-1', kind: 'sign-off', comment: 'Terms reviewed.' },
      david,
    );
    expect(signed.ok).toBe(true);
    expect(signed.data.responses).toHaveLength(2);
    expect((await property('LAUNCH-1', 'accord-responses')).responses).toHaveLength(2);
    const notHolder = await onIssue('roles/respond', { issueKey: 'LAUNCH-1', kind: 'sign-off' }, grace);
    expect(notHolder).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await auditLines('LAUNCH-1')).slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'sign-off',
      'acknowledge',
    ]);
  });

  it('erik cannot see the confidential LEGAL project: reads and history are NOT_FOUND', async () => {
    for (const call of ['roles/get', 'roles/history']) {
      expect(await onIssue(call, { issueKey: 'LEGAL-1' }, erik)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
  });

  it('every Jira request the roles resolver sent (reads, property writes, comment, notify) is one the spec defines', () => {
    const jira = appCalls.filter((c) => c.remote === 'jira');
    const kinds = new Set(jira.map((c) => `${c.method} ${c.path.replace(/LAUNCH-\d+|LEGAL-\d+/, '{key}')}`));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'DELETE /rest/api/3/issue/{key}/properties/accord-roles',
        'GET /rest/api/3/issue/{key}',
        'GET /rest/api/3/mypermissions',
        'POST /rest/api/3/issue/{key}/comment',
        'POST /rest/api/3/issue/{key}/notify',
        'PUT /rest/api/3/issue/{key}/properties/accord-roles',
        'PUT /rest/api/3/issue/{key}/properties/accord-responses',
      ]),
    );
    const spec = loadSpec('jira');
    const problems = jira.flatMap((c) => checkExchange(spec, exchangeOf(c)));
    expect(problems).toEqual([]);
  });
});
