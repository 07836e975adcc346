import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JIRA_APP_ACCOUNT_ID, createJiraService, type JiraService } from './jira-service';
import { demoJiraSeed } from '../seed/jira-seed';
import { PEOPLE } from '../seed/people';
import type { Actor, ForgeProductEvent, ProductResponse } from '../platform/product-service';

const START = new Date('2026-11-30T09:00:00.000Z');
const { priya, erik, amara, fatima, grace, david } = PEOPLE;
const as = (p: { accountId: string }): Actor => ({ kind: 'user', accountId: p.accountId });
const APP: Actor = { kind: 'app' };

const manifest = {
  modules: {
    'jira:entityProperty': [
      {
        key: 'accord-roles-index',
        entityType: 'issue',
        propertyKey: 'accord-roles',
        values: [{ path: 'accountable', type: 'user', searchAlias: 'accordAccountable' }],
      },
    ],
  },
};

interface Site {
  jira: JiraService;
  events: ForgeProductEvent[];
  clock: { t: number; now(): Date };
  call(
    method: string,
    path: string,
    opts?: { body?: unknown; actor?: Actor; query?: Record<string, string | string[]> },
  ): Promise<ProductResponse>;
}

function site(db = new Database(':memory:'), seed = true): Site {
  const events: ForgeProductEvent[] = [];
  const clock = { t: START.getTime(), now: () => new Date(clock.t) };
  const jira = createJiraService({ db, clock, manifest, emit: (e) => events.push(e) });
  if (seed) jira.seed(demoJiraSeed(START));
  return {
    jira,
    events,
    clock,
    call: async (method, path, opts = {}) => {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.query ?? {}))
        for (const item of [v].flat()) query.append(k, item);
      return jira.handle({
        method,
        path: `/rest/api/3${path}`,
        query,
        headers: {},
        body: opts.body,
        actor: opts.actor ?? APP,
        selfGenerated: opts.actor === undefined,
      });
    },
  };
}

// Tests read deep into arbitrary JSON responses; a loose type keeps the assertions readable.

type Json = Record<string, any>;
const body = <T = Record<string, unknown>>(res: ProductResponse) => res.body as T;
const NOT_FOUND = {
  errorMessages: ['Issue does not exist or you do not have permission to see it.'],
  errors: {},
};

