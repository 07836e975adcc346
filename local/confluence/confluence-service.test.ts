import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import yaml from 'js-yaml';
import type { Actor, ForgeProductEvent, ProductResponse } from '../platform/product-service';
import { PEOPLE } from '../seed/people';
import {
  ACCORD_APP_UUID,
  demoConfluenceSeed,
  forgeMacroNode,
  LAUNCH_BRIEF_PAGE_ID,
  LAUNCH_HOME_PAGE_ID,
  LAUNCH_SPACE_ID,
  LOCAL_ENVIRONMENT_ID,
} from '../seed/confluence-seed';
import {
  CONFLUENCE_APP_ACCOUNT_ID,
  createConfluenceService,
  type ConfluenceService,
} from './confluence-service';

const REFERENCE = join(__dirname, '..', '..', '..', 'shared', 'reference');
const NOW = new Date('2026-03-02T09:00:00.000Z');

const app: Actor = { kind: 'app' };
const as = (person: { accountId: string }): Actor => ({ kind: 'user', accountId: person.accountId });
const editor = as(PEOPLE.priya);
const viewer = as(PEOPLE.lucia);
const outsider = as(PEOPLE.fatima);

interface Site {
  service: ConfluenceService;
  events: ForgeProductEvent[];
  db: Database.Database;
  clock: { now(): Date; set(d: Date): void };
  call(
    method: string,
    path: string,
    opts?: { query?: string; body?: unknown; actor?: Actor; selfGenerated?: boolean },
  ): ProductResponse;
}

function site(file = ':memory:'): Site {
  const db = new Database(file);
  let now = NOW;
  const clock = { now: () => now, set: (d: Date) => void (now = d) };
  const events: ForgeProductEvent[] = [];
  const service = createConfluenceService({ db, clock, emit: (e) => events.push(e) });
  const call: Site['call'] = (method, path, opts = {}) =>
    service.handle({
      method,
      path,
      query: new URLSearchParams(opts.query ?? ''),
      headers: {},
      body: opts.body,
      actor: opts.actor ?? app,
      selfGenerated: opts.selfGenerated ?? false,
    }) as ProductResponse;
  return { service, events, db, clock, call };
}

function seeded(): Site {
  const s = site();
  s.service.seed(demoConfluenceSeed(NOW));
  return s;
}

// Tests read deep paths of JSON responses whose shape the contract tests check; typing each would only restate them.

const body = (r: ProductResponse) => r.body as Record<string, any>;
const adfDoc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const adfBody = (doc: unknown) => ({ representation: 'atlas_doc_format', value: JSON.stringify(doc) });

function putBrief(
  s: Site,
  version: number,
  actor: Actor = editor,
  title = 'Feature X launch — project brief',
) {
  return s.call('PUT', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, {
    actor,
    body: {
      id: LAUNCH_BRIEF_PAGE_ID,
      status: 'current',
      title,
      body: adfBody(adfDoc(para(`v${version}`))),
      version: { number: version },
    },
  });
}

