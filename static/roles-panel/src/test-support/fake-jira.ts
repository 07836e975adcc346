/** A fake `requestJira` for the panel's tests: answers by path, records every call in order. */
import type { JiraAnswer, JiraRequest } from '../jira-request';

export type Route = (path: string, query: URLSearchParams) => { status: number; body?: unknown } | undefined;

export interface FakeJira {
  request: JiraRequest;
  calls: string[];
}

export function fakeJira(...routes: Route[]): FakeJira {
  const calls: string[] = [];
  const editable = routes.find((r): r is EditPermission => 'editable' in r)?.editable ?? false;
  const request: JiraRequest = async (path) => {
    calls.push(path);
    const url = new URL(path, 'https://jira.test');
    for (const route of routes) {
      const answer = route(url.pathname, url.searchParams);
      if (answer) return respond(answer.status, withEditmeta(answer.body, url, editable));
    }
    return respond(404, { errorMessages: [`No fake for ${path}`] });
  };
  return { request, calls };
}

function respond(status: number, body: unknown): JiraAnswer {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

export const ERIK = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02';
export const AMARA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e03';
export const DAVID = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e05';
export const GRACE = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e07';

export const NAMES: Record<string, string> = {
  [ERIK]: 'Erik Lindqvist (Engineering Lead)',
  [AMARA]: 'Amara Okafor (Engineer)',
  [DAVID]: 'David Chen (Legal Counsel)',
  [GRACE]: 'Grace Miller (VP Product)',
};

/** `user/bulk` and `user/search` over {@link NAMES}. */
export const users: Route = (path, query) => {
  if (path === '/rest/api/3/user/bulk') {
    const ids = query.getAll('accountId').filter((id) => NAMES[id]);
    return {
      status: 200,
      body: { values: ids.map((accountId) => ({ accountId, displayName: NAMES[accountId], active: true })) },
    };
  }
  if (path === '/rest/api/3/user/search') {
    const q = (query.get('query') ?? '').toLowerCase();
    const found = Object.entries(NAMES).filter(([, name]) =>
      name
        .toLowerCase()
        .split(/[\s()]+/)
        .some((w) => w.startsWith(q)),
    );
    return {
      status: 200,
      body: found.map(([accountId, displayName]) => ({
        accountId,
        displayName,
        active: true,
        accountType: 'atlassian',
      })),
    };
  }
  return undefined;
};

type EditPermission = Route & { editable: boolean };

/** Whether the viewer may edit: issue reads with `expand=editmeta` then list editable fields (or none). */
export const permissions = (canEdit: boolean): EditPermission =>
  Object.assign((() => undefined) as Route, { editable: canEdit });

/** Jira's `editmeta`: the fields the viewer may edit, empty without EDIT_ISSUES. */
function withEditmeta(body: unknown, url: URL, editable: boolean): unknown {
  const wantsEditmeta = (url.searchParams.get('expand') ?? '').split(',').includes('editmeta');
  if (
    !wantsEditmeta ||
    !url.pathname.startsWith('/rest/api/3/issue/') ||
    typeof body !== 'object' ||
    body === null
  ) {
    return body;
  }
  const summary = {
    required: true,
    schema: { type: 'string', system: 'summary' },
    name: 'Summary',
    key: 'summary',
    operations: ['set'],
  };
  return { ...body, editmeta: { fields: editable ? { summary } : {} } };
}

/** One issue with optional parent and properties. */
export const issue =
  (
    key: string,
    opts: { type?: string; parent?: string; properties?: Record<string, unknown>; blocks?: boolean } = {},
  ): Route =>
  (path, query) => {
    if (path !== `/rest/api/3/issue/${key}`) return undefined;
    const wanted = (query.get('properties') ?? '').split(',');
    const properties = Object.fromEntries(
      Object.entries(opts.properties ?? {}).filter(([k]) => wanted.includes(k)),
    );
    return {
      status: 200,
      body: {
        id: '10001',
        key,
        fields: {
          summary: `Summary of ${key}`,
          issuetype: { name: opts.type ?? 'Story' },
          ...(opts.parent ? { parent: { key: opts.parent } } : {}),
          issuelinks: opts.blocks ? [{ type: { name: 'Blocks' }, outwardIssue: { key: 'OTHER-1' } }] : [],
        },
        properties,
      },
    };
  };

/** A stored `accord-roles` document. */
export function rolesProperty(
  framework: 'RACI' | 'DACI',
  assignments: Array<{ accountId: string; role: string }>,
  revision = 1,
  updatedBy = ERIK,
) {
  const byRole = (role: string) => assignments.filter((a) => a.role === role).map((a) => a.accountId);
  return {
    version: 1,
    framework,
    assignments,
    revision,
    updatedAt: '2026-03-01T10:00:00.000Z',
    updatedBy,
    responsible: byRole('responsible'),
    accountable: byRole('accountable'),
    consulted: byRole('consulted'),
    informed: byRole('informed'),
    driver: byRole('driver'),
    approver: byRole('approver'),
    contributor: byRole('contributor'),
  };
}
