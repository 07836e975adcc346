import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { DEMO_BRIEF_ID } from '../local/seed/confluence-seed';
import { buildRolesProperty } from '../src/domain/roles';
import type { RecordedCall } from '../local/platform/forge-runtime';
import { checkExchange, exchangeOf, loadSpec } from './contract/openapi-contract';
import { invocationStore } from '../local/platform/invocation-context';
import { parseEscalationPath } from '../src/domain/escalation';
import { escalationPathStore } from '../src/forge/compose-escalation-paths';
import { escalationComments as commentsOf, move as moveIssue, siteCaller } from './support/escalation-site';

/**
 * The escalation ladder on the local site, end to end: LAUNCH-3 goes Blocked through the REST API, the clock runs
 * through a weekend and German Christmas holidays, the hourly sweep fires level 1 and then level 2 with the right
 * mentions, the level's target acknowledges, and the ladder stops. Every event redelivered twice changes nothing;
 * a sweep that meets Jira failures marks nothing fired, and the next one fires.
 */
jest.setTimeout(120_000);

const ERIK = PEOPLE.erik.accountId;
const PRIYA = PEOPLE.priya.accountId;
const AMARA = PEOPLE.amara.accountId;
let dataDir: string;
let site: Site;
const events: unknown[] = [];
const recorded: RecordedCall[] = [];

const call = siteCaller(() => site.url);
const settle = () => call('/forge/settle', { body: {} });
const clockSet = (iso: string) => call('/forge/clock', { body: { set: iso } });
const sweep = async () => {
  const res = await call('/forge/scheduled/accord-escalation-sweep', { body: {} });
  await settle();
  return res;
};
/** LAUNCH moves by Erik (he edits LAUNCH); comments read as Erik. */
const move = (issueKey: string, to: string) => moveIssue(call, issueKey, to, ERIK);
const escalationComments = (issueKey: string) => commentsOf(call, issueKey, ERIK);
const property = async (issueKey: string) => {
  const res = await call(`/rest/api/3/issue/${issueKey}/properties/accord-escalation`);
  return res.status === 200 ? res.body.value : undefined;
};
const invoke = (functionKey: string, callKey: string, payload: unknown, accountId: string, extension = {}) =>
  call('/forge/invoke', {
    body: { functionKey, call: callKey, payload, context: { accountId, extension } },
  }).then((r) => r.body);
