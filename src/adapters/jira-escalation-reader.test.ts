import { UpstreamError } from '../app/errors';
import { createJiraEscalationReader } from './jira-escalation-reader';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import type { MinimalResponse } from './retrying-fetch';
import { defaultRetryPolicy } from './retrying-fetch';

const route: RouteBuilder = (strings, ...values) =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
const noWait = { ...defaultRetryPolicy, sleep: async () => undefined };

const reply = (body: unknown, status = 200): MinimalResponse => ({
  status,
  ok: status >= 200 && status < 300,
  headers: { get: () => null },
  json: async () => body,
  text: async () => JSON.stringify(body ?? ''),
});

/** A reader over a fake Jira: `answer` gets the method and path (without the query) of every call. */
function setup(answer: (method: string, path: string) => MinimalResponse | Promise<MinimalResponse>) {
  const sent: string[] = [];
  const requester: JiraRequester = {
    async requestJira(path, init = {}) {
      const method = init.method ?? 'GET';
      const p = String(path).split('?')[0]!;
      sent.push(`${method} ${p}`);
      return answer(method, p);
    },
  };
  return { sent, reader: createJiraEscalationReader(requester, route, { retry: noWait }) };
}

const issue = (n: number, extra: Record<string, unknown> = {}) => ({
  id: String(1000 + n),
  key: `ESC-${n}`,
  fields: {
    summary: `Issue ${n}`,
    project: { key: 'ESC' },
    issuetype: { name: 'Task', hierarchyLevel: 0 },
    status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
    created: '2026-11-01T09:00:00.000+0000',
  },
  ...extra,
});
const change = (created: unknown, to: string) => ({ created, items: [{ field: 'status', toString: to }] });

/** An issue whose search changelog is cut, so its last changelog page is read separately. */
const longHistory = (n: number) =>
  issue(n, { changelog: { histories: [change('2026-11-02T09:00:00.000+0000', 'Open')], total: 150 } });

const searchAnswer = (issues: unknown[], changelog: unknown) => (method: string, path: string) =>
  path === '/rest/api/3/search/jql'
    ? reply({ issues })
    : path.endsWith('/changelog')
      ? reply(changelog)
      : reply({}, 404);

describe('createJiraEscalationReader', () => {
  it('maps a good answer as before: fields, status history oldest first, created as ISO', async () => {
    const { reader } = setup(
      searchAnswer(
        [
          issue(1, {
            changelog: {
              histories: [
                change('2026-11-03T09:00:00.000+0000', 'Blocked'),
                change('2026-11-02T09:00:00.000+0000', 'In Progress'),
                { created: '2026-11-02T10:00:00.000+0000', items: [{ field: 'assignee', toString: 'Erik' }] },
              ],
              total: 3,
            },
          }),
        ],
        undefined,
      ),
    );
    const page = await reader.search('project = ESC', { maxResults: 50 });
    expect(page.issues).toHaveLength(1);
    expect(page.issues[0]).toMatchObject({
      id: '1001',
      key: 'ESC-1',
      projectKey: 'ESC',
      created: '2026-11-01T09:00:00.000Z',
      statusHistory: [
        { status: 'In Progress', since: '2026-11-02T09:00:00.000Z' },
        { status: 'Blocked', since: '2026-11-03T09:00:00.000Z' },
      ],
    });
  });

  it('skips history entries with an unparseable date or items that are not a list, instead of throwing', async () => {
    const { reader } = setup(
      searchAnswer(
        [
          issue(1, {
            fields: { ...issue(1).fields, created: 'not a date' },
            changelog: {
              histories: [
                change('yesterday-ish', 'Blocked'),
                change('2026-11-02T09:00:00.000+0000', 'In Progress'),
                { created: '2026-11-04T09:00:00.000+0000', items: 'status' },
                { created: '2026-11-05T09:00:00.000+0000' },
                null,
                { created: '2026-11-06T09:00:00.000+0000', items: [null, { field: 'status', toString: 7 }] },
              ],
              total: 6,
            },
          }),
        ],
        undefined,
      ),
    );
    const [only] = (await reader.search('project = ESC', { maxResults: 50 })).issues;
    expect(only!.statusHistory).toEqual([{ status: 'In Progress', since: '2026-11-02T09:00:00.000Z' }]);
    expect(only!.created).toBe(new Date(0).toISOString());
  });

  it('skips issues without an id or key and keeps the rest of the page', async () => {
    const noId = { ...issue(2), id: undefined };
    const noKey = { ...issue(3), key: 33 };
    const { reader } = setup(searchAnswer([issue(1), noId, noKey, null, 'ESC-4'], undefined));
    const page = await reader.search('project = ESC', { maxResults: 50 });
    expect(page.issues.map((i) => [i.id, i.key])).toEqual([['1001', 'ESC-1']]);
  });

  it('reads the last changelog page of a long history', async () => {
    const { reader, sent } = setup(
      searchAnswer([longHistory(1)], { values: [change('2026-11-20T09:00:00.000+0000', 'Done')] }),
    );
    const [only] = (await reader.search('project = ESC', { maxResults: 50 })).issues;
    expect(sent).toEqual(['POST /rest/api/3/search/jql', 'GET /rest/api/3/issue/ESC-1/changelog']);
    expect(only!.statusHistory).toEqual([{ status: 'Done', since: '2026-11-20T09:00:00.000Z' }]);
  });

  it.each([
    ['values not a list', { values: { 0: {} } }],
    ['values missing', {}],
    ['a null body', null],
  ])('throws a clear 502 when a changelog page has %s', async (_, body) => {
    const { reader } = setup(searchAnswer([longHistory(1)], body));
    const err = await reader.search('project = ESC', { maxResults: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({
      status: 502,
      message: 'Jira answered the history of ESC-1 with an unexpected shape.',
    });
  });

  it.each([
    ['a null body', null],
    ['issues not a list', { issues: { 0: issue(1) } }],
  ])('throws a clear 502 when the search answer is %s', async (_, body) => {
    const { reader } = setup(() => reply(body));
    await expect(reader.search('project = ESC', { maxResults: 50 })).rejects.toMatchObject({
      status: 502,
      message: 'Jira answered the search with an unexpected shape.',
    });
  });

  it('throws a clear 502 on a null bulk fetch body, and reads a body without issues as none', async () => {
    const nullBody = setup(() => reply(null)).reader;
    await expect(nullBody.fetch(['ESC-1'])).rejects.toMatchObject({
      status: 502,
      message: 'Jira answered the issues with an unexpected shape.',
    });
    const empty = setup(() => reply({ issueErrors: [] })).reader;
    await expect(empty.fetch(['ESC-1'])).resolves.toEqual([]);
  });

  it('has at most 5 changelog reads in flight for a 100-issue page', async () => {
    let inFlight = 0;
    let peak = 0;
    const issues = Array.from({ length: 100 }, (_, n) => longHistory(n + 1));
    const { reader, sent } = setup(async (_, path) => {
      if (path === '/rest/api/3/search/jql') return reply({ issues });
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return reply({ values: [change('2026-11-20T09:00:00.000+0000', 'Done')] });
    });
    const page = await reader.search('project = ESC', { maxResults: 100 });
    expect(page.issues).toHaveLength(100);
    expect(sent.filter((s) => s.endsWith('/changelog'))).toHaveLength(100);
    expect(peak).toBe(5);
  });
});
