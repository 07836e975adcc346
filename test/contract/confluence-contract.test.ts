/**
 * Drives the emulated Confluence through the exchanges Accord and the local site make, and checks each
 * request and response against Atlassian's Confluence v2 OpenAPI spec.
 */
import Database from 'better-sqlite3';
import type { Actor, ProductResponse } from '../../local/platform/product-service';
import { createConfluenceService } from '../../local/confluence/confluence-service';
import {
  demoConfluenceSeed,
  forgeMacroNode,
  LAUNCH_BRIEF_PAGE_ID,
  LAUNCH_SPACE_ID,
} from '../../local/seed/confluence-seed';
import { PEOPLE } from '../../local/seed/people';
import { checkExchange, loadSpec, type Exchange } from './openapi-contract';

const spec = loadSpec('confluence');
const NOW = new Date('2026-03-02T09:00:00.000Z');
const editor: Actor = { kind: 'user', accountId: PEOPLE.priya.accountId };
const viewer: Actor = { kind: 'user', accountId: PEOPLE.lucia.accountId };

function newSite() {
  const service = createConfluenceService({
    db: new Database(':memory:'),
    clock: { now: () => NOW },
    emit: () => undefined,
  });
  service.seed(demoConfluenceSeed(NOW));
  /** Makes the call and returns it as an exchange for the checker. */
  return (
    method: string,
    path: string,
    opts: { query?: string; body?: unknown; actor?: Actor } = {},
  ): Exchange & { response: ProductResponse } => {
    const query = new URLSearchParams(opts.query ?? '');
    const response = service.handle({
      method,
      path,
      query,
      headers: {},
      body: opts.body,
      actor: opts.actor ?? { kind: 'app' },
      selfGenerated: false,
    }) as ProductResponse;
    // What travels over HTTP is JSON; compare what a client would parse.
    const responseBody =
      response.body === undefined ? undefined : (JSON.parse(JSON.stringify(response.body)) as unknown);
    return { method, path, query, requestBody: opts.body, status: response.status, responseBody, response };
  };
}

const adf = (text: string) =>
  JSON.stringify({
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      forgeMacroNode('accord-brief', { briefId: 'brief-launch' }, 'contract-1', 'Accord Project Brief'),
    ],
  });

describe('the emulated Confluence conforms to the Confluence v2 OpenAPI spec', () => {
  const call = newSite();
  const v2 = '/wiki/api/v2';
  const brief = `${v2}/pages/${LAUNCH_BRIEF_PAGE_ID}`;

  // Built in order: later exchanges use ids the earlier ones created.
  const exchanges: [string, () => Exchange & { response: ProductResponse }, number][] = [];
  const add = (name: string, run: () => Exchange & { response: ProductResponse }, status: number) =>
    exchanges.push([name, run, status]);
  let created = '';
  let propertyId = '';

  add('list spaces by key', () => call('GET', `${v2}/spaces`, { query: 'keys=LAUNCH' }), 200);
  add(
    'list spaces with description, paged',
    () => call('GET', `${v2}/spaces`, { query: `ids=${LAUNCH_SPACE_ID}&description-format=plain&limit=1` }),
    200,
  );
  add('get space', () => call('GET', `${v2}/spaces/${LAUNCH_SPACE_ID}`, { actor: viewer }), 200);
  add(
    'root pages of a space with ADF bodies',
    () =>
      call('GET', `${v2}/spaces/${LAUNCH_SPACE_ID}/pages`, {
        query: 'depth=root&body-format=atlas_doc_format',
      }),
    200,
  );
  add(
    'find a page by title',
    () =>
      call('GET', `${v2}/pages`, {
        query: `space-id=${LAUNCH_SPACE_ID}&title=Feature X launch — project brief`,
        actor: viewer,
      }),
    200,
  );
  add(
    'pages with a next cursor',
    () =>
      call('GET', `${v2}/pages`, {
        query: `space-id=${LAUNCH_SPACE_ID}&limit=1&sort=-modified-date&status=current,draft`,
      }),
    200,
  );
  add(
    'get page in ADF with operations and properties',
    () =>
      call('GET', brief, {
        query: 'body-format=atlas_doc_format&include-operations=true&include-properties=true',
        actor: viewer,
      }),
    200,
  );
  add('get page in storage', () => call('GET', brief, { query: 'body-format=storage' }), 200);
  add('get page in view', () => call('GET', brief, { query: 'body-format=view&include-version=false' }), 200);
  add('operations of a viewer', () => call('GET', `${brief}/operations`, { actor: viewer }), 200);
  add(
    'users in bulk',
    () =>
      call('POST', `${v2}/users-bulk`, {
        body: { accountIds: [PEOPLE.priya.accountId, PEOPLE.erik.accountId] },
      }),
    200,
  );
  add(
    'create a page',
    () => {
      const ex = call('POST', `${v2}/pages`, {
        actor: editor,
        body: {
          spaceId: LAUNCH_SPACE_ID,
          status: 'current',
          title: 'Contract page',
          body: { representation: 'atlas_doc_format', value: adf('one') },
        },
      });
      created = (ex.response.body as { id: string }).id;
      return ex;
    },
    200,
  );
  add(
    'update a page',
    () =>
      call('PUT', `${v2}/pages/${created}`, {
        actor: editor,
        body: {
          id: created,
          status: 'current',
          title: 'Contract page',
          spaceId: LAUNCH_SPACE_ID,
          body: { atlas_doc_format: { representation: 'atlas_doc_format', value: adf('two') } },
          version: { number: 2, message: 'second' },
        },
      }),
    200,
  );
  add(
    'update a page with a stale version (409, a documented omission of the spec)',
    () =>
      call('PUT', `${v2}/pages/${created}`, {
        actor: editor,
        body: {
          id: created,
          status: 'current',
          title: 'Contract page',
          body: { representation: 'atlas_doc_format', value: adf('x') },
          version: { number: 2 },
        },
      }),
    409,
  );
  add(
    'create a property',
    () => {
      const ex = call('POST', `${v2}/pages/${created}/properties`, {
        actor: editor,
        body: { key: 'accord-brief', value: { briefId: 'brief-launch' } },
      });
      propertyId = (ex.response.body as { id: string }).id;
      return ex;
    },
    200,
  );
  add(
    'list properties by key',
    () => call('GET', `${v2}/pages/${created}/properties`, { query: 'key=accord-brief&sort=-key' }),
    200,
  );
  add('get a property', () => call('GET', `${v2}/pages/${created}/properties/${propertyId}`), 200);
  add(
    'update a property',
    () =>
      call('PUT', `${v2}/pages/${created}/properties/${propertyId}`, {
        actor: editor,
        body: { key: 'accord-brief', value: { briefId: 'b2' }, version: { number: 2, message: 'm' } },
      }),
    200,
  );
  add(
    'update a property with a stale version (409)',
    () =>
      call('PUT', `${v2}/pages/${created}/properties/${propertyId}`, {
        actor: editor,
        body: { key: 'accord-brief', value: 1, version: { number: 2 } },
      }),
    409,
  );
  add(
    'delete a property',
    () => call('DELETE', `${v2}/pages/${created}/properties/${propertyId}`, { actor: editor }),
    204,
  );
  add('delete a page', () => call('DELETE', `${v2}/pages/${created}`, { actor: editor }), 204);
  add('a trashed page is gone', () => call('GET', `${v2}/pages/${created}`), 404);
  add(
    'a page the person cannot view',
    () => call('GET', brief, { actor: { kind: 'user', accountId: PEOPLE.fatima.accountId } }),
    404,
  );
  add('anonymous', () => call('GET', `${v2}/pages`, { actor: { kind: 'anonymous' } }), 401);
  add('an invalid request', () => call('GET', `${v2}/pages`, { query: 'cursor=not-a-cursor' }), 400);

  it.each(exchanges.map(([name, run, status]) => [name, run, status] as const))(
    '%s',
    (_name, run, status) => {
      const ex = run();
      expect(ex.status).toBe(status);
      expect(checkExchange(spec, ex)).toEqual([]);
    },
  );

  it('flags a viewer’s refused update: the emulator answers 403 where the spec (and Cloud) answer 404', () => {
    const ex = call('PUT', brief, {
      actor: viewer,
      body: {
        id: LAUNCH_BRIEF_PAGE_ID,
        status: 'current',
        title: 't',
        body: { representation: 'atlas_doc_format', value: adf('v') },
        version: { number: 4 },
      },
    });
    expect(ex.status).toBe(403);
    expect(checkExchange(spec, ex)).toEqual(['PUT /pages/{id}: status 403 is not declared']);
  });
});

