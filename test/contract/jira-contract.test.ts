/**
 * Drives the emulated Jira through the calls Accord makes and checks each exchange against Atlassian's
 * Jira platform v3 OpenAPI spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import yaml from 'js-yaml';
import type { Actor, ProductResponse } from '../../local/platform/product-service';
import { createJiraService } from '../../local/jira/jira-service';
import { demoJiraSeed } from '../../local/seed/jira-seed';
import { PEOPLE } from '../../local/seed/people';
import { checkExchange, loadSpec, type Exchange } from './openapi-contract';

const spec = loadSpec('jira');
const NOW = new Date('2026-03-02T09:00:00.000Z');
const priya: Actor = { kind: 'user', accountId: PEOPLE.priya.accountId };
const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('the emulated Jira conforms to the Jira platform v3 OpenAPI spec', () => {
  const manifest = yaml.load(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8'));
  const service = createJiraService({
    db: new Database(':memory:'),
    clock: { now: () => NOW },
    manifest,
    emit: () => undefined,
  });
  const seed = demoJiraSeed(NOW);
  service.seed(seed);
  const key = seed.issues.find((i) => i.key.startsWith('LAUNCH-'))?.key ?? 'LAUNCH-1';
  const jql = 'project = LAUNCH ORDER BY key';

  const call = (
    method: string,
    path: string,
    opts: { query?: string; body?: unknown; actor?: Actor } = {},
  ): Exchange => {
    const query = new URLSearchParams(opts.query ?? '');
    const response = service.handle({
      method,
      path,
      query,
      headers: {},
      body: opts.body,
      actor: opts.actor ?? priya,
      selfGenerated: false,
    }) as ProductResponse;
    const responseBody =
      response.body === undefined ? undefined : (JSON.parse(JSON.stringify(response.body)) as unknown);
    return { method, path, query, requestBody: opts.body, status: response.status, responseBody };
  };

  let nextPageToken = '';
  let transitionId = '';
  const exchanges: [string, () => Exchange, number][] = [
    [
      'get an issue with named fields',
      () => call('GET', `/rest/api/3/issue/${key}`, { query: 'fields=summary,status,assignee,parent' }),
      200,
    ],
    [
      'get an issue with expansions',
      () => call('GET', `/rest/api/3/issue/${key}`, { query: 'expand=renderedFields,names' }),
      200,
    ],
    [
      'search/jql, first page',
      () => {
        const ex = call('GET', '/rest/api/3/search/jql', {
          query: new URLSearchParams({ jql, fields: 'summary,status', maxResults: '2' }).toString(),
        });
        nextPageToken = (ex.responseBody as { nextPageToken?: string }).nextPageToken ?? '';
        return ex;
      },
      200,
    ],
    [
      'search/jql, next page',
      () =>
        call('GET', '/rest/api/3/search/jql', {
          query: new URLSearchParams({ jql, fields: 'summary', maxResults: '2', nextPageToken }).toString(),
        }),
      200,
    ],
    [
      'search/jql by POST',
      () =>
        call('POST', '/rest/api/3/search/jql', {
          body: { jql, fields: ['summary', 'status'], maxResults: 5 },
        }),
      200,
    ],
    [
      'approximate count',
      () => call('POST', '/rest/api/3/search/approximate-count', { body: { jql: 'project = LAUNCH' } }),
      200,
    ],
    [
      'Jira expression over a JQL page, with complexity',
      () =>
        call('POST', '/rest/api/3/expression/evaluate', {
          query: 'expand=meta.complexity',
          body: {
            expression: 'issues.map(i => [i.key, i.status.category.key, i.dueDate])',
            context: { issues: { jql: { query: 'project = LAUNCH', maxResults: 2 } } },
          },
        }),
      200,
    ],
    [
      'Jira expression refused',
      () => call('POST', '/rest/api/3/expression/evaluate', { body: { expression: 'issue.watchers +' } }),
      400,
    ],
    [
      'bulk fetch',
      () =>
        call('POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: [key], fields: ['summary'] } }),
      200,
    ],
    [
      'my permissions in a project',
      () =>
        call('GET', '/rest/api/3/mypermissions', {
          query: 'projectKey=LAUNCH&permissions=EDIT_ISSUES,BROWSE_PROJECTS',
        }),
      200,
    ],
    [
      'my permissions on an issue',
      () => call('GET', '/rest/api/3/mypermissions', { query: `issueKey=${key}&permissions=EDIT_ISSUES` }),
      200,
    ],
    ['myself', () => call('GET', '/rest/api/3/myself'), 200],
    [
      'users in bulk',
      () =>
        call('GET', '/rest/api/3/user/bulk', {
          query: `accountId=${PEOPLE.priya.accountId}&accountId=${PEOPLE.erik.accountId}`,
        }),
      200,
    ],
    [
      'transitions',
      () => {
        const ex = call('GET', `/rest/api/3/issue/${key}/transitions`);
        transitionId = (ex.responseBody as { transitions: { id: string }[] }).transitions[0]?.id ?? '';
        return ex;
      },
      200,
    ],
    ['comments', () => call('GET', `/rest/api/3/issue/${key}/comment`), 200],
    [
      'add a comment',
      () =>
        call('POST', `/rest/api/3/issue/${key}/comment`, {
          body: { body: adf('Please approve the pricing.') },
        }),
      201,
    ],
    [
      'set an issue property',
      () =>
        call('PUT', `/rest/api/3/issue/${key}/properties/accord-contract`, {
          body: { accountable: [PEOPLE.priya.accountId] },
        }),
      201,
    ],
    ['get an issue property', () => call('GET', `/rest/api/3/issue/${key}/properties/accord-contract`), 200],
    ['list issue property keys', () => call('GET', `/rest/api/3/issue/${key}/properties`), 200],
    [
      'delete an issue property',
      () => call('DELETE', `/rest/api/3/issue/${key}/properties/accord-contract`),
      204,
    ],
    [
      'edit an issue',
      () =>
        call('PUT', `/rest/api/3/issue/${key}`, {
          body: { fields: { summary: 'Renamed by the contract test' } },
        }),
      204,
    ],
    [
      'transition an issue',
      () =>
        call('POST', `/rest/api/3/issue/${key}/transitions`, { body: { transition: { id: transitionId } } }),
      204,
    ],
    [
      'an issue the person cannot browse',
      () => call('GET', `/rest/api/3/issue/${key}`, { actor: { kind: 'user', accountId: 'nobody' } }),
      404,
    ],
  ];

  it.each(exchanges)('%s', (_name, run, status) => {
    const ex = run();
    expect(ex.status).toBe(status);
    expect(checkExchange(spec, ex)).toEqual([]);
  });
});