describe('issues and permissions', () => {
  it('anonymous callers get 401', async () => {
    const s = site();
    const res = await s.call('GET', '/issue/LAUNCH-1', { actor: { kind: 'anonymous' } });
    expect(res.status).toBe(401);
  });

  it('GET issue renders Jira fields, honouring fields= and properties=', async () => {
    const s = site();
    await s.call('PUT', '/issue/LAUNCH-3/properties/accord-roles', {
      body: { accountable: [priya.accountId] },
    });
    const full = body<{ key: string; fields: Json; properties?: unknown }>(
      await s.call('GET', '/issue/LAUNCH-3', { actor: as(priya) }),
    );
    expect(full.key).toBe('LAUNCH-3');
    expect(full.fields.status).toMatchObject({ name: 'Blocked', statusCategory: { key: 'indeterminate' } });
    expect(full.fields.issuetype).toMatchObject({ name: 'Subtask', subtask: true, hierarchyLevel: -1 });
    expect(full.fields.parent).toMatchObject({
      key: 'LAUNCH-2',
      fields: { summary: 'Public pricing page ready for launch' },
    });
    expect(full.fields.statuscategorychangedate).toBe('2026-11-24T09:00:00.000+0000');
    expect(full.fields.issuelinks).toEqual([
      expect.objectContaining({
        type: expect.objectContaining({ name: 'Blocks' }),
        inwardIssue: expect.objectContaining({ key: 'LEGAL-2' }),
      }),
    ]);
    expect(full.fields.comment.total).toBe(2);
    expect(full.properties).toBeUndefined();

    const some = body<{ fields: Record<string, unknown>; properties: Record<string, unknown> }>(
      await s.call('GET', '/issue/LAUNCH-3', {
        query: { fields: 'summary,status', properties: 'accord-roles' },
      }),
    );
    expect(Object.keys(some.fields).sort()).toEqual(['status', 'summary']);
    expect(some.properties).toEqual({ 'accord-roles': { accountable: [priya.accountId] } });

    const minus = body<{ fields: Record<string, unknown> }>(
      await s.call('GET', '/issue/LAUNCH-3', { query: { fields: '*all,-comment,-description' } }),
    );
    expect(minus.fields).not.toHaveProperty('comment');
    expect(minus.fields).not.toHaveProperty('description');
    expect(minus.fields).toHaveProperty('summary');
  });

  it('hides issues and links the user cannot browse: 404 exactly as Jira', async () => {
    const s = site();
    expect(await s.call('GET', '/issue/LEGAL-2', { actor: as(amara) })).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await s.call('GET', '/issue/NOPE-1', { actor: as(amara) })).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    // The LEGAL-2 → LAUNCH-3 link is invisible to someone who cannot browse LEGAL.
    const issue = body<{ fields: { issuelinks: unknown[] } }>(
      await s.call('GET', '/issue/LAUNCH-3', { actor: as(amara) }),
    );
    expect(issue.fields.issuelinks).toEqual([]);
    expect((await s.call('GET', '/issue/LEGAL-2', { actor: as(priya) })).status).toBe(200);
  });

  it('an edit without EDIT_ISSUES is 403 and changes nothing; a browse-less edit is 404', async () => {
    const s = site();
    const res = await s.call('PUT', '/issue/LAUNCH-1', {
      actor: as(fatima),
      body: { fields: { summary: 'Hijacked' } },
    });
    expect(res).toEqual({
      status: 403,
      body: { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} },
    });
    expect(
      (await s.call('PUT', '/issue/LEGAL-1', { actor: as(amara), body: { fields: { summary: 'x' } } }))
        .status,
    ).toBe(404);
    expect(
      (await s.call('PUT', '/issue/LAUNCH-1/properties/accord-roles', { actor: as(grace), body: { a: 1 } }))
        .status,
    ).toBe(403);
    expect(
      (
        await s.call('POST', '/issue/LAUNCH-1/transitions', {
          actor: as(fatima),
          body: { transition: { id: '51' } },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.call('POST', '/issue/LAUNCH-1/comment', {
          actor: as(fatima),
          body: { body: { type: 'doc', version: 1, content: [] } },
        })
      ).status,
    ).toBe(403);
    const after = body<{ fields: { summary: string } }>(
      await s.call('GET', '/issue/LAUNCH-1', { query: { fields: 'summary' } }),
    );
    expect(after.fields.summary).toBe('Launch Accord 2.0 to general availability');
    expect(s.events).toEqual([]);
  });

  it('field errors are 400 keyed by field, and nothing changes', async () => {
    const s = site();
    const res = await s.call('PUT', '/issue/LAUNCH-4', {
      actor: as(priya),
      body: { fields: { summary: 'New', priority: { name: 'Urgent' }, duedate: '2026-13-45', nonsense: 1 } },
    });
    expect(res.status).toBe(400);
    expect(body<{ errors: Record<string, string> }>(res).errors).toEqual({
      priority: 'The priority selected is invalid.',
      duedate: 'Error parsing date string: 2026-13-45',
      nonsense: "Field 'nonsense' cannot be set. It is not on the appropriate screen, or unknown.",
    });
    const after = body<{ fields: { summary: string } }>(
      await s.call('GET', '/issue/LAUNCH-4', { query: { fields: 'summary' } }),
    );
    expect(after.fields.summary).toBe('Onboarding checklist for new workspaces');
  });

  it('mypermissions answers per project, per issue, and for any project', async () => {
    const s = site();
    const perms = async (actor: Actor, query: Record<string, string>) =>
      body<{
        permissions: Record<string, { havePermission: boolean; id: string; name: string; type: string }>;
      }>(
        await s.call('GET', '/mypermissions', {
          actor,
          query: { permissions: 'BROWSE_PROJECTS,EDIT_ISSUES', ...query },
        }),
      ).permissions;
    const fatimaLaunch = await perms(as(fatima), { projectKey: 'LAUNCH' });
    expect(fatimaLaunch.BROWSE_PROJECTS).toEqual({
      id: '10',
      key: 'BROWSE_PROJECTS',
      name: 'Browse Projects',
      type: 'PROJECT',
      description: expect.any(String),
      havePermission: true,
    });
    expect(fatimaLaunch.EDIT_ISSUES!.havePermission).toBe(false);
    expect((await perms(as(erik), { issueKey: 'LAUNCH-3' })).EDIT_ISSUES!.havePermission).toBe(true);
    expect((await perms(as(fatima), {})).EDIT_ISSUES!.havePermission).toBe(false);
    expect((await perms(as(amara), {})).EDIT_ISSUES!.havePermission).toBe(true);
    expect(
      (
        await s.call('GET', '/mypermissions', {
          actor: as(amara),
          query: { permissions: 'EDIT_ISSUES', issueKey: 'LEGAL-1' },
        })
      ).status,
    ).toBe(404);
    expect((await s.call('GET', '/mypermissions', { actor: as(amara), query: {} })).status).toBe(400);
  });
});

