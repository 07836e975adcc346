/**
 * Unit tests of the contract checker itself, fed with real Jira Cloud responses: Atlassian's own
 * WireMock stubs from atlascode (v3 Cloud shapes; some were recorded at /rest/api/2 paths but carry the
 * same bodies as v3), a real Cloud issue (epic-tree) and a real search page (hack-jira-cfd).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkExchange, loadSpec } from './openapi-contract';

const RESPONSES = join(__dirname, '..', '..', '..', 'shared', 'reference', 'jira-responses');

/** The parsed body of an atlascode WireMock mapping (`response.body` is a JSON string, `jsonBody` an object). */
function wiremockBody(file: string): unknown {
  const mapping = JSON.parse(readFileSync(join(RESPONSES, 'atlascode', file), 'utf8')) as {
    response: { body?: string; jsonBody?: unknown };
  };
  return mapping.response.jsonBody ?? JSON.parse(mapping.response.body ?? 'null');
}
const fixture = (file: string): unknown => JSON.parse(readFileSync(join(RESPONSES, file), 'utf8'));

const jira = loadSpec('jira');
const confluence = loadSpec('confluence');

describe('real Jira Cloud responses conform', () => {
  it.each([
    ['GET', '/rest/api/3/mypermissions', 'projectKey=BTS&permissions=CREATE_ISSUES', 'mypermissions.json'],
    ['GET', '/rest/api/3/myself', '', 'myself.json'],
    ['GET', '/rest/api/3/issue/BTS-1', 'expand=transitions,renderedFields', 'BTS-1/bts1.json'],
    ['GET', '/rest/api/3/user/search', 'query=mock', 'usersearch.json'],
  ])('%s %s (atlascode %s)', (method, path, query, file) => {
    const errors = checkExchange(jira, {
      method,
      path,
      query: new URLSearchParams(query),
      status: 200,
      responseBody: wiremockBody(file),
    });
    expect(errors).toEqual([]);
  });

  it('GET /rest/api/3/issue/{key} of a real Cloud epic and task', () => {
    for (const file of ['epic-tree/get-issue-epic.v3.json', 'epic-tree/get-issue-issue.v3.json']) {
      const issue = fixture(file) as { key: string };
      expect(
        checkExchange(jira, {
          method: 'GET',
          path: `/rest/api/3/issue/${issue.key}`,
          status: 200,
          responseBody: issue,
        }),
      ).toEqual([]);
    }
  });

  it('POST /rest/api/3/issue/{key}/comment with an ADF body, answered 201 with Jira’s +0000 dates', () => {
    const response = wiremockBody('addComment.json') as { created: string };
    expect(response.created).toMatch(/[+-]\d{4}$/);
    const errors = checkExchange(jira, {
      method: 'POST',
      path: '/rest/api/3/issue/BTS-1/comment',
      requestBody: {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
        },
      },
      status: 201,
      responseBody: response,
    });
    expect(errors).toEqual([]);
  });

  it('GET /rest/api/3/search of a real (anonymised) Cloud site, once its masked `self` URLs are URLs again', () => {
    const page = fixture('hack-jira-cfd/jira-jql-query-response-fixture.json') as {
      issues: { self: string; id: string }[];
    };
    const exchange = {
      method: 'GET',
      path: '/rest/api/3/search',
      query: new URLSearchParams('jql=project=ISSUE'),
      status: 200,
      responseBody: page,
    };
    // The anonymiser replaced every `self` with "hidden", which is not a URI: the checker must notice.
    expect(checkExchange(jira, exchange)).toContain(
      'GET /rest/api/3/search 200 response: /issues/0/self must match format "uri"',
    );
    for (const issue of page.issues)
      issue.self = `https://example.atlassian.net/rest/api/3/issue/${issue.id}`;
    expect(checkExchange(jira, exchange)).toEqual([]);
  });
});