const escalatedKeys = async (jql: string) => {
  const res = await call('/rest/api/3/search/jql', {
    body: { jql, fields: ['summary'], maxResults: 50 },
    as: ERIK,
  });
  return (res.body.issues as Array<{ key: string }>).map((i) => i.key);
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-escalation-'));
  site = await createSite({ dataDir, port: 0 });
  const deliver = site.host.deliverEvent.bind(site.host);
  site.host.deliverEvent = async (event) => {
    events.push(JSON.parse(JSON.stringify(event)));
    return deliver(event);
  };
  await settle();
  // Roles as the Roles panel would save them: Erik is Accountable for LAUNCH-3, Priya for the LAUNCH-1 epic, whose
  // brief (owned by Priya) is linked by the brief part's `accord-brief` property. Property writes emit no event.
  const roles = (accountId: string) =>
    buildRolesProperty({
      framework: 'RACI',
      assignments: [{ accountId, role: 'accountable' }],
      revision: 1,
      updatedAt: '2026-11-27T09:00:00.000Z',
      updatedBy: PRIYA,
    });
  const put = async (issueKey: string, key: string, value: unknown) =>
    expect(
      (await call(`/rest/api/3/issue/${issueKey}/properties/${key}`, { method: 'PUT', body: value })).status,
    ).toBeLessThan(300);
  await put('LAUNCH-3', 'accord-roles', roles(ERIK));
  await put('LAUNCH-1', 'accord-roles', roles(PRIYA));
  await put('LAUNCH-1', 'accord-brief', {
    briefId: DEMO_BRIEF_ID,
    title: 'Feature X launch',
    pageId: '98307',
  });
  site.runtime.onCall = (c) => recorded.push(c);
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the escalation ladder on the local site', () => {
  it('climbs through a weekend and the German Christmas holidays, stops on acknowledgement, and never fires twice', async () => {
    // Wednesday 23 December 2026, 15:00 in Berlin. LAUNCH-3 leaves Blocked and goes back: a fresh episode.
    await clockSet('2026-12-23T14:00:00Z');
    await move('LAUNCH-3', 'In Progress');
    await sweep(); // Ends whatever the seed's Blocked stretch started.
    const before = (await escalationComments('LAUNCH-3')).length;
    await move('LAUNCH-3', 'Blocked');
    // Only what JQL indexes; the per-path detail is in KVS (the Roles panel reads it from there).
    expect(await property('LAUNCH-3')).toEqual({ level: 0 });
    expect(await escalatedKeys('accordEscalationLevel >= 0')).toContain('LAUNCH-3');
    expect(await escalatedKeys('accordEscalationLevel >= 1')).not.toContain('LAUNCH-3');

    // Thursday 24 December 14:59 Berlin: 7h59m of the 8 business hours. Nothing yet.
    await clockSet('2026-12-24T13:59:00Z');
    await sweep();
    expect((await escalationComments('LAUNCH-3')).length).toBe(before);

    // 15:01 (the site clock runs on after each set, so the move happened a moment after 15:00): level 1 fires for
    // the issue's Accountable (Erik).
    await clockSet('2026-12-24T14:01:00Z');
    await sweep();
    const afterL1 = await escalationComments('LAUNCH-3');
    expect(afterL1.length).toBe(before + 1);
    expect(afterL1.at(-1)!.mentions).toEqual([ERIK]);
    expect(afterL1.at(-1)!.text).toContain('Escalation level 1 of 2');
    expect(await property('LAUNCH-3')).toMatchObject({ level: 1 });
    expect(await escalatedKeys('accordEscalationLevel >= 1')).toContain('LAUNCH-3');

    // Monday 28 December, 17:00 Berlin: 25 and 26 December are holidays, 26–27 a weekend: 18 of 24 hours.
    await clockSet('2026-12-28T16:00:00Z');
    await sweep();
    expect((await escalationComments('LAUNCH-3')).length).toBe(before + 1);

    // Tuesday 29 December 15:00 Berlin: level 2 (the epic's Accountable, who also owns the brief: one mention).
    await clockSet('2026-12-29T14:01:00Z');
    await sweep();
    const afterL2 = await escalationComments('LAUNCH-3');
    expect(afterL2.length).toBe(before + 2);
    expect(afterL2.at(-1)!.mentions).toEqual([PRIYA]);
    expect(await property('LAUNCH-3')).toMatchObject({ level: 2 });
    const issue = await call('/rest/api/3/issue/LAUNCH-3?fields=priority', { as: ERIK });
    expect(issue.body.fields.priority.name).toBe('Highest');
    const watchers = await call('/rest/api/3/issue/LAUNCH-3/watchers', { as: ERIK });
    expect((watchers.body.watchers as Array<{ accountId: string }>).map((w) => w.accountId)).toContain(PRIYA);

    // Every event so far, redelivered twice: no duplicate comment, nothing changes.
    const replay = [...events];
    for (let i = 0; i < 2; i++) {
      for (const e of replay) await call('/forge/events', { body: e });
    }
    await sweep();
    expect((await escalationComments('LAUNCH-3')).length).toBe(before + 2);

    // The Roles panel: Priya (level 2's target) may acknowledge, Amara may not.
    const ctx = { issue: { key: 'LAUNCH-3' } };
    const view = await invoke('roles-resolver', 'escalation/issue', { issueKey: 'LAUNCH-3' }, PRIYA, ctx);
    expect(view.ok).toBe(true);
    const open = view.data.episodes.find((e: { endedAt: string | null }) => e.endedAt === null);
    expect(open).toMatchObject({ currentLevel: 2, canAcknowledge: true });
    const ack = { issueKey: 'LAUNCH-3', pathId: open.pathId, episodeId: open.episodeId };
    const refused = await invoke('roles-resolver', 'escalation/acknowledge', ack, AMARA, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await invoke('roles-resolver', 'escalation/acknowledge', ack, PRIYA, ctx);
    expect(done.ok).toBe(true);
    expect(done.data.history[0]).toMatchObject({ kind: 'acknowledged', accountId: PRIYA });
    expect(await property('LAUNCH-3')).toBeUndefined();

    // A week later the ladder has stopped.
    await clockSet('2027-01-06T14:00:00Z');
    await sweep();
    expect((await escalationComments('LAUNCH-3')).length).toBe(before + 2);

    // The audit log is for Jira administrators (Priya is one on the demo site; Amara is not).
    const audit = await invoke('admin-resolver', 'escalation/audit', { issueKey: 'LAUNCH-3' }, PRIYA);
    expect(audit.ok).toBe(true);
    const kinds = audit.data.entries.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['episode-started', 'level-fired', 'acknowledged']));
    expect(kinds.filter((k: string) => k === 'level-fired')).toHaveLength(2);
    expect(await invoke('admin-resolver', 'escalation/audit', {}, AMARA)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a sweep that meets Jira failures marks nothing fired; the next sweep fires the level once', async () => {
    // A fresh episode: the acknowledged one re-arms once LAUNCH-3 leaves Blocked.
    await clockSet('2027-01-07T08:00:00Z');
    await move('LAUNCH-3', 'In Progress');
    await move('LAUNCH-3', 'Blocked');
    const before = (await escalationComments('LAUNCH-3')).length;
    await clockSet('2027-01-08T08:00:00Z'); // Friday 09:00 Berlin: 8 business hours later.
    expect((await call('/forge/faults', { body: { rate5xx: 1, seed: 7 } })).status).toBe(200);
    await sweep();
    await call('/forge/faults', { body: { rate5xx: 0 } });
    expect((await escalationComments('LAUNCH-3')).length).toBe(before);
    expect(await property('LAUNCH-3')).toMatchObject({ level: 0 });
    await sweep();
    await sweep();
    const after = await escalationComments('LAUNCH-3');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.mentions).toEqual([ERIK]);
    expect(await property('LAUNCH-3')).toMatchObject({ level: 1 });
  });

  it('the dry run lists what would fire and to whom, as the caller, acting on nothing', async () => {
    await move('LAUNCH-3', 'In Progress');
    await move('LAUNCH-3', 'Blocked');
    await clockSet('2027-01-13T14:00:00Z');
    const comments = (await escalationComments('LAUNCH-3')).length;
    const res = await invoke(
      'macro-resolver',
      'escalation/dry-run',
      { pathId: 'path-launch-blocked' },
      PRIYA,
    );
    expect(res.ok).toBe(true);
    expect(res.data.candidateJql).toContain('status in ("Blocked")');
    const launch3 = res.data.issues.find((i: { issueKey: string }) => i.issueKey === 'LAUNCH-3');
    expect(launch3).toMatchObject({ level: 2, targets: [{ accountId: PRIYA }] });
    expect((await escalationComments('LAUNCH-3')).length).toBe(comments);
  });

  it('every request the engine sent is one Jira’s OpenAPI spec defines, with spec-valid answers', async () => {
    const product = recorded.filter((c) => c.remote === 'jira');
    const paths = new Set(product.map((c) => `${c.method} ${c.path.replace(/LAUNCH-\d+|\d{5,}/g, '{id}')}`));
    for (const expected of [
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/issue/bulkfetch',
      'POST /rest/api/3/issue/{id}/comment',
      'POST /rest/api/3/issue/{id}/notify',
      'POST /rest/api/3/issue/{id}/watchers',
      'PUT /rest/api/3/issue/{id}',
      'GET /rest/api/3/priority',
      'PUT /rest/api/3/issue/{id}/properties/accord-escalation',
      'DELETE /rest/api/3/issue/{id}/properties/accord-escalation',
    ]) {
      expect(paths).toContain(expected);
    }
    const spec = loadSpec('jira');
    const problems = product.flatMap((c) => checkExchange(spec, exchangeOf(c)));
    expect(problems).toEqual([]);
  });

  it('the emulated Jira answers group members (for group targets) in the spec’s shape', async () => {
    const res = await call('/rest/api/3/group/member?groupname=leadership&maxResults=50', { as: PRIYA });
    expect(res.status).toBe(200);
    expect(res.body.values.length).toBeGreaterThan(0);
    const problems = checkExchange(loadSpec('jira'), {
      method: 'GET',
      path: '/rest/api/3/group/member',
      query: new URLSearchParams('groupname=leadership&maxResults=50'),
      requestBody: undefined,
      status: res.status,
      responseBody: res.body,
    });
    expect(problems).toEqual([]);
    expect((await call('/rest/api/3/group/member?groupname=nobody-here', { as: PRIYA })).status).toBe(404);
  });
});