describe('permissions/check', () => {
  it('answers EDIT_ISSUES per issue for the caller, ignoring unknown and hidden ids', async () => {
    const s = site();
    const id = async (key: string) => Number(body<{ id: string }>(await s.call('GET', `/issue/${key}`)).id);
    const [launch2, launch3, legal1] = [await id('LAUNCH-2'), await id('LAUNCH-3'), await id('LEGAL-1')];
    const check = (actor: Actor, req: unknown) => s.call('POST', '/permissions/check', { actor, body: req });
    const ask = {
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [launch2, launch3, legal1, 999999] }],
    };
    expect(body(await check(as(erik), ask))).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'EDIT_ISSUES', projects: [], issues: [launch2, launch3].sort((a, b) => a - b) },
      ],
    });
    // Fatima only views LAUNCH; Amara cannot browse LEGAL.
    expect(body(await check(as(fatima), ask))).toMatchObject({
      projectPermissions: [{ permission: 'EDIT_ISSUES', issues: [] }],
    });
    expect(
      body<{ projectPermissions: Array<{ issues: number[] }> }>(await check(as(amara), ask))
        .projectPermissions[0]!.issues,
    ).not.toContain(legal1);
    // Global permissions and another person's permissions: only an admin (or the app) may ask about someone else.
    expect(body(await check(as(priya), { globalPermissions: ['ADMINISTER'] }))).toEqual({
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [],
    });
    expect((await check(as(erik), { ...ask, accountId: fatima.accountId })).status).toBe(403);
    expect(body(await check(as(priya), { ...ask, accountId: fatima.accountId }))).toMatchObject({
      projectPermissions: [{ issues: [] }],
    });
  });

  it('refuses malformed requests with 400', async () => {
    const s = site();
    const check = (req: unknown) => s.call('POST', '/permissions/check', { actor: as(erik), body: req });
    expect((await check({ projectPermissions: [{ permissions: ['FLY'], issues: [1] }] })).status).toBe(400);
    expect((await check({ projectPermissions: [{ permissions: [], issues: [1] }] })).status).toBe(400);
    expect(
      (await check({ projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: ['LAUNCH-1'] }] })).status,
    ).toBe(400);
    expect((await check({ globalPermissions: ['EDIT_ISSUES'] })).status).toBe(400);
    expect((await check({ accountId: 'nobody' })).status).toBe(400);
    expect((await check({ surprise: true })).status).toBe(400);
  });
});

