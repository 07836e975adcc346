/** The JQL that defines an initiative's scope, made safe to combine with more clauses. */

/** Longest scope JQL accepted; Jira's own limit on a search is far higher, but a scope this long is a mistake. */
export const MAX_SCOPE_JQL_LENGTH = 4000;

export type ScopeJqlResult = { ok: true; jql: string } | { ok: false; problem: string };

/**
 * Trims the scope, drops a trailing ORDER BY (counts need none, and `(… ORDER BY …) AND …` is not JQL) and
 * refuses what cannot be a scope, with a sentence saying why.
 */
export function normaliseScopeJql(scopeJql: unknown): ScopeJqlResult {
  if (typeof scopeJql !== 'string' || scopeJql.trim() === '') {
    return {
      ok: false,
      problem: 'The initiative has no JQL yet. Link epics or enter a JQL query that finds its work.',
    };
  }
  if (scopeJql.length > MAX_SCOPE_JQL_LENGTH) {
    return {
      ok: false,
      problem: `The initiative's JQL is ${scopeJql.length} characters long; keep it under ${MAX_SCOPE_JQL_LENGTH}.`,
    };
  }
  const scan = scanJql(scopeJql);
  if (scan.unclosedQuote) {
    return { ok: false, problem: "The initiative's JQL has a quote that is never closed." };
  }
  const jql = (scan.orderByAt === undefined ? scopeJql : scopeJql.slice(0, scan.orderByAt)).trim();
  if (jql === '') {
    return {
      ok: false,
      problem:
        "The initiative's JQL only sorts and does not select any work; add a condition such as project = LAUNCH.",
    };
  }
  return { ok: true, jql };
}

/** Finds where a top-level ORDER BY starts, ignoring text inside quotes. */
function scanJql(text: string): { orderByAt: number | undefined; unclosedQuote: boolean } {
  let quote: string | undefined;
  let orderByAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
    if (orderByAt === undefined && /[\s)]/.test(before) && /^order\s+by\b/i.test(text.slice(i)))
      orderByAt = i;
  }
  return { orderByAt, unclosedQuote: quote !== undefined };
}
