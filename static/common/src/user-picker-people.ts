/**
 * People for the user picker, read by the browser from Jira as the viewer (`requestJira`): search with
 * `user/search`, names of stored account ids with `user/bulk`. Accord stores account ids only, never names.
 */
import { JSON_HEADERS, JiraReadError, type JiraRequest } from './jira-request';

export type { JiraAnswer, JiraRequest } from './jira-request';

export interface Person {
  accountId: string;
  displayName: string;
  avatarUrl?: string;
}

/** user/bulk takes at most this many ids per call. */
const BULK_LIMIT = 90;

interface JiraUser {
  accountId?: unknown;
  displayName?: unknown;
  accountType?: unknown;
  active?: unknown;
  avatarUrls?: Record<string, string>;
}

function toPerson(user: JiraUser): Person | undefined {
  if (typeof user.accountId !== 'string') return undefined;
  const avatarUrl = user.avatarUrls?.['48x48'] ?? user.avatarUrls?.['32x32'];
  return {
    accountId: user.accountId,
    displayName: typeof user.displayName === 'string' ? user.displayName : 'Unknown person',
    ...(avatarUrl ? { avatarUrl } : {}),
  };
}

/** Everyone in `accountIds`, in one `user/bulk` call per 90 people (one call for any real issue). */
export async function fetchPeople(
  request: JiraRequest,
  accountIds: readonly string[],
): Promise<Map<string, Person>> {
  const unique = [...new Set(accountIds)].filter((id) => id !== '');
  const people = new Map<string, Person>();
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BULK_LIMIT) batches.push(unique.slice(i, i + BULK_LIMIT));
  await Promise.all(
    batches.map(async (batch) => {
      const query = new URLSearchParams(batch.map((id): [string, string] => ['accountId', id]));
      query.set('maxResults', String(batch.length));
      const response = await request(`/rest/api/3/user/bulk?${query.toString()}`, JSON_HEADERS);
      if (!response.ok) {
        throw new JiraReadError(`Jira answered ${response.status} when looking up people.`, response.status);
      }
      const page = (await response.json()) as { values?: JiraUser[] };
      for (const user of page.values ?? []) {
        const person = toPerson(user);
        if (person) people.set(person.accountId, person);
      }
    }),
  );
  return people;
}

/** Display names of `accountIds` (one `user/bulk` call); a failed read gives an empty map, never an error. */
export async function fetchNames(
  request: JiraRequest,
  accountIds: readonly string[],
): Promise<Map<string, string>> {
  try {
    const people = await fetchPeople(request, accountIds);
    return new Map([...people].map(([id, p]) => [id, p.displayName]));
  } catch {
    return new Map();
  }
}

/** Active people (not apps) whose name or e-mail starts with `query`, as Jira's user search finds them. */
export async function searchPeople(request: JiraRequest, query: string, maxResults = 10): Promise<Person[]> {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const params = new URLSearchParams({ query: trimmed, maxResults: String(maxResults) });
  const response = await request(`/rest/api/3/user/search?${params.toString()}`, JSON_HEADERS);
  if (!response.ok) {
    throw new JiraReadError(
      `Jira answered ${response.status} when searching for people. Try again in a moment.`,
      response.status,
    );
  }
  const users = (await response.json()) as JiraUser[];
  if (!Array.isArray(users)) return [];
  return users
    .filter((u) => u.active !== false && (u.accountType === undefined || u.accountType === 'atlassian'))
    .map(toPerson)
    .filter((p): p is Person => p !== undefined);
}