describe('create, edit and events', () => {
  it('creates an issue with the next key, emits avi:jira:created:issue', async () => {
    const s = site();
    s.clock.t += 3_600_000;
    const res = await s.call('POST', '/issue', {
      actor: as(amara),
      body: {
        fields: {
          project: { key: 'LAUNCH' },
          issuetype: { name: 'Story' },
          summary: 'Accessibility audit',
          parent: { key: 'LAUNCH-1' },
          labels: ['a11y'],
          duedate: '2026-12-10',
        },
        properties: [{ key: 'accord-roles', value: { accountable: [amara.accountId] } }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      key: 'LAUNCH-11',
      self: expect.stringContaining('/rest/api/3/issue/'),
    });
    const created = body<{ fields: Json }>(await s.call('GET', '/issue/LAUNCH-11'));
    expect(created.fields).toMatchObject({
      summary: 'Accessibility audit',
      status: { name: 'To Do' },
      priority: { name: 'Medium' },
      reporter: { accountId: amara.accountId },
      created: '2026-11-30T10:00:00.000+0000',
      parent: { key: 'LAUNCH-1' },
    });
    expect(created.fields.reporter).not.toHaveProperty('emailAddress');
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: amara.accountId,
      selfGenerated: false,
      issue: {
        key: 'LAUNCH-11',
        fields: { summary: 'Accessibility audit', reporter: { accountId: amara.accountId } },
      },
    });
    const search = await s.call('POST', '/search/jql', {
      body: { jql: `accordAccountable = "${amara.accountId}"`, fields: ['key'] },
    });
    expect(body<{ issues: Array<{ key: string }> }>(search).issues.map((i) => i.key)).toEqual(['LAUNCH-11']);
  });

  it('refuses a create with missing fields or without CREATE_ISSUES', async () => {
    const s = site();
    const missing = await s.call('POST', '/issue', {
      body: { fields: { project: { key: 'LAUNCH' }, issuetype: { name: 'Task' } } },
    });
    expect(missing).toEqual({
      status: 400,
      body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } },
    });
    const denied = await s.call('POST', '/issue', {
      actor: as(grace),
      body: { fields: { project: { key: 'LAUNCH' }, issuetype: { name: 'Task' }, summary: 'x' } },
    });
    expect(denied.status).toBe(400);
    expect(body<{ errors: Record<string, string> }>(denied).errors.project).toBe(
      'You do not have permission to create issues in this project.',
    );
    expect(s.events).toEqual([]);
  });

  it('edits emit avi:jira:updated:issue with Jira changelog items; a no-op edit emits nothing', async () => {
    const s = site();
    s.clock.t += 60_000;
    const res = await s.call('PUT', '/issue/LAUNCH-4', {
      actor: as(priya),
      body: {
        fields: {
          summary: 'Onboarding checklist v2',
          priority: { name: 'High' },
          assignee: { accountId: erik.accountId },
          duedate: '2026-12-20',
        },
        update: { labels: [{ add: 'ga' }, { remove: 'onboarding' }] },
      },
    });
    expect(res.status).toBe(204);
    expect(s.events).toHaveLength(1);
    const event = s.events[0]!;
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: priya.accountId,
      issue: {
        key: 'LAUNCH-4',
        fields: { summary: 'Onboarding checklist v2', assignee: { accountId: erik.accountId } },
      },
      timestamp: START.getTime() + 60_000,
      selfGenerated: false,
    });
    expect(event).not.toHaveProperty('associatedStatuses');
    expect((event.changelog as { items: unknown[] }).items).toEqual([
      {
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: 'Onboarding checklist for new workspaces',
        to: null,
        toString: 'Onboarding checklist v2',
      },
      {
        field: 'priority',
        fieldtype: 'jira',
        fieldId: 'priority',
        from: '3',
        fromString: 'Medium',
        to: '2',
        toString: 'High',
      },
      {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: 'onboarding',
        to: null,
        toString: 'ga',
      },
      {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        from: amara.accountId,
        fromString: amara.displayName,
        to: erik.accountId,
        toString: erik.displayName,
      },
      {
        field: 'duedate',
        fieldtype: 'jira',
        fieldId: 'duedate',
        from: '2026-12-14',
        fromString: '2026-12-14 00:00:00.0',
        to: '2026-12-20',
        toString: '2026-12-20 00:00:00.0',
      },
    ]);
    const updated = body<{ fields: { updated: string; labels: string[] } }>(
      await s.call('GET', '/issue/LAUNCH-4', { query: { fields: 'updated,labels' } }),
    );
    expect(updated.fields).toEqual({ updated: '2026-11-30T09:01:00.000+0000', labels: ['ga'] });

    // The same values again: no change, no event, `updated` untouched.
    s.clock.t += 60_000;
    const again = await s.call('PUT', '/issue/LAUNCH-4', {
      actor: as(priya),
      body: { fields: { summary: 'Onboarding checklist v2', labels: ['ga'] } },
    });
    expect(again.status).toBe(204);
    expect(s.events).toHaveLength(1);
    // Property changes are indexed but emit no issue event.
    await s.call('PUT', '/issue/LAUNCH-4/properties/accord-roles', {
      actor: as(priya),
      body: { accountable: [erik.accountId] },
    });
    expect(s.events).toHaveLength(1);
  });

  it('app edits carry the app as author and selfGenerated', async () => {
    const s = site();
    await s.call('PUT', '/issue/LAUNCH-4', { body: { fields: { priority: { id: '1' } } } });
    expect(s.events[0]).toMatchObject({ atlassianId: JIRA_APP_ACCOUNT_ID, selfGenerated: true });
  });

  it('comments: ADF only, paged GET, avi:jira:commented:issue', async () => {
    const s = site();
    const adf = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Legal approved.' }] }],
    };
    expect(
      (await s.call('POST', '/issue/LAUNCH-3/comment', { actor: as(david), body: { body: 'plain text' } }))
        .status,
    ).toBe(400);
    // A document that breaks the ADF schema (an empty text node) is refused too, as Jira does.
    const empty = { ...adf, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] };
    expect(
      (await s.call('POST', '/issue/LAUNCH-3/comment', { actor: as(david), body: { body: empty } })).status,
    ).toBe(400);
    const res = await s.call('POST', '/issue/LAUNCH-3/comment', { actor: as(david), body: { body: adf } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      author: { accountId: david.accountId },
      body: adf,
      created: '2026-11-30T09:00:00.000+0000',
    });
    expect(s.events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:commented:issue',
        atlassianId: david.accountId,
        issue: expect.objectContaining({ key: 'LAUNCH-3' }),
        comment: expect.objectContaining({ author: { accountId: david.accountId }, body: adf }),
      }),
    ]);
    const page = body<{
      total: number;
      startAt: number;
      maxResults: number;
      comments: Array<{ body: unknown }>;
    }>(await s.call('GET', '/issue/LAUNCH-3/comment', { query: { startAt: '2', maxResults: '1' } }));
    expect(page).toMatchObject({ total: 3, startAt: 2, maxResults: 1 });
    expect(page.comments.map((c) => c.body)).toEqual([adf]);
  });

  it('issue links: created with avi:jira:created:issuelink and shown on both issues', async () => {
    const s = site();
    const res = await s.call('POST', '/issueLink', {
      actor: as(erik),
      body: { type: { name: 'Blocks' }, inwardIssue: { key: 'LAUNCH-7' }, outwardIssue: { key: 'LAUNCH-4' } },
    });
    expect(res.status).toBe(201);
    const from = body<{ fields: { issuelinks: Array<Json> } }>(
      await s.call('GET', '/issue/LAUNCH-7', { query: { fields: 'issuelinks' } }),
    );
    expect(from.fields.issuelinks).toEqual([
      expect.objectContaining({
        outwardIssue: expect.objectContaining({ key: 'LAUNCH-4' }),
        type: expect.objectContaining({ outward: 'blocks' }),
      }),
    ]);
    const to = body<{ fields: { issuelinks: Array<Json> } }>(
      await s.call('GET', '/issue/LAUNCH-4', { query: { fields: 'issuelinks' } }),
    );
    expect(to.fields.issuelinks).toEqual([
      expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'LAUNCH-7' }) }),
    ]);
    expect(s.events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:created:issuelink',
        issueLinkType: expect.objectContaining({ name: 'Blocks' }),
      }),
    ]);
  });
});