describe('page versions', () => {
  it('accepts current+1 and answers 409 Conflict to a stale or skipped version, writing nothing', () => {
    const s = seeded();
    expect(body(s.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`)).version.number).toBe(3);

    const ok = putBrief(s, 4);
    expect(ok.status).toBe(200);
    expect(body(ok).version).toMatchObject({
      number: 4,
      authorId: PEOPLE.priya.accountId,
      createdAt: NOW.toISOString(),
    });

    const stale = putBrief(s, 4, editor, 'Someone else’s edit');
    expect(stale.status).toBe(409);
    expect(body(stale).errors[0].detail).toBe('Version must be incremented on update. Current version is: 4');
    expect(putBrief(s, 6).status).toBe(409);

    const after = body(
      s.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, { query: 'body-format=atlas_doc_format' }),
    );
    expect(after.title).toBe('Feature X launch — project brief');
    expect(after.version.number).toBe(4);
    expect(JSON.parse(after.body.atlas_doc_format.value)).toEqual(adfDoc(para('v4')));
  });

  it('rejects an update whose body id differs from the path, and a missing version', () => {
    const s = seeded();
    const wrongId = s.call('PUT', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, {
      body: {
        id: LAUNCH_HOME_PAGE_ID,
        status: 'current',
        title: 'x',
        body: adfBody(adfDoc()),
        version: { number: 4 },
      },
    });
    expect(wrongId.status).toBe(400);
    const noVersion = s.call('PUT', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, {
      body: { id: LAUNCH_BRIEF_PAGE_ID, status: 'current', title: 'x', body: adfBody(adfDoc()) },
    });
    expect(noVersion.status).toBe(400);
  });
});

describe('permissions', () => {
  it('lets editors write, viewers read (403 on write), outsiders nothing (404), anonymous 401', () => {
    const s = seeded();
    const page = `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`;
    expect(s.call('GET', page, { actor: viewer }).status).toBe(200);
    expect(putBrief(s, 4, viewer).status).toBe(403);
    expect(s.call('DELETE', page, { actor: viewer }).status).toBe(403);
    expect(s.call('GET', page, { actor: outsider }).status).toBe(404);
    expect(putBrief(s, 4, outsider).status).toBe(404);
    expect(s.call('GET', page, { actor: { kind: 'anonymous' } }).status).toBe(401);
    expect(putBrief(s, 4, editor).status).toBe(200);
    expect(putBrief(s, 5, app).status).toBe(200);
  });

  it('hides spaces and pages the person cannot view from lists', () => {
    const s = seeded();
    const titles = (actor: Actor) =>
      body(s.call('GET', '/wiki/api/v2/pages', { actor, query: `space-id=${LAUNCH_SPACE_ID}` })).results.map(
        (p: { title: string }) => p.title,
      );
    expect(titles(viewer)).toEqual([
      'Feature X launch',
      'Feature X launch — project brief',
      'Launch campaign — project brief',
      'Legal readiness — project brief',
    ]);
    expect(titles(outsider)).toEqual([]);
    expect(
      body(s.call('GET', '/wiki/api/v2/spaces', { actor: outsider, query: 'keys=LAUNCH' })).results,
    ).toEqual([]);
    expect(
      body(s.call('GET', '/wiki/api/v2/spaces', { actor: viewer, query: 'keys=LAUNCH' })).results,
    ).toHaveLength(1);
    expect(s.call('GET', `/wiki/api/v2/spaces/${LAUNCH_SPACE_ID}`, { actor: outsider }).status).toBe(404);
    expect(s.call('GET', `/wiki/api/v2/spaces/${LAUNCH_SPACE_ID}/pages`, { actor: outsider }).status).toBe(
      404,
    );
  });

  it('reports what the caller may do through /pages/{id}/operations', () => {
    const s = seeded();
    const ops = (actor: Actor) =>
      s.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}/operations`, { actor });
    expect(body(ops(editor)).operations.map((o: { operation: string }) => o.operation)).toEqual([
      'read',
      'update',
      'delete',
    ]);
    expect(body(ops(viewer)).operations).toEqual([{ operation: 'read', targetType: 'page' }]);
    expect(ops(outsider).status).toBe(404);
  });

  it('answers the v1 permission check for any person to the app, and only about oneself to a person', () => {
    const s = seeded();
    const check = (actor: Actor, subject: { accountId: string }, operation: string) =>
      s.call('POST', `/wiki/rest/api/content/${LAUNCH_BRIEF_PAGE_ID}/permission/check`, {
        actor,
        body: { subject: { type: 'user', identifier: subject.accountId }, operation },
      });
    expect(body(check(app, PEOPLE.lucia, 'read'))).toEqual({ hasPermission: true, errors: [], _links: {} });
    expect(body(check(app, PEOPLE.lucia, 'update')).hasPermission).toBe(false);
    expect(body(check(app, PEOPLE.fatima, 'read'))).toMatchObject({
      hasPermission: false,
      errors: [{ translation: 'User does not have permission to the space', args: [] }],
    });
    expect(body(check(viewer, PEOPLE.lucia, 'update')).hasPermission).toBe(false);
    expect(check(viewer, PEOPLE.priya, 'read').status).toBe(403);
  });
});

describe('bodies', () => {
  it('round-trips ADF holding a Forge macro exactly, as a JSON string in value', () => {
    const s = seeded();
    const doc = adfDoc(
      para('Decision needed'),
      forgeMacroNode('accord-decision', { decisionId: 'dec-1' }, 'local-1', 'Decision'),
    );
    const created = s.call('POST', '/wiki/api/v2/pages', {
      actor: editor,
      body: { spaceId: LAUNCH_SPACE_ID, status: 'current', title: 'Pricing decision', body: adfBody(doc) },
    });
    expect(created.status).toBe(200);
    const id = body(created).id as string;
    expect(body(created).parentId).toBe(LAUNCH_HOME_PAGE_ID);
    const read = body(
      s.call('GET', `/wiki/api/v2/pages/${id}`, { actor: viewer, query: 'body-format=atlas_doc_format' }),
    );
    expect(typeof read.body.atlas_doc_format.value).toBe('string');
    expect(JSON.parse(read.body.atlas_doc_format.value)).toEqual(doc);
    // The nested form `{ atlas_doc_format: { value, representation } }` is accepted as well.
    const nested = s.call('PUT', `/wiki/api/v2/pages/${id}`, {
      actor: editor,
      body: {
        id,
        status: 'current',
        title: 'Pricing decision',
        body: { atlas_doc_format: adfBody(doc) },
        version: { number: 2 },
      },
    });
    expect(nested.status).toBe(200);
  });

  it('rejects ADF that Atlassian’s schema rejects, and non-JSON values', () => {
    const s = seeded();
    const invalid = JSON.parse(
      readFileSync(
        join(REFERENCE, 'adf', 'atlaskit-schema-fixtures', 'invalid', 'extension-with-empty-local-id.json'),
        'utf8',
      ),
    ) as unknown;
    const create = (value: string) =>
      s.call('POST', '/wiki/api/v2/pages', {
        actor: editor,
        body: { spaceId: LAUNCH_SPACE_ID, title: 'Bad', body: { representation: 'atlas_doc_format', value } },
      });
    expect(create(JSON.stringify(invalid)).status).toBe(400);
    expect(create('{not json').status).toBe(400);
    expect(body(s.call('GET', '/wiki/api/v2/pages', { query: 'title=Bad' })).results).toEqual([]);
  });

  it('renders the brief page as storage with the macro kept, and refuses duplicate titles', () => {
    const s = seeded();
    const storage = body(
      s.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, { query: 'body-format=storage' }),
    ).body.storage.value as string;
    expect(storage).toContain(`${ACCORD_APP_UUID}/`);
    expect(storage).toContain('<p>The brief below is kept by Accord');
    const dup = s.call('POST', '/wiki/api/v2/pages', {
      actor: editor,
      body: { spaceId: LAUNCH_SPACE_ID, title: 'Feature X launch', body: adfBody(adfDoc()) },
    });
    expect(dup.status).toBe(400);
  });
});