describe('Flagged, issue edits and deletion on the local site', () => {
  it('flagging an issue through REST starts an episode; level 1 comments, labels and records its level in one issue edit; deleting the issue ends the episode', async () => {
    const parsed = parseEscalationPath({
      id: 'path-flagged',
      name: 'Flagged launch work',
      scope: { projects: ['LAUNCH'] },
      conditions: [{ kind: 'flagged' }],
      calendar: {
        timeZone: 'Europe/Berlin',
        workingDays: [1, 2, 3, 4, 5],
        hours: { start: '09:00', end: '17:00' },
        pausedStatuses: [],
      },
      levels: [
        {
          name: 'Launch lead',
          after: 'PT1H',
          targets: [{ kind: 'person', accountId: PRIYA }],
          actions: ['comment', 'add-label'],
          label: 'impediment-escalated',
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await clockSet('2027-01-18T09:00:00Z'); // Monday 10:00 Berlin
    await invocationStore.run({ kind: 'resolver', functionKey: 'test-seed', accountId: PRIYA }, () =>
      escalationPathStore().put(
        'path-flagged',
        {
          path: parsed.path,
          enabled: true,
          pageId: null,
          ownerAccountId: PRIYA,
          updatedAt: '2027-01-18T09:00:00.000Z',
        },
        0,
      ),
    );
    const created = await call('/rest/api/3/issue', {
      body: {
        fields: { project: { key: 'LAUNCH' }, issuetype: { name: 'Task' }, summary: 'Vendor contract' },
      },
      as: ERIK,
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    await settle();

    // Flag it as Jira Software does: the Flagged field (customfield_10021) set to [Impediment].
    const flag = await call(`/rest/api/3/issue/${key}`, {
      method: 'PUT',
      body: { fields: { customfield_10021: [{ value: 'Impediment' }] } },
      as: ERIK,
    });
    expect(flag.status).toBe(204);
    await settle();
    const read = await call(`/rest/api/3/issue/${key}?fields=customfield_10021`, { as: ERIK });
    expect(read.body.fields.customfield_10021).toEqual([
      expect.objectContaining({ value: 'Impediment', id: '10019' }),
    ]);
    expect(await escalatedKeys('flagged = Impediment')).toContain(key);
    expect(await escalatedKeys('flagged is not EMPTY')).toContain(key);
    expect(await escalatedKeys('flagged is EMPTY')).not.toContain(key);
    expect(await property(key)).toEqual({ level: 0 });
    // A bad option is refused and changes nothing.
    const bad = await call(`/rest/api/3/issue/${key}`, {
      method: 'PUT',
      body: { fields: { customfield_10021: [{ value: 'Blocker' }] } },
      as: ERIK,
    });
    expect(bad.status).toBe(400);

    await clockSet('2027-01-18T10:01:00Z');
    const from = recorded.length;
    await sweep();
    const comments = await escalationComments(key);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.mentions).toEqual([PRIYA]);
    const labels = await call(`/rest/api/3/issue/${key}?fields=labels`, { as: ERIK });
    expect(labels.body.fields.labels).toContain('impediment-escalated');
    expect(await property(key)).toEqual({ level: 1 });
    // The label and the property went in one PUT /issue (IssueUpdateDetails.properties); no property PUT. The
    // label (harmless to repeat) goes before the comment (never repeated), so no progress record is needed.
    const writes = recorded
      .slice(from)
      .filter((c) => c.remote === 'jira' && c.method !== 'GET' && c.path.includes(key));
    expect(writes.map((c) => `${c.method} ${c.path.replace(key, '{key}')}`)).toEqual([
      'PUT /rest/api/3/issue/{key}',
      'POST /rest/api/3/issue/{key}/comment',
    ]);
    expect(writes[0]!.requestBody).toEqual({
      update: { labels: [{ add: 'impediment-escalated' }] },
      properties: [{ key: 'accord-escalation', value: { level: 1 } }],
    });
    const spec = loadSpec('jira');
    for (const c of writes) {
      expect(checkExchange(spec, exchangeOf(c))).toEqual([]);
    }

    // Deleted: the open episode ends as `deleted`, audited, without a product call.
    const before = recorded.length;
    expect((await call(`/rest/api/3/issue/${key}`, { method: 'DELETE', as: PRIYA })).status).toBe(204);
    await settle();
    expect(recorded.slice(before).filter((c) => c.remote === 'jira')).toEqual([]);
    const audit = await invoke('admin-resolver', 'escalation/audit', { issueKey: key }, PRIYA);
    expect(audit.data.entries[0]).toMatchObject({
      kind: 'episode-ended',
      reason: 'deleted',
      pathId: 'path-flagged',
    });
  });
});

describe('a fault on a level’s second action on the local site', () => {
  it('a level whose comment succeeds and whose notify fails is not fired; the next sweep sends only the notify', async () => {
    // Only Jira's notify answers 503 (every retry): /forge/faults spreads faults over all product calls, so this
    // test wraps the emulated Jira's handler instead, for the app's notify requests alone.
    const jira = site.services.jira;
    const handle = jira.handle;
    let failNotify = true;
    jira.handle = (req: Parameters<typeof handle>[0]) =>
      failNotify && req.method === 'POST' && /^\/rest\/api\/3\/issue\/[^/]+\/notify$/.test(req.path)
        ? { status: 503, body: { errorMessages: ['Service unavailable (notify only).'] } }
        : handle(req);
    try {
      await clockSet('2027-02-01T08:00:00Z'); // Monday 1 February 2027, 09:00 Berlin.
      await move('LAUNCH-3', 'In Progress');
      await move('LAUNCH-3', 'Blocked');
      const before = (await escalationComments('LAUNCH-3')).length;
      const actionsSince = (from: number, kind: 'comment' | 'notify') =>
        recorded
          .slice(from)
          .filter((c) => c.method === 'POST' && c.path === `/rest/api/3/issue/LAUNCH-3/${kind}`).length;

      await clockSet('2027-02-02T08:01:00Z'); // Tuesday 09:01: one business day later, level 1 is due.
      let mark = recorded.length;
      await sweep();
      expect(actionsSince(mark, 'comment')).toBe(1);
      // Notify was tried, retried, and refused every time.
      const notifies = recorded.slice(mark).filter((c) => c.path === '/rest/api/3/issue/LAUNCH-3/notify');
      expect(notifies.length).toBeGreaterThan(1);
      expect(notifies.every((c) => c.status === 503)).toBe(true);
      expect((await escalationComments('LAUNCH-3')).length).toBe(before + 1);
      // Not fired: the JQL-visible level stays 0, the panel shows level 1 still due, the audit says why.
      expect(await property('LAUNCH-3')).toEqual({ level: 0 });
      const ctx = { issue: { key: 'LAUNCH-3' } };
      const view = await invoke('roles-resolver', 'escalation/issue', { issueKey: 'LAUNCH-3' }, ERIK, ctx);
      const open = view.data.episodes.find((e: { endedAt: string | null }) => e.endedAt === null);
      expect(open.currentLevel).toBe(0);
      const failed = view.data.history[0];
      expect(failed).toMatchObject({ kind: 'level-failed', level: 1, episodeId: open.episodeId });
      expect(failed.actions).toEqual([
        { action: 'comment', ok: true },
        expect.objectContaining({ action: 'notify', ok: false }),
      ]);

      // Jira answers notify again: the next sweep sends only the notify and marks level 1 fired.
      failNotify = false;
      mark = recorded.length;
      await sweep();
      expect(actionsSince(mark, 'comment')).toBe(0);
      expect(actionsSince(mark, 'notify')).toBe(1);
      const comments = await escalationComments('LAUNCH-3');
      expect(comments.length).toBe(before + 1); // one comment in all
      expect(comments.at(-1)!.mentions).toEqual([ERIK]);
      expect(await property('LAUNCH-3')).toEqual({ level: 1 });
      const after = await invoke('roles-resolver', 'escalation/issue', { issueKey: 'LAUNCH-3' }, ERIK, ctx);
      expect(after.data.history[0]).toMatchObject({
        kind: 'level-fired',
        level: 1,
        actions: [
          { action: 'comment', ok: true, detail: 'Done by an earlier attempt; not repeated.' },
          { action: 'notify', ok: true },
        ],
      });
      expect(
        after.data.episodes.find((e: { episodeId: string }) => e.episodeId === open.episodeId).currentLevel,
      ).toBe(1);

      // And a further sweep does nothing more.
      mark = recorded.length;
      await sweep();
      expect(actionsSince(mark, 'comment') + actionsSince(mark, 'notify')).toBe(0);
    } finally {
      jira.handle = handle;
    }
  });
});
