import { readRoles, readResponses } from './read-roles';
import { JiraReadError } from './jira-request';
import {
  AMARA,
  DAVID,
  ERIK,
  GRACE,
  fakeJira,
  issue,
  permissions,
  rolesProperty,
  users,
} from './test-support/fake-jira';

const ownRoles = rolesProperty(
  'RACI',
  [
    { accountId: ERIK, role: 'accountable' },
    { accountId: AMARA, role: 'responsible' },
    { accountId: DAVID, role: 'consulted' },
  ],
  3,
);

test('an issue with its own roles: ONE issue read (roles, responses, editmeta), then ONE user/bulk', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', { parent: 'LAUNCH-1', properties: { 'accord-roles': ownRoles } }),
    permissions(true),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-2');

  expect(jira.calls).toHaveLength(2);
  const [issueCall, bulkCall] = jira.calls.map((c) => new URL(c, 'https://x'));
  expect(issueCall!.pathname).toBe('/rest/api/3/issue/LAUNCH-2');
  expect(issueCall!.searchParams.get('fields')).toBe('summary,issuetype,parent,issuelinks');
  expect(issueCall!.searchParams.get('properties')).toBe(
    'accord-roles,accord-responses,accord-decisions,accord-brief',
  );
  expect(issueCall!.searchParams.get('expand')).toBe('editmeta');
  expect(bulkCall!.pathname).toBe('/rest/api/3/user/bulk');
  expect(bulkCall!.searchParams.getAll('accountId').sort()).toEqual([AMARA, DAVID, ERIK].sort());

  expect(data.view).toMatchObject({
    issueKey: 'LAUNCH-2',
    framework: 'RACI',
    source: 'issue',
    revision: 3,
    canEdit: true,
    updatedBy: ERIK,
    updatedAt: '2026-03-01T10:00:00.000Z',
    findings: [],
  });
  expect(data.view.assignments).toHaveLength(3);
  expect(data.parentKey).toBe('LAUNCH-1');
  expect(data.people.get(AMARA)?.displayName).toBe('Amara Okafor (Engineer)');
});

test('no roles of its own: walks up the parents as the viewer and stops at the first with roles', async () => {
  const jira = fakeJira(
    issue('LAUNCH-3', { type: 'Subtask', parent: 'LAUNCH-2' }),
    issue('LAUNCH-2', { parent: 'LAUNCH-1', properties: { 'accord-roles': ownRoles } }),
    issue('LAUNCH-1', { type: 'Epic' }),
    permissions(false),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-3');
  expect(data.view).toMatchObject({
    source: 'inherited',
    inheritedFrom: 'LAUNCH-2',
    revision: 0,
    canEdit: false,
  });
  expect(data.view.assignments.map((a) => a.role)).toEqual(['accountable', 'responsible', 'consulted']);
  // LAUNCH-1 is never read: LAUNCH-2 already had roles.
  expect(jira.calls.filter((c) => c.includes('/issue/LAUNCH-1'))).toEqual([]);
  const ancestorCall = new URL(
    jira.calls.find((c) => c.includes('/issue/LAUNCH-2'))!,
    'https://x',
  );
  expect(ancestorCall.searchParams.get('properties')).toBe('accord-roles,accord-brief');
});

test('an ancestor the viewer cannot see ends the walk: no roles, the default framework', async () => {
  const jira = fakeJira(
    issue('LAUNCH-5', { type: 'Decision', parent: 'SECRET-1' }),
    permissions(true),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-5');
  expect(data.view).toMatchObject({ source: 'none', framework: 'DACI', assignments: [], findings: [] });
  // No one to name: no user/bulk call at all.
  expect(jira.calls.some((c) => c.includes('user/bulk'))).toBe(false);
});

test('findings come from the domain, with names, and "blocks" links count as dependents', async () => {
  const jira = fakeJira(
    issue('LAUNCH-5', {
      type: 'Decision',
      blocks: true,
      properties: {
        'accord-roles': rolesProperty('DACI', [
          { accountId: ERIK, role: 'driver' },
          { accountId: ERIK, role: 'approver' },
        ]),
      },
    }),
    permissions(true),
    users,
  );
  const { view } = await readRoles(jira.request, 'LAUNCH-5');
  expect(view.findings.map((f) => f.code)).toEqual(['driver-is-approver', 'nobody-informed-with-dependents']);
  expect(view.findings[0]!.message).toContain('Erik Lindqvist (Engineering Lead) both drives and approves');
});

test('responses are read from accord-responses and only count for people who still hold the role', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', {
      properties: {
        'accord-roles': ownRoles,
        'accord-responses': {
          version: 1,
          responses: [
            { accountId: DAVID, kind: 'sign-off', at: '2026-03-02T10:00:00.000Z' },
            { accountId: GRACE, kind: 'acknowledge', at: '2026-03-02T10:00:00.000Z' },
          ],
        },
      },
    }),
    permissions(true),
    users,
  );
  const { view } = await readRoles(jira.request, 'LAUNCH-2');
  expect(view.responses).toEqual([{ accountId: DAVID, kind: 'sign-off', at: '2026-03-02T10:00:00.000Z' }]);
});

test('a damaged roles document reads as a finding, never an exception', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', { properties: { 'accord-roles': { version: 9, revision: 4 } } }),
    permissions(true),
    users,
  );
  const { view } = await readRoles(jira.request, 'LAUNCH-2');
  expect(view.source).toBe('none');
  expect(view.revision).toBe(4);
  expect(view.findings[0]!.message).toContain('newer version of Accord');
});

test('an issue the viewer cannot see is an error that says what to do', async () => {
  const jira = fakeJira(permissions(true));
  const error = await readRoles(jira.request, 'LEGAL-1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JiraReadError);
  expect((error as Error).message).toBe(
    'LEGAL-1 does not exist or you do not have permission to see it. Check the issue, or ask a project admin for access.',
  );
});

test('a failing user lookup still shows the roles, with a sentence about the names', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', { properties: { 'accord-roles': ownRoles } }),
    permissions(true),
    (path) => (path.startsWith('/rest/api/3/user') ? { status: 500 } : undefined),
  );
  const data = await readRoles(jira.request, 'LAUNCH-2');
  expect(data.view.assignments).toHaveLength(3);
  expect(data.people.size).toBe(0);
  expect(data.peopleError).toContain('reload the issue');
});

test('an issue whose editmeta lists no field (no EDIT_ISSUES) reads as view-only', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', { properties: { 'accord-roles': ownRoles } }),
    users,
    permissions(false),
  );
  expect((await readRoles(jira.request, 'LAUNCH-2')).view.canEdit).toBe(false);
  const editable = fakeJira(
    issue('LAUNCH-2', { properties: { 'accord-roles': ownRoles } }),
    users,
    permissions(true),
  );
  expect((await readRoles(editable.request, 'LAUNCH-2')).view.canEdit).toBe(true);
});

test.each([
  [undefined, []],
  ['text', []],
  [
    [{ accountId: ERIK, kind: 'acknowledge', at: '2026-01-01T00:00:00Z' }],
    [{ accountId: ERIK, kind: 'acknowledge', at: '2026-01-01T00:00:00Z' }],
  ],
  [{ responses: [{ accountId: ERIK, kind: 'shrug', at: 'x' }, { kind: 'sign-off' }] }, []],
])('readResponses(%p)', (raw, expected) => {
  expect(readResponses(raw)).toEqual(expected);
});