describe('content properties', () => {
  it('creates, reads, versions, conflicts and deletes', () => {
    const s = seeded();
    const base = `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}/properties`;
    const created = s.call('POST', base, {
      actor: editor,
      body: { key: 'accord-brief', value: { briefId: 'brief-launch' } },
    });
    expect(created.status).toBe(200);
    const prop = body(created);
    expect(prop).toMatchObject({
      key: 'accord-brief',
      value: { briefId: 'brief-launch' },
      version: { number: 1 },
    });

    expect(s.call('POST', base, { actor: editor, body: { key: 'accord-brief', value: 1 } }).status).toBe(409);
    expect(s.call('POST', base, { actor: viewer, body: { key: 'other', value: 1 } }).status).toBe(403);
    expect(body(s.call('GET', base, { actor: viewer, query: 'key=accord-brief' })).results).toEqual([prop]);

    const one = `${base}/${prop.id as string}`;
    const update = (n: number, value: unknown) =>
      s.call('PUT', one, { actor: editor, body: { key: 'accord-brief', value, version: { number: n } } });
    expect(body(update(2, { briefId: 'b2' })).version.number).toBe(2);
    expect(update(2, { briefId: 'stale' }).status).toBe(409);
    expect(body(s.call('GET', one, { actor: viewer })).value).toEqual({ briefId: 'b2' });
    expect(s.call('GET', one, { actor: outsider }).status).toBe(404);

    expect(s.call('DELETE', one, { actor: viewer }).status).toBe(403);
    expect(s.call('DELETE', one, { actor: editor }).status).toBe(204);
    expect(s.call('GET', one).status).toBe(404);
  });
});

