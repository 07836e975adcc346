import Database from 'better-sqlite3';
import { createJiraService, type JiraService } from './jira-service';
import type { JiraSeed } from './model';
import type { Actor, ForgeProductEvent, ProductRequest, ProductResponse } from '../platform/product-service';

/** A fixed clock: Monday 30 November 2026, 12:00 UTC. */
const NOW = new Date('2026-11-30T12:00:00.000Z');
const ANA = '712020:ana';
const BEN = '712020:ben';
const CAL = '712020:cal';

const manifest = {
  modules: {
    'jira:entityProperty': [
      {
        key: 'roles-index',
        entityType: 'issue',
        propertyKey: 'accord-roles',
        values: [
          { path: 'accountable', type: 'user', searchAlias: 'accordAccountable' },
          { path: 'consulted', type: 'user', searchAlias: 'accordConsulted' },
          { path: 'revision', type: 'number', searchAlias: 'accordRevision' },
        ],
      },
    ],
  },
};

const seed: JiraSeed = {
  users: [
    { accountId: ANA, displayName: 'Ana Alpha' },
    { accountId: BEN, displayName: 'Ben Beta' },
    { accountId: CAL, displayName: 'Cal Gamma' },
  ],
  projects: [
    { key: 'ENG', name: 'Engineering', leadAccountId: ANA },
    { key: 'OPS', name: 'Operations', leadAccountId: BEN },
  ],
  permissions: [
    { accountId: ANA, projectKey: 'ENG', permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] },
    { accountId: ANA, projectKey: 'OPS', permissions: ['BROWSE_PROJECTS'] },
    { accountId: BEN, projectKey: 'ENG', permissions: ['BROWSE_PROJECTS'] },
  ],
  issues: [
    {
      key: 'ENG-1',
      issueType: 'Epic',
      summary: 'Launch the new pricing',
      status: 'In Progress',
      priority: 'High',
      labels: ['launch'],
      assignee: ANA,
      created: '2026-11-01T09:00:00.000Z',
      updated: '2026-11-29T09:00:00.000Z',
      statusCategoryChangedDate: '2026-11-10T09:00:00.000Z',
      duedate: '2026-12-15',
      properties: { 'accord-roles': { accountable: [ANA], consulted: [BEN, CAL], revision: 3 } },
    },
    {
      key: 'ENG-2',
      issueType: 'Story',
      summary: 'Pricing page copy',
      description: 'Marketing wording for the tiers',
      status: 'Blocked',
      priority: 'Highest',
      labels: ['launch', 'copy'],
      assignee: BEN,
      parent: 'ENG-1',
      created: '2026-11-28T12:00:00.000Z',
      updated: '2026-11-30T10:00:00.000Z',
      statusCategoryChangedDate: '2026-11-25T09:00:00.000Z',
      duedate: '2026-11-30',
      properties: { 'accord-roles': { accountable: BEN, consulted: [ANA], revision: 1 } },
    },
    {
      key: 'ENG-3',
      issueType: 'Decision',
      summary: 'Choose billing provider',
      status: 'Done',
      priority: 'Low',
      parent: 'ENG-1',
      created: '2026-11-20T12:00:00.000Z',
      updated: '2026-11-29T12:00:00.000Z',
      resolutionDate: '2026-11-29T12:00:00.000Z',
      statusCategoryChangedDate: '2026-11-29T12:00:00.000Z',
      comments: [{ author: ANA, body: 'Stripe wins on coverage' }],
    },
    {
      key: 'ENG-10',
      issueType: 'Task',
      summary: 'Tidy the backlog',
      status: 'To Do',
      priority: 'Medium',
      created: '2026-11-30T11:00:00.000Z',
      updated: '2026-11-30T11:00:00.000Z',
    },
    {
      key: 'OPS-1',
      issueType: 'Task',
      summary: 'Rotate pricing secrets',
      status: 'To Do',
      assignee: ANA,
      created: '2026-11-15T12:00:00.000Z',
    },
  ],
};