describe('transitions', () => {
  it('walks To Do → In Progress → Blocked → In Review → Done, setting resolution and resolutiondate', async () => {
    const s = site();
    const available = async () =>
      body<{ transitions: Array<{ id: string; to: { name: string } }> }>(
        await s.call('GET', '/issue/LAUNCH-4/transitions', { actor: as(amara) }),
      ).transitions.map((t) => t.to.name);
    expect(await available()).toEqual(['In Progress', 'Blocked', 'Done']);
    expect(
      await s.call('POST', '/issue/LAUNCH-4/transitions', {
        actor: as(amara),
        body: { transition: { id: '41' } },
      }),
    ).toEqual({
      status: 400,
      body: { errorMessages: ["Transition id '41' is not valid for this issue."], errors: {} },
    });
    s.clock.t += 3_600_000;
    expect(
      (
        await s.call('POST', '/issue/LAUNCH-4/transitions', {
          actor: as(amara),
          body: { transition: { id: '21' } },
        })
      ).status,
    ).toBe(204);
    const started = s.events.at(-1)!;
    expect(started).toMatchObject({
      jiraEventTypeName: 'issue_work_started',
      associatedStatuses: [
        { id: '10001', name: 'In Progress' },
        { id: '10000', name: 'To Do' },
      ],
    });
    expect((started.changelog as { items: unknown[] }).items).toEqual([
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '10000',
        fromString: 'To Do',
        to: '10001',
        toString: 'In Progress',
      },
    ]);
    await s.call('POST', '/issue/LAUNCH-4/transitions', {
      actor: as(amara),
      body: { transition: { id: '31' } },
    });
    await s.call('POST', '/issue/LAUNCH-4/transitions', {
      actor: as(amara),
      body: { transition: { id: '41' } },
    });
    s.clock.t += 3_600_000;
    await s.call('POST', '/issue/LAUNCH-4/transitions', {
      actor: as(amara),
      body: { transition: { id: '51' } },
    });
    const done = s.events.at(-1)!;
    expect(done).toMatchObject({ jiraEventTypeName: 'issue_resolved' });
    expect((done.changelog as { items: unknown[] }).items).toEqual([
      {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: '10000',
        toString: 'Done',
      },
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '10003',
        fromString: 'In Review',
        to: '10004',
        toString: 'Done',
      },
    ]);
    const issue = body<{ fields: Json }>(await s.call('GET', '/issue/LAUNCH-4'));
    expect(issue.fields.resolution).toMatchObject({ id: '10000', name: 'Done' });
    expect(issue.fields.resolutiondate).toBe('2026-11-30T11:00:00.000+0000');
    // Category changed To Do → In Progress at 10:00, then In Progress → Done at 11:00.
    expect(issue.fields.statuscategorychangedate).toBe('2026-11-30T11:00:00.000+0000');

    // Reopening clears the resolution.
    await s.call('POST', '/issue/LAUNCH-4/transitions', {
      actor: as(amara),
      body: { transition: { id: '11' } },
    });
    const reopened = body<{ fields: Json }>(
      await s.call('GET', '/issue/LAUNCH-4', { query: { fields: 'resolution,resolutiondate' } }),
    );
    expect(reopened.fields).toEqual({ resolution: null, resolutiondate: null });
    expect(s.events.at(-1)).toMatchObject({ jiraEventTypeName: 'issue_reopened' });
  });

  it('blocked → in progress keeps the status category date (same category)', async () => {
    const s = site();
    await s.call('POST', '/issue/LAUNCH-3/transitions', {
      actor: as(erik),
      body: { transition: { id: '21' } },
    });
    const issue = body<{ fields: Json }>(
      await s.call('GET', '/issue/LAUNCH-3', { query: { fields: 'statuscategorychangedate,status' } }),
    );
    expect(issue.fields.status.name).toBe('In Progress');
    expect(issue.fields.statuscategorychangedate).toBe('2026-11-24T09:00:00.000+0000');
  });
});