describe('events', () => {
  const reference = JSON.parse(
    readFileSync(join(REFERENCE, 'forge-events', 'confluence.avi_confluence_created_page.json'), 'utf8'),
  ) as Record<string, unknown>;
  /** Every key path of an object, so shapes can be compared without comparing values. */
  const keyPaths = (v: unknown, prefix = ''): string[] =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.entries(v).flatMap(([k, x]) => [`${prefix}${k}`, ...keyPaths(x, `${prefix}${k}.`)])
      : [];

  it('emits created/updated/trashed page events in the documented shape, from the acting person', () => {
    const s = seeded();
    const created = body(
      s.call('POST', '/wiki/api/v2/pages', {
        actor: editor,
        body: { spaceId: LAUNCH_SPACE_ID, title: 'Launch checklist', body: adfBody(adfDoc(para('1'))) },
      }),
    );
    expect(s.events).toHaveLength(1);
    const event = s.events[0]!;
    expect(keyPaths(event).sort()).toEqual(keyPaths(reference).sort());
    expect(event).toMatchObject({
      eventType: 'avi:confluence:created:page',
      atlassianId: PEOPLE.priya.accountId,
      selfGenerated: false,
      content: {
        id: created.id,
        type: 'page',
        title: 'Launch checklist',
        space: { id: Number(LAUNCH_SPACE_ID), key: 'LAUNCH' },
        version: {
          number: 1,
          by: { accountId: PEOPLE.priya.accountId, displayName: PEOPLE.priya.displayName },
        },
      },
    });

    s.clock.set(new Date('2026-03-03T12:00:00.000Z'));
    s.call('PUT', `/wiki/api/v2/pages/${created.id as string}`, {
      body: {
        id: created.id,
        status: 'current',
        title: 'Launch checklist',
        body: adfBody(adfDoc(para('2'))),
        version: { number: 2 },
      },
      selfGenerated: true,
    });
    expect(s.events[1]).toMatchObject({
      eventType: 'avi:confluence:updated:page',
      atlassianId: CONFLUENCE_APP_ACCOUNT_ID,
      selfGenerated: true,
      eventCreatedDate: '2026-03-03T12:00:00.000Z',
      content: { version: { number: 2, when: '2026-03-03T12:00:00.000Z', by: { accountType: 'app' } } },
    });

    expect(s.call('DELETE', `/wiki/api/v2/pages/${created.id as string}`, { actor: editor }).status).toBe(
      204,
    );
    expect(s.events[2]).toMatchObject({
      eventType: 'avi:confluence:trashed:page',
      content: { status: 'trashed' },
    });
    expect(s.call('GET', `/wiki/api/v2/pages/${created.id as string}`).status).toBe(404);
  });

  it('emits nothing for refused or conflicting writes, nor for seeding', () => {
    const s = seeded();
    putBrief(s, 4, viewer);
    putBrief(s, 9, editor);
    s.call('POST', '/wiki/api/v2/pages', { actor: outsider, body: { spaceId: LAUNCH_SPACE_ID, title: 'x' } });
    expect(s.events).toEqual([]);
  });
});