let jira: JiraService;
const events: ForgeProductEvent[] = [];

beforeAll(() => {
  jira = createJiraService({
    db: new Database(':memory:'),
    clock: { now: () => NOW },
    manifest,
    emit: (e) => events.push(e),
  });
  jira.seed(seed);
});

const request = (method: string, path: string, body: unknown, actor: Actor): ProductRequest => ({
  method,
  path: `/rest/api/3${path}`,
  query: new URLSearchParams(),
  headers: {},
  body,
  actor,
  selfGenerated: false,
});

async function search(jql: string, actor: Actor = { kind: 'app' }): Promise<ProductResponse> {
  return jira.handle(request('POST', '/search/jql', { jql, fields: ['key'], maxResults: 100 }, actor));
}

async function keys(jql: string, actor: Actor = { kind: 'app' }): Promise<string[]> {
  const res = await search(jql, actor);
  if (res.status !== 200) throw new Error(`${jql} → ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key);
}

const sorted = (list: string[]) => [...list].sort();

describe('JQL evaluation (fixed clock 2026-11-30T12:00Z)', () => {
  const cases: Array<[string, string[]]> = [
    ['project = ENG', ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-10']],
    ['project in (ENG, OPS) AND issuetype = Task', ['ENG-10', 'OPS-1']],
    ['key = ENG-2', ['ENG-2']],
    ['issuekey in (ENG-1, OPS-1)', ['ENG-1', 'OPS-1']],
    ['issue in (ENG-3)', ['ENG-3']],
    ['key > ENG-2', ['ENG-3', 'ENG-10']],
    ['summary ~ pricing', ['ENG-1', 'ENG-2', 'OPS-1']],
    ['summary ~ "pricing page"', ['ENG-2']],
    ['summary !~ pricing AND project = ENG', ['ENG-3', 'ENG-10']],
    ['text ~ stripe', ['ENG-3']],
    ['text ~ wording', ['ENG-2']],
    ['status = Blocked', ['ENG-2']],
    ['status in ("To Do", Done)', ['ENG-3', 'ENG-10', 'OPS-1']],
    ['status != Done AND project = ENG', ['ENG-1', 'ENG-2', 'ENG-10']],
    ['statusCategory = "In Progress"', ['ENG-1', 'ENG-2']],
    ['statusCategory = done', ['ENG-3']],
    ['statusCategory != Done AND project = ENG', ['ENG-1', 'ENG-2', 'ENG-10']],
    ['type = Decision', ['ENG-3']],
    ['issuetype in (Epic, Story)', ['ENG-1', 'ENG-2']],
    ['parent = ENG-1', ['ENG-2', 'ENG-3']],
    ['parent in (ENG-1) AND status != Done', ['ENG-2']],
    ['priority >= High', ['ENG-1', 'ENG-2']],
    ['priority < Medium', ['ENG-3']],
    ['priority = Medium', ['ENG-10', 'OPS-1']],
    ['labels = launch', ['ENG-1', 'ENG-2']],
    ['labels in (copy)', ['ENG-2']],
    // Jira's != never matches an empty field.
    ['labels != copy', ['ENG-1']],
    ['labels is EMPTY AND project = ENG', ['ENG-3', 'ENG-10']],
    ['assignee = "712020:ana"', ['ENG-1', 'OPS-1']],
    ['assignee is EMPTY', ['ENG-3', 'ENG-10']],
    ['assignee = null', ['ENG-3', 'ENG-10']],
    ['assignee is not EMPTY AND project = ENG', ['ENG-1', 'ENG-2']],
    ['assignee in ("712020:ben", EMPTY) AND project = ENG', ['ENG-2', 'ENG-3', 'ENG-10']],
    ['assignee != "712020:ana"', ['ENG-2']],
    ['created >= -48h', ['ENG-2', 'ENG-10']],
    ['created >= -2d', ['ENG-2', 'ENG-10']],
    ['created > -1w', ['ENG-2', 'ENG-10']],
    ['created < "2026-11-10"', ['ENG-1']],
    ['created >= "2026/11/20 12:00" AND created <= "2026-11-28 12:00"', ['ENG-2', 'ENG-3']],
    ['created >= startOfDay()', ['ENG-10']],
    ['created > startOfDay(-3)', ['ENG-2', 'ENG-10']],
    ['updated >= startOfDay(-1d) AND updated < now()', ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-10']],
    ['duedate <= now()', ['ENG-2']],
    ['duedate < "2026-12-31" AND duedate > "2026-12-01"', ['ENG-1']],
    ['due is EMPTY AND project = ENG', ['ENG-3', 'ENG-10']],
    ['statusCategoryChangedDate <= -3d AND statusCategory = "In Progress"', ['ENG-1', 'ENG-2']],
    ['statusCategoryChangedDate <= -10d', ['ENG-1', 'OPS-1']],
    ['resolutiondate >= -2d', ['ENG-3']],
    ['resolution = Unresolved AND project = ENG', ['ENG-1', 'ENG-2', 'ENG-10']],
    ['resolution = Done', ['ENG-3']],
    ['resolution is not EMPTY', ['ENG-3']],
    ['NOT status = Done AND project = OPS', ['OPS-1']],
    ['project = ENG AND (status = Blocked OR priority = Low)', ['ENG-2', 'ENG-3']],
    ['project = ENG AND NOT (status = Blocked OR priority = Low)', ['ENG-1', 'ENG-10']],
    // Entity property aliases declared by the manifest.
    ['accordAccountable = "712020:ana"', ['ENG-1']],
    ['accordAccountable = "712020:ben"', ['ENG-2']],
    ['accordConsulted in ("712020:cal", "712020:zed")', ['ENG-1']],
    ['accordConsulted = "712020:ana"', ['ENG-2']],
    ['accordAccountable is EMPTY AND project = ENG', ['ENG-3', 'ENG-10']],
    ['accordRevision >= 2', ['ENG-1']],
    ['issue.property[accord-roles].accountable = "712020:ben"', ['ENG-2']],
  ];

  it.each(cases)('%s', async (jql, expected) => {
    expect(sorted(await keys(jql))).toEqual(sorted(expected));
  });

  it('currentUser() is the acting user, for system fields and property aliases', async () => {
    const ana = { kind: 'user', accountId: ANA } as const;
    expect(sorted(await keys('assignee = currentUser()', ana))).toEqual(['ENG-1', 'OPS-1']);
    expect(await keys('accordAccountable = currentUser()', ana)).toEqual(['ENG-1']);
    expect(await keys('accordConsulted = currentUser()', { kind: 'user', accountId: CAL })).toEqual([]);
    // The app has no user: currentUser() matches nothing.
    expect(await keys('assignee = currentUser()')).toEqual([]);
  });

  it('filters results to what the actor may browse', async () => {
    expect(sorted(await keys('summary ~ pricing', { kind: 'user', accountId: BEN }))).toEqual([
      'ENG-1',
      'ENG-2',
    ]);
    // Naming a project the actor may not browse is refused as if it did not exist, as on Jira Cloud.
    const refused = await search('project = OPS', { kind: 'user', accountId: CAL });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errorMessages: ["The value 'OPS' does not exist for the field 'project'."],
    });
    expect(await keys('project = OPS')).not.toEqual([]);
  });
});

describe('JQL ORDER BY', () => {
  const cases: Array<[string, string[]]> = [
    ['project = ENG ORDER BY key ASC', ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-10']],
    ['project = ENG ORDER BY key DESC', ['ENG-10', 'ENG-3', 'ENG-2', 'ENG-1']],
    ['project = ENG ORDER BY priority DESC', ['ENG-2', 'ENG-1', 'ENG-10', 'ENG-3']],
    ['project = ENG ORDER BY created', ['ENG-1', 'ENG-3', 'ENG-2', 'ENG-10']],
    ['project = ENG ORDER BY status ASC, key DESC', ['ENG-10', 'ENG-1', 'ENG-2', 'ENG-3']],
    // Empty due dates sort last ascending.
    ['project = ENG ORDER BY duedate ASC, key ASC', ['ENG-2', 'ENG-1', 'ENG-3', 'ENG-10']],
    ['project = ENG ORDER BY assignee ASC, created DESC', ['ENG-1', 'ENG-2', 'ENG-10', 'ENG-3']],
    ['project = ENG ORDER BY summary', ['ENG-3', 'ENG-1', 'ENG-2', 'ENG-10']],
  ];
  it.each(cases)('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it('defaults to newest first without ORDER BY', async () => {
    expect(await keys('project = ENG')).toEqual(['ENG-10', 'ENG-3', 'ENG-2', 'ENG-1']);
  });
});

describe('JQL errors are 400 with Jira wording, and change nothing', () => {
  const cases: Array<[string, RegExp]> = [
    [
      'project = ',
      /^Error in the JQL Query: Expecting either a value, list or function but got end of query\./,
    ],
    ['foo bar baz', /^Error in the JQL Query: Expecting operator but got 'bar'/],
    [
      'project = ENG status = Done',
      /^Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'/,
    ],
    ['frobnicate = 1', /^Field 'frobnicate' does not exist or you do not have permission to view it\.$/],
    ['project = NOPE', /^The value 'NOPE' does not exist for the field 'project'\.$/],
    ['status = Sleeping', /^The value 'Sleeping' does not exist for the field 'status'\.$/],
    ['priority = Urgent', /^The value 'Urgent' does not exist for the field 'priority'\.$/],
    ['summary = pricing', /^The operator '=' is not supported by the 'summary' field\.$/],
    ['labels > a', /^The operator '>' is not supported by the 'labels' field\.$/],
    ['created > yesterday', /^Date value 'yesterday' for field 'created' is invalid\./],
    ['key = ENG-999', /^An issue with key 'ENG-999' does not exist for field 'key'\.$/],
    ['assignee = frobnicate()', /^Unable to find JQL function 'frobnicate\(\)'\.$/],
    ['project = ENG ORDER BY frobnicate', /^Field 'frobnicate' does not exist/],
    ['order by created', /^Unbounded JQL queries are not allowed here\./],
  ];
  it.each(cases)('%s', async (jql, message) => {
    const before = jira.counts().calls;
    const res = await search(jql);
    expect(res.status).toBe(400);
    const body = res.body as { errorMessages: string[]; errors: Record<string, string> };
    expect(body.errors).toEqual({});
    expect(body.errorMessages[0]).toMatch(message);
    expect(jira.counts().calls).toBe(before + 1);
  });

  it('approximate-count accepts an unbounded query but rejects a bad one', async () => {
    const ok = await jira.handle(
      request('POST', '/search/approximate-count', { jql: 'order by key' }, { kind: 'app' }),
    );
    expect(ok).toEqual({ status: 200, body: { count: 5 } });
    const bad = await jira.handle(
      request('POST', '/search/approximate-count', { jql: 'status = Nope' }, { kind: 'app' }),
    );
    expect(bad.status).toBe(400);
  });

  it('jql/parse reports each query', async () => {
    const res = await jira.handle(
      request('POST', '/jql/parse', { queries: ['project = ENG', 'nope = 1'] }, { kind: 'app' }),
    );
    expect(res.body).toEqual({
      queries: [
        { query: 'project = ENG' },
        {
          query: 'nope = 1',
          errors: ["Field 'nope' does not exist or you do not have permission to view it."],
        },
      ],
    });
  });

  it('gives the same answer when the same query runs twice (the parser must not be reused)', async () => {
    const first = await keys('labels = launch', { kind: 'user', accountId: ANA });
    expect(await keys('labels = launch', { kind: 'user', accountId: BEN })).toEqual(first);
  });

  it('emits no events for searches', () => {
    expect(events).toEqual([]);
  });
});