describe('the checker catches a departure from the spec', () => {
  const call = newSite();

  it('reports a response that lacks a required field', () => {
    const ex = call('POST', '/wiki/api/v2/users-bulk', { body: { accountIds: [PEOPLE.priya.accountId] } });
    expect(checkExchange(spec, ex)).toEqual([]);
    const user = (ex.responseBody as { results: { profilePicture: Record<string, unknown> }[] }).results[0]!;
    delete user.profilePicture.path;
    expect(checkExchange(spec, ex)).toEqual([
      "POST /users-bulk 200 response: /results/0/profilePicture must have required property 'path'",
    ]);
  });

  it('reports wrong types, unknown enum values, undeclared query parameters and unknown paths', () => {
    const ex = call('GET', `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`);
    const page = ex.responseBody as { version: { number: unknown }; status: string };
    page.version.number = '3';
    page.status = 'published';
    const errors = checkExchange(spec, { ...ex, query: new URLSearchParams('expand=body') });
    expect(errors).toEqual(
      expect.arrayContaining([
        'GET /pages/{id}: query parameter "expand" is not declared',
        'GET /pages/{id} 200 response: /version/number must be integer',
        expect.stringContaining(
          'GET /pages/{id} 200 response: /status must be equal to one of the allowed values',
        ),
      ]),
    );
    expect(checkExchange(spec, { method: 'GET', path: '/wiki/api/v2/briefs/1', status: 200 })).toEqual([
      'GET /wiki/api/v2/briefs/1: path is not in the confluence spec',
    ]);
    expect(checkExchange(spec, { method: 'PATCH', path: '/wiki/api/v2/pages/1', status: 200 })).toEqual([
      'PATCH /wiki/api/v2/pages/1: method PATCH is not defined for /pages/{id}',
    ]);
  });

  it('reports a request body that breaks the request schema', () => {
    const errors = checkExchange(spec, {
      method: 'PUT',
      path: `/wiki/api/v2/pages/${LAUNCH_BRIEF_PAGE_ID}`,
      requestBody: { id: LAUNCH_BRIEF_PAGE_ID, status: 'current', title: 't', version: { number: 4 } },
      status: 200,
    });
    expect(errors).toEqual(["PUT /pages/{id} request body: (root) must have required property 'body'"]);
  });
});
