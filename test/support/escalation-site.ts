/**
 * Helpers the escalation tests share on a running local site (`test/escalation-site.test.ts` in-process and
 * `test/e2e/escalation-path.e2e.ts` in Chromium): HTTP calls to the site, moving an issue through a transition,
 * and reading the escalation comments with the people they mention.
 */
export interface SiteCall {
  (
    path: string,
    init?: { method?: string; body?: unknown; as?: string },
  ): Promise<{
    status: number;
    /** The JSON answer, read freely by the tests. */
    body: any;
  }>;
}

/** `fetch` against the site (its URL read when called, so it can be made before the site starts). */
export function siteCaller(url: () => string): SiteCall {
  return async (path, init = {}) => {
    const res = await fetch(url() + path, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers: { 'content-type': 'application/json', ...(init.as ? { 'x-forge-user': init.as } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** The account ids of every ADF mention in a document, in order. */
export function mentionsIn(body: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const node = n as { type?: string; attrs?: { id?: string }; content?: unknown[] };
    if (node.type === 'mention' && node.attrs?.id) out.push(node.attrs.id);
    node.content?.forEach(walk);
  };
  walk(body);
  return out;
}

/** Moves an issue through the REST API as `as` (who must be able to transition it), then lets the triggers run. */
export async function move(call: SiteCall, issueKey: string, to: string, as: string): Promise<void> {
  const { body } = await call(`/rest/api/3/issue/${issueKey}/transitions`, { as });
  const t = (body.transitions as Array<{ id: string; to: { name: string } }>).find((x) => x.to.name === to);
  if (!t) throw new Error(`No transition to ${to}`);
  const res = await call(`/rest/api/3/issue/${issueKey}/transitions`, {
    body: { transition: { id: t.id } },
    as,
  });
  if (res.status !== 204) throw new Error(`Moving ${issueKey} to ${to} answered ${res.status}.`);
  await call('/forge/settle', { body: {} });
}

/** The app's escalation comments on the issue (they start with "Escalation level"), read as `as`. */
export async function escalationComments(
  call: SiteCall,
  issueKey: string,
  as: string,
): Promise<Array<{ text: string; mentions: string[] }>> {
  const { body } = await call(`/rest/api/3/issue/${issueKey}/comment?maxResults=100`, { as });
  return (body.comments as Array<{ body: unknown }>)
    .filter((c) => JSON.stringify(c.body).includes('Escalation level'))
    .map((c) => ({ text: JSON.stringify(c.body), mentions: mentionsIn(c.body) }));
}