describe('search paging', () => {
  it('pages with nextPageToken until isLast, without total', async () => {
    const s = site();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await s.call('POST', '/search/jql', {
        body: {
          jql: 'project in (LAUNCH, MKT, LEGAL) ORDER BY key',
          fields: ['summary'],
          maxResults: 7,
          ...(token ? { nextPageToken: token } : {}),
        },
      });
      const page = body<{
        issues: Array<{ key: string; fields: { summary: string } }>;
        nextPageToken?: string;
        isLast: boolean;
      }>(res);
      expect(page).not.toHaveProperty('total');
      pages++;
      seen.push(...page.issues.map((i) => i.key));
      expect(page.issues.every((i) => typeof i.fields.summary === 'string')).toBe(true);
      if (page.isLast) {
        expect(page).not.toHaveProperty('nextPageToken');
        break;
      }
      token = page.nextPageToken;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(19);
    expect(new Set(seen).size).toBe(19);
    expect(seen.slice(0, 3)).toEqual(['LAUNCH-1', 'LAUNCH-2', 'LAUNCH-3']);
  });

  it('returns ids only by default, caps maxResults at 100 with fields, and rejects a foreign token', async () => {
    const s = site();
    const ids = body<{ issues: Array<Record<string, unknown>> }>(
      await s.call('GET', '/search/jql', { query: { jql: 'project = MKT' } }),
    );
    expect(ids.issues).toHaveLength(5);
    expect(Object.keys(ids.issues[0]!)).toEqual(['id']);
    const first = body<{ nextPageToken: string }>(
      await s.call('POST', '/search/jql', { body: { jql: 'project = LAUNCH', maxResults: 2 } }),
    );
    const foreign = await s.call('POST', '/search/jql', {
      body: { jql: 'project = MKT', nextPageToken: first.nextPageToken },
    });
    expect(foreign.status).toBe(400);
  });

  it('sees what each person may browse, and counts approximately', async () => {
    const s = site();
    const count = async (actor: Actor) =>
      body<{ count: number }>(
        await s.call('POST', '/search/approximate-count', { actor, body: { jql: 'labels = launch' } }),
      ).count;
    expect(await count(APP)).toBe(6);
    expect(await count(as(amara))).toBe(5); // no LEGAL
    expect(await count(as(priya))).toBe(6);
  });

  it.each([
    ['project = LEGAL', "The value 'LEGAL' does not exist for the field 'project'."],
    ['issuekey in (LEGAL-1)', "An issue with key 'LEGAL-1' does not exist for field 'issuekey'."],
    ['parent = LEGAL-1', "An issue with key 'LEGAL-1' does not exist for field 'parent'."],
  ])(
    'refuses %s for someone who may not browse LEGAL, as Jira does, and runs it for others',
    async (jql, message) => {
      const s = site();
      const refused = await s.call('POST', '/search/approximate-count', { actor: as(amara), body: { jql } });
      expect(refused.status).toBe(400);
      expect(body<{ errorMessages: string[] }>(refused).errorMessages).toEqual([message]);
      for (const actor of [as(priya), APP]) {
        expect((await s.call('POST', '/search/approximate-count', { actor, body: { jql } })).status).toBe(
          200,
        );
      }
    },
  );
});

