import { buildRolesProperty } from '../../src/domain/roles';
import { PEOPLE } from '../../local/seed/people';
import { measure, withSite, type ScenarioResult } from '../harness';

/**
 * Open the Roles panel cold on a subtask (LAUNCH-3 → story LAUNCH-2 → epic LAUNCH-1) whose roles name four
 * people. Accord: the panel reads from the browser as the viewer (no function invocation): the issue with its
 * `accord-roles` and `accord-responses` properties and `expand=editmeta` (empty without EDIT_ISSUES, so it
 * says whether to show edit controls); then every holder's name in one `user/bulk` — the same requests
 * static/roles-panel/src/read-roles.ts makes. Baseline: what a straightforward app does — a resolver reads the
 * issue, then the property, then each ancestor and its property, then each person one by one.
 */
export async function rolesPanelCold(): Promise<ScenarioResult> {
  return withSite(async (site) => {
    const viewer = PEOPLE.erik.accountId;
    const holders = [PEOPLE.erik, PEOPLE.amara, PEOPLE.david, PEOPLE.lucia].map((p) => p.accountId);
    const property = buildRolesProperty({
      framework: 'RACI',
      assignments: [
        { accountId: holders[0]!, role: 'accountable' },
        { accountId: holders[1]!, role: 'responsible' },
        { accountId: holders[2]!, role: 'consulted' },
        { accountId: holders[3]!, role: 'informed' },
      ],
      revision: 1,
      updatedAt: site.clock.now().toISOString(),
      updatedBy: viewer,
    });
    const put = await fetch(`${site.url}/rest/api/3/issue/LAUNCH-3/properties/accord-roles`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(property),
    });
    if (!put.ok) throw new Error(`Could not set up roles on LAUNCH-3 (HTTP ${put.status}).`);

    const accord = await measure(site, async (ctx) => {
      const issue = await ctx.rest(
        '/rest/api/3/issue/LAUNCH-3?fields=summary,issuetype,parent,issuelinks&properties=accord-roles,accord-responses&expand=editmeta',
        { as: viewer },
      );
      const roles = issue.body.properties['accord-roles'] as typeof property;
      const canEdit = Object.keys(issue.body.editmeta?.fields ?? {}).length > 0;
      if (!roles || roles.assignments.length !== 4 || !canEdit)
        throw new Error('The panel read did not find the four holders.');
      const ids = [...new Set(roles.assignments.map((a) => a.accountId))];
      const users = await ctx.rest(
        `/rest/api/3/user/bulk?${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}`,
        { as: viewer },
      );
      if (users.body.values.length !== 4) throw new Error('user/bulk did not return the four holders');
    });

    const baseline = await measure(site, async (ctx) => {
      let key: string | undefined = 'LAUNCH-3';
      let found: typeof property | undefined;
      while (key) {
        const issue = await ctx.rest(`/rest/api/3/issue/${key}`, { as: viewer });
        const prop = await ctx.rest(`/rest/api/3/issue/${key}/properties/accord-roles`, { as: viewer });
        if (prop.status === 200) found ??= prop.body.value;
        key = issue.body.fields.parent?.key;
      }
      for (const id of found?.assignments.map((a) => a.accountId) ?? []) {
        await ctx.rest(`/rest/api/3/user?accountId=${encodeURIComponent(id)}`, { as: viewer });
      }
    });

    return {
      scenario: 'roles-panel-cold',
      description:
        'Open the Roles panel cold on a subtask with four role holders (product calls, KVS, simulated latency).',
      accord,
      baseline,
    };
  });
}
