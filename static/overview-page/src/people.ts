/**
 * Owners' names and avatars, asked from Jira by the browser as the viewer (free: no function runs, and
 * Jira only shows people the viewer may see). Accord itself stores account ids only.
 */
import { requestJira } from '@forge/bridge';

export interface Person {
  accountId: string;
  displayName: string;
  avatarUrl?: string;
}

/** `GET /rest/api/3/user/bulk` takes at most this many ids per call. */
const BULK_LIMIT = 90;

interface BulkUser {
  accountId: string;
  displayName?: string;
  avatarUrls?: Record<string, string>;
}

export async function fetchPeople(accountIds: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(accountIds)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BULK_LIMIT) batches.push(unique.slice(i, i + BULK_LIMIT));
  const people = new Map<string, Person>();
  // A handful of batches at most (90 owners each): all in flight together.
  await Promise.all(
    batches.map(async (batch) => {
      const query = new URLSearchParams(batch.map((id) => ['accountId', id]));
      query.set('maxResults', String(batch.length));
      const response = await requestJira(`/rest/api/3/user/bulk?${query.toString()}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`Jira answered ${response.status} when looking up people.`);
      const page = (await response.json()) as { values?: BulkUser[] };
      for (const user of page.values ?? []) {
        people.set(user.accountId, {
          accountId: user.accountId,
          displayName: user.displayName ?? 'Unknown person',
          ...(user.avatarUrls?.['24x24'] || user.avatarUrls?.['48x48']
            ? { avatarUrl: user.avatarUrls['24x24'] ?? user.avatarUrls['48x48'] }
            : {}),
        });
      }
    }),
  );
  return people;
}