describe('users and projects', () => {
  it('myself includes the e-mail, other users never do', async () => {
    const s = site();
    expect(body(await s.call('GET', '/myself', { actor: as(priya) }))).toMatchObject({
      accountId: priya.accountId,
      emailAddress: priya.emailAddress,
    });
    expect(
      body(await s.call('GET', '/user', { actor: as(priya), query: { accountId: erik.accountId } })),
    ).not.toHaveProperty('emailAddress');
    const bulk = body<{ values: Array<Record<string, unknown>>; total: number; isLast: boolean }>(
      await s.call('GET', '/user/bulk', {
        actor: as(priya),
        query: { accountId: [erik.accountId, amara.accountId, 'nobody'] },
      }),
    );
    expect(bulk.values.map((v) => v.accountId)).toEqual([erik.accountId, amara.accountId]);
    expect(bulk.values.every((v) => !('emailAddress' in v))).toBe(true);
    const found = body<Array<{ accountId: string }>>(
      await s.call('GET', '/user/search', { query: { query: 'lucía' } }),
    );
    expect(found.map((u) => u.accountId)).toEqual([PEOPLE.lucia.accountId]);
    expect((await s.call('GET', '/user', { query: { accountId: 'nobody' } })).status).toBe(404);
    const assignable = body<Array<{ accountId: string }>>(
      await s.call('GET', '/user/assignable/search', { query: { project: 'LAUNCH' } }),
    );
    expect(assignable.map((u) => u.accountId).sort()).toEqual(
      [amara, erik, priya, PEOPLE.tom].map((p) => p.accountId).sort(),
    );
  });

  it('projects are visible only to people who may browse them', async () => {
    const s = site();
    expect((await s.call('GET', '/project/LEGAL', { actor: as(amara) })).status).toBe(404);
    expect(body(await s.call('GET', '/project/LAUNCH', { actor: as(amara) }))).toMatchObject({
      key: 'LAUNCH',
      lead: { accountId: priya.accountId },
    });
    const page = body<{ values: Array<{ key: string }>; total: number }>(
      await s.call('GET', '/project/search', { actor: as(amara) }),
    );
    expect(page.values.map((p) => p.key)).toEqual(['LAUNCH', 'MKT']);
  });

  it('bulkfetch returns visible issues in id order and errors for the rest', async () => {
    const s = site();
    const res = body<{ issues: Array<{ key: string }>; issueErrors: Array<{ id: string }> }>(
      await s.call('POST', '/issue/bulkfetch', {
        actor: as(amara),
        body: { issueIdsOrKeys: ['LAUNCH-2', 'LEGAL-1', 'LAUNCH-1'], fields: ['summary'] },
      }),
    );
    expect(res.issues.map((i) => i.key)).toEqual(['LAUNCH-1', 'LAUNCH-2']);
    expect(res.issueErrors).toEqual([
      { id: 'LEGAL-1', errorMessage: 'Issue does not exist or you do not have permission to see it.' },
    ]);
  });
});