describe('departures from the Jira spec are reported', () => {
  it('an old-style search page (startAt, total) served at /search/jql, which has neither', () => {
    const errors = checkExchange(jira, {
      method: 'GET',
      path: '/rest/api/3/search/jql',
      status: 200,
      responseBody: wiremockBody('search.json'),
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'GET /rest/api/3/search/jql 200 response: (root) must NOT have additional properties ("startAt")',
        'GET /rest/api/3/search/jql 200 response: (root) must NOT have additional properties ("total")',
      ]),
    );
  });

  it('a response missing a required field', () => {
    const exchange = { method: 'POST', path: '/rest/api/3/permissions/check', requestBody: {}, status: 200 };
    expect(
      checkExchange(jira, { ...exchange, responseBody: { globalPermissions: [], projectPermissions: [] } }),
    ).toEqual([]);
    expect(checkExchange(jira, { ...exchange, responseBody: { projectPermissions: [] } })).toEqual([
      "POST /rest/api/3/permissions/check 200 response: (root) must have required property 'globalPermissions'",
    ]);
  });

  it('a request body missing a required field, or sent where none is taken', () => {
    expect(
      checkExchange(jira, {
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        requestBody: { fields: ['summary'] },
        status: 200,
      }),
    ).toEqual([
      "POST /rest/api/3/issue/bulkfetch request body: (root) must have required property 'issueIdsOrKeys'",
    ]);
    expect(
      checkExchange(jira, { method: 'GET', path: '/rest/api/3/myself', requestBody: {}, status: 200 }),
    ).toEqual(['GET /rest/api/3/myself: takes no request body']);
  });

  it('query parameters: undeclared names, missing required ones, values of the wrong type', () => {
    expect(
      checkExchange(jira, {
        method: 'GET',
        path: '/rest/api/3/myself',
        query: new URLSearchParams('fields=x'),
        status: 200,
      }),
    ).toEqual(['GET /rest/api/3/myself: query parameter "fields" is not declared']);
    expect(checkExchange(jira, { method: 'GET', path: '/rest/api/3/user/bulk', status: 200 })).toEqual([
      'GET /rest/api/3/user/bulk: required query parameter "accountId" is missing',
    ]);
    expect(
      checkExchange(jira, {
        method: 'GET',
        path: '/rest/api/3/user/bulk',
        query: new URLSearchParams('accountId=a&accountId=b&maxResults=ten'),
        status: 200,
      }),
    ).toEqual(['GET /rest/api/3/user/bulk query "maxResults": (root) must be integer']);
  });

  it('unknown paths, methods and statuses', () => {
    expect(checkExchange(jira, { method: 'GET', path: '/rest/api/3/nothing-here', status: 200 })).toEqual([
      'GET /rest/api/3/nothing-here: path is not in the jira spec',
    ]);
    expect(checkExchange(jira, { method: 'DELETE', path: '/rest/api/3/myself', status: 204 })).toEqual([
      'DELETE /rest/api/3/myself: method DELETE is not defined for /rest/api/3/myself',
    ]);
    expect(checkExchange(jira, { method: 'GET', path: '/rest/api/3/myself', status: 418 })).toEqual([
      'GET /rest/api/3/myself: status 418 is not declared',
    ]);
  });

  it('prefers a literal path segment over a template (/search/jql is not /search/{x})', () => {
    expect(
      checkExchange(jira, {
        method: 'POST',
        path: '/rest/api/3/search/approximate-count',
        requestBody: { jql: 'project = BTS' },
        status: 200,
        responseBody: { count: 5 },
      }),
    ).toEqual([]);
    expect(
      checkExchange(jira, {
        method: 'GET',
        path: '/rest/api/3/issue/BTS-1/transitions',
        status: 200,
        responseBody: { transitions: [] },
      }),
    ).toEqual([]);
  });

  it('date-times with Jira’s colon-less offset pass (ajv-formats allows it), anything else fails', () => {
    const comment = (created: string) => ({
      method: 'GET',
      path: '/rest/api/3/issue/BTS-1/comment/10001',
      status: 200,
      responseBody: { id: '10001', created },
    });
    expect(checkExchange(jira, comment('2024-05-01T09:30:00.000+0000'))).toEqual([]);
    expect(checkExchange(jira, comment('yesterday'))).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} 200 response: /created must match format "date-time"',
    ]);
  });
});

describe('the documented Confluence spec defects are repaired, and only those', () => {
  const page = `/wiki/api/v2/pages/42`;
  const update = (extra: Record<string, unknown>) => ({
    method: 'PUT',
    path: page,
    requestBody: {
      id: '42',
      status: 'current',
      title: 't',
      body: { representation: 'storage', value: '<p/>' },
      version: { number: 2 },
      ...extra,
    },
    status: 200,
  });

  it('PageUpdateRequest ids with `format` but no `type` are strings', () => {
    expect(checkExchange(confluence, update({ spaceId: '7', parentId: '8', ownerId: 'acc' }))).toEqual([]);
    expect(checkExchange(confluence, update({ spaceId: 7 }))).toEqual([
      'PUT /pages/{id} request body: /spaceId must be string',
    ]);
  });

  it('a body in either the flat or the nested form passes the oneOf of two open objects', () => {
    expect(
      checkExchange(confluence, update({ body: { storage: { representation: 'storage', value: '<p/>' } } })),
    ).toEqual([]);
  });

  it('`sort` parameters take the sort-order enum, and the page status filters take `draft`', () => {
    const list = (query: string) =>
      checkExchange(confluence, {
        method: 'GET',
        path: '/wiki/api/v2/pages',
        query: new URLSearchParams(query),
        status: 200,
      });
    expect(list('sort=-modified-date&status=draft,current')).toEqual([]);
    expect(list('sort=sideways')).toEqual([
      expect.stringContaining('GET /pages query "sort": (root) must be equal to one of the allowed values'),
    ]);
    expect(list('status=lost')).toEqual([
      expect.stringContaining('GET /pages query "status": /0 must be equal to one of the allowed values'),
    ]);
  });

  it('root pages answer `parentId: null`, as the schema’s own description says', () => {
    const body = { id: '42', title: 'Home', parentId: null, parentType: null };
    expect(checkExchange(confluence, { method: 'GET', path: page, status: 200, responseBody: body })).toEqual(
      [],
    );
    expect(
      checkExchange(confluence, {
        method: 'GET',
        path: page,
        status: 200,
        responseBody: { ...body, title: null },
      }),
    ).toEqual(['GET /pages/{id} 200 response: /title must be string']);
  });

  it('an undeclared 409 is accepted only where the live service is known to answer it', () => {
    expect(checkExchange(confluence, { ...update({}), status: 409 })).toEqual([]);
    expect(checkExchange(confluence, { method: 'DELETE', path: page, status: 409 })).toEqual([
      'DELETE /pages/{id}: status 409 is not declared',
    ]);
  });
});