describe('lists and paging', () => {
  it('pages with cursor links until the last page, and filters by title', () => {
    const s = seeded();
    for (let i = 0; i < 3; i++) {
      s.call('POST', '/wiki/api/v2/pages', {
        body: { spaceId: LAUNCH_SPACE_ID, title: `Note ${i}`, body: adfBody(adfDoc()) },
      });
    }
    const seen: string[] = [];
    let query = `space-id=${LAUNCH_SPACE_ID}&limit=2&sort=title`;
    for (let guard = 0; guard < 10; guard++) {
      const r = s.call('GET', '/wiki/api/v2/pages', { query });
      seen.push(...body(r).results.map((p: { title: string }) => p.title));
      const next = body(r)._links.next as string | undefined;
      if (!next) break;
      expect(r.headers?.link).toContain('rel="next"');
      query = next.split('?')[1]!;
    }
    expect(seen).toEqual([
      'Feature X launch',
      'Feature X launch — project brief',
      'Launch campaign — project brief',
      'Legal readiness — project brief',
      'Note 0',
      'Note 1',
      'Note 2',
    ]);
    const byTitle = body(
      s.call('GET', `/wiki/api/v2/spaces/${LAUNCH_SPACE_ID}/pages`, { query: 'title=Note%201' }),
    );
    expect(byTitle.results.map((p: { title: string }) => p.title)).toEqual(['Note 1']);
    expect(s.call('GET', '/wiki/api/v2/pages', { query: 'cursor=garbage' }).status).toBe(400);
  });
});

describe('durability', () => {
  it('keeps pages, versions, properties and the id counter across reopening the database file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-confluence-'));
    try {
      const file = join(dir, 'site.db');
      const first = site(file);
      first.service.seed(demoConfluenceSeed(NOW));
      expect(putBrief(first, 4).status).toBe(200);
      const created = body(
        first.call('POST', '/wiki/api/v2/pages', {
          body: { spaceId: LAUNCH_SPACE_ID, title: 'Kept', body: adfBody(adfDoc(para('kept'))) },
        }),
      );
      first.call('POST', `/wiki/api/v2/pages/${created.id as string}/properties`, {
        body: { key: 'k', value: [1, 2] },
      });
      first.db.close();

      const second = site(file);
      expect(body(second.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`)).version.number).toBe(4);
      const kept = body(
        second.call('GET', `/wiki/api/v2/pages/${created.id as string}`, {
          query: 'body-format=atlas_doc_format',
        }),
      );
      expect(JSON.parse(kept.body.atlas_doc_format.value)).toEqual(adfDoc(para('kept')));
      expect(
        body(second.call('GET', `/wiki/api/v2/pages/${created.id as string}/properties`)).results[0].value,
      ).toEqual([1, 2]);
      const another = body(
        second.call('POST', '/wiki/api/v2/pages', {
          body: { spaceId: LAUNCH_SPACE_ID, title: 'Another', body: adfBody(adfDoc()) },
        }),
      );
      expect(Number(another.id)).toBeGreaterThan(Number(created.id));
      expect(second.service.counts().calls).toBe(4);
      second.service.reset();
      expect(second.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`).status).toBe(404);
      second.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo seed', () => {
  it('names the app id of manifest.yml in its macro nodes', () => {
    const manifest = yaml.load(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as {
      app: { id: string };
    };
    expect(manifest.app.id).toBe(`ari:cloud:ecosystem::app/${ACCORD_APP_UUID}`);
  });

  it('holds the brief macro with its config in guestParams, like Forge macros stored by Confluence', () => {
    const s = seeded();
    const value = body(
      s.call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`, { query: 'body-format=atlas_doc_format' }),
    ).body.atlas_doc_format.value as string;
    const macros = (
      JSON.parse(value) as { content: { type: string; attrs?: Record<string, unknown> }[] }
    ).content.filter((n) => n.type === 'extension');
    // The launch brief page holds every Accord document macro, each config holding only its id.
    const keyOf = (m: (typeof macros)[number]) => String(m.attrs?.extensionKey).split('/static/')[1];
    expect(macros.map(keyOf)).toEqual([
      'accord-brief',
      'accord-raci-matrix',
      'accord-decision',
      'accord-decision-log',
      'accord-stakeholders',
      'accord-escalation-path',
    ]);
    expect(macros[0]!.attrs).toMatchObject({
      extensionType: 'com.atlassian.ecosystem',
      extensionKey: `${ACCORD_APP_UUID}/${LOCAL_ENVIRONMENT_ID}/static/accord-brief`,
      parameters: { guestParams: { briefId: 'brief-launch' } },
    });
  });
});