describe('durability', () => {
  it('survives reopening the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-jira-'));
    try {
      const file = join(dir, 'site.db');
      const first = site(new Database(file));
      await first.call('PUT', '/issue/LAUNCH-5', {
        actor: as(priya),
        body: { fields: { summary: 'GA date decided' } },
      });
      await first.call('PUT', '/issue/LAUNCH-5/properties/accord-roles', {
        body: { accountable: [grace.accountId] },
      });
      await first.call('POST', '/issue/LAUNCH-5/comment', {
        actor: as(priya),
        body: { body: { type: 'doc', version: 1, content: [] } },
      });
      await first.call('POST', '/issue', {
        body: { fields: { project: { key: 'MKT' }, issuetype: { name: 'Task' }, summary: 'Durable' } },
      });
      await first.call('POST', '/issue/LAUNCH-5/notify', {
        body: { subject: 'Decide', textBody: 'Please decide', to: { assignee: true } },
      });

      const second = site(new Database(file), false);
      const issue = body<{ fields: Json; properties: Record<string, unknown> }>(
        await second.call('GET', '/issue/LAUNCH-5', { query: { properties: 'accord-roles' } }),
      );
      expect(issue.fields.summary).toBe('GA date decided');
      expect(issue.fields.comment.total).toBe(1);
      expect(issue.properties).toEqual({ 'accord-roles': { accountable: [grace.accountId] } });
      expect(body(await second.call('GET', '/issue/MKT-6', { query: { fields: 'summary' } }))).toMatchObject({
        fields: { summary: 'Durable' },
      });
      const search = body<{ issues: Array<{ key: string }> }>(
        await second.call('POST', '/search/jql', {
          body: { jql: `accordAccountable = "${grace.accountId}"`, fields: ['key'] },
        }),
      );
      expect(search.issues.map((i) => i.key)).toEqual(['LAUNCH-5']);
      expect(second.jira.notifications()).toEqual([
        expect.objectContaining({
          issueKey: 'LAUNCH-5',
          notification: expect.objectContaining({ subject: 'Decide' }),
        }),
      ]);
      // New ids continue after the old ones.
      const next = await second.call('POST', '/issue', {
        body: { fields: { project: { key: 'MKT' }, issuetype: { name: 'Task' }, summary: 'Next' } },
      });
      expect(body(next)).toMatchObject({ key: 'MKT-7' });

      second.jira.reset();
      expect((await second.call('GET', '/issue/LAUNCH-1')).status).toBe(404);
      const third = site(new Database(file), false);
      expect((await third.call('GET', '/issue/LAUNCH-1')).status).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo seed', () => {
  it('has the launch epic, a Decision, a Blocked item blocked for days, and the agreed permissions', async () => {
    const s = site();
    const epic = body<{ fields: Json }>(await s.call('GET', '/issue/LAUNCH-1'));
    expect(epic.fields.issuetype).toMatchObject({ name: 'Epic', hierarchyLevel: 1 });
    const keys = async (jql: string, actor: Actor = APP) =>
      body<{ issues: Array<{ key: string }> }>(
        await s.call('POST', '/search/jql', { actor, body: { jql, fields: ['key'] } }),
      ).issues.map((i) => i.key);
    expect(await keys('status = Blocked AND statusCategoryChangedDate <= -3d')).toEqual(['LAUNCH-3']);
    expect((await keys('issuetype = Decision')).length).toBeGreaterThanOrEqual(3);
    for (const category of ['new', 'indeterminate', 'done']) {
      expect((await keys(`project = LAUNCH AND statusCategory = ${category}`)).length).toBeGreaterThan(0);
    }
    // LEGAL is confidential: a search that names it is refused for Amara, as if it did not exist.
    expect(
      (await s.call('POST', '/search/jql', { actor: as(amara), body: { jql: 'project = LEGAL' } })).status,
    ).toBe(400);
    expect(await keys('labels = launch', as(amara))).not.toContain('LEGAL-1');
    const canEdit = async (p: { accountId: string }) =>
      body<{ permissions: { EDIT_ISSUES: { havePermission: boolean } } }>(
        await s.call('GET', '/mypermissions', {
          actor: as(p),
          query: { permissions: 'EDIT_ISSUES', projectKey: 'LAUNCH' },
        }),
      ).permissions.EDIT_ISSUES.havePermission;
    expect(await canEdit(priya)).toBe(true);
    expect(await canEdit(erik)).toBe(true);
    expect(await canEdit(fatima)).toBe(false);
    expect(await canEdit(grace)).toBe(false);
  });
});
