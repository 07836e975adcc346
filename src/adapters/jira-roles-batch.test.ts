import Database from 'better-sqlite3';
import { createJiraService } from '../../local/jira/jira-service';
import { ADMIN_PERMISSIONS, VIEWER_PERMISSIONS } from '../../local/jira/catalog';
import { createJiraRolesBatch } from './jira-roles-batch';
import type { JiraRequester } from './jira-issue-tracker';
import { route } from '../../test/support/jira-http';
import { defaultRetryPolicy } from './retrying-fetch';

const ERIK = '712020:erik';
const noWait = { ...defaultRetryPolicy, sleep: async () => undefined };

/** The adapter against the emulated Jira, as Erik; `answer` may replace Jira's answer to a path. */
function setup(answer?: (method: string, path: string) => number | undefined) {
  const jira = createJiraService({
    db: new Database(':memory:'),
    clock: { now: () => new Date('2026-11-27T10:00:00Z') },
    manifest: {},
    emit: () => undefined,
  });
  jira.seed({
    users: [{ accountId: ERIK, displayName: 'Erik' }],
    projects: [
      { key: 'EDIT', name: 'Editable' },
      { key: 'VIEW', name: 'View only' },
      { key: 'HIDE', name: 'Hidden' },
    ],
    permissions: [
      { accountId: ERIK, projectKey: 'EDIT', permissions: ADMIN_PERMISSIONS },
      { accountId: ERIK, projectKey: 'VIEW', permissions: VIEWER_PERMISSIONS },
    ],
    issues: ['EDIT-1', 'EDIT-2', 'VIEW-1', 'HIDE-1'].map((key) => ({ key, summary: key, issueType: 'Task' })),
  });
  const sent: string[] = [];
  const requester: JiraRequester = {
    async requestJira(path, init = {}) {
      const method = init.method ?? 'GET';
      const [p, q = ''] = String(path).split('?');
      sent.push(`${method} ${p}`);
      const forced = answer?.(method, p!);
      const res = forced
        ? { status: forced, body: { errorMessages: ['Rate limit exceeded.'] } }
        : await jira.handle({
            method,
            path: p!,
            query: new URLSearchParams(q),
            headers: {},
            body: init.body ? JSON.parse(init.body) : undefined,
            actor: { kind: 'user', accountId: ERIK },
            selfGenerated: false,
          });
      return {
        status: res.status,
        ok: res.status >= 200 && res.status < 300,
        headers: { get: () => null },
        json: async () => res.body,
        text: async () => JSON.stringify(res.body ?? ''),
      };
    },
  };
  return { jira, sent, batch: createJiraRolesBatch(requester, route, noWait) };
}

describe('createJiraRolesBatch', () => {
  it('reads a batch in one search and checks EDIT_ISSUES in one call, as the person', async () => {
    const { batch, sent } = setup();
    const issues = await batch.readIssues(['EDIT-1', 'EDIT-2', 'VIEW-1'], {
      properties: ['accord-roles'],
    });
    expect(issues.map((i) => i.key).sort()).toEqual(['EDIT-1', 'EDIT-2', 'VIEW-1']);
    const editable = await batch.editableIssueIds(issues.map((i) => i.id));
    expect(
      issues
        .filter((i) => editable.has(i.id))
        .map((i) => i.key)
        .sort(),
    ).toEqual(['EDIT-1', 'EDIT-2']);
    expect(sent).toEqual(['POST /rest/api/3/search/jql', 'POST /rest/api/3/permissions/check']);
  });

  it('falls back to bulkfetch when a key no longer exists or may no longer be browsed, and refuses malformed keys', async () => {
    const { batch, sent } = setup();
    const issues = await batch.readIssues(['EDIT-1', 'EDIT-9'], { properties: ['accord-roles'] });
    expect(issues.map((i) => i.key)).toEqual(['EDIT-1']);
    expect(sent).toEqual(['POST /rest/api/3/search/jql', 'POST /rest/api/3/issue/bulkfetch']);
    // Jira refuses a search naming an issue the person may not browse; bulkfetch leaves it out.
    const hidden = await batch.readIssues(['EDIT-1', 'HIDE-1'], { properties: ['accord-roles'] });
    expect(hidden.map((i) => i.key)).toEqual(['EDIT-1']);
    await expect(batch.readIssues(['EDIT-1) OR (project = HIDE'], { properties: [] })).rejects.toThrow(
      'malformed issue key',
    );
  });

  it('writes the property, and a 429 after the retries is an error, never a success', async () => {
    const { batch } = setup((method) => (method === 'PUT' ? 429 : undefined));
    await expect(batch.setProperty('EDIT-1', 'accord-roles', { v: 1 })).rejects.toMatchObject({
      status: 429,
    });
    const ok = setup();
    await ok.batch.setProperty('EDIT-1', 'accord-roles', { v: 1 });
    await expect(ok.batch.setProperty('VIEW-1', 'accord-roles', { v: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
