/** The issue context's only door to `invoke` (one `roles/get`) and to Jira as the viewer (one `user/bulk`). */
import { invoke, requestJira } from '@forge/bridge';
import type { RolesView } from '../../../src/shared/roles';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export interface ContextApi {
  getRoles(issueKey: string): Promise<RolesView>;
  /** Display names by account id, in one `user/bulk` call as the viewer; unknown people are left out. */
  names(accountIds: readonly string[]): Promise<Map<string, string>>;
}

export const contextApi: ContextApi = {
  getRoles: (issueKey) => call('roles/get', { issueKey }),
  async names(accountIds) {
    const names = new Map<string, string>();
    const unique = [...new Set(accountIds)];
    if (unique.length === 0) return names;
    const query = new URLSearchParams(unique.map((id) => ['accountId', id]));
    query.set('maxResults', String(unique.length));
    const response = await requestJira(`/rest/api/3/user/bulk?${query.toString()}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return names;
    const page = (await response.json()) as {
      values?: Array<{ accountId?: unknown; displayName?: unknown }>;
    };
    for (const user of page.values ?? []) {
      if (typeof user.accountId === 'string' && typeof user.displayName === 'string') {
        names.set(user.accountId, user.displayName);
      }
    }
    return names;
  },
};
