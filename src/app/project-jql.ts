import { AppError, UpstreamError } from './errors';

/** A Jira project key as the platform gives it in `context.extension.project.key`. */
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;

/** Splits a JQL into its condition and its `ORDER BY` clause, ignoring anything inside quotes. */
function splitJql(jql: string): { where: string; orderBy: string } {
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < jql.length; i++) {
    const ch = jql[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      // A ")" that closes more than it opened would let the text escape the project scope below.
      if (depth < 0) throw unbalanced();
    } else if (depth === 0 && /^order\s+by\b/i.test(jql.slice(i)) && (i === 0 || /\s/.test(jql[i - 1]!))) {
      const rest = jql.slice(i);
      if (/[()]/.test(rest.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ''))) throw unbalanced();
      return { where: jql.slice(0, i).trim(), orderBy: rest.trim() };
    }
  }
  if (quote)
    throw new AppError(
      'INVALID_INPUT',
      'The JQL has a quote that is never closed. Close it and search again.',
    );
  if (depth !== 0) throw unbalanced();
  return { where: jql.trim(), orderBy: '' };
}

const unbalanced = () =>
  new AppError(
    'INVALID_INPUT',
    'The JQL has unbalanced parentheses. Check each "(" has its ")" and search again.',
  );

/**
 * The JQL of a project page: the person's JQL, always inside the page's project. The project comes from
 * the platform context; the person's text is wrapped in parentheses so that no `OR` can widen the scope.
 */
export function scopeJqlToProject(projectKey: string, jql: string): string {
  if (!PROJECT_KEY.test(projectKey)) {
    throw new AppError('INVALID_INPUT', 'Open this page from a Jira project: the project could not be read.');
  }
  const { where, orderBy } = splitJql(jql);
  return [`project = "${projectKey}"`, where ? `AND (${where})` : '', orderBy || 'ORDER BY key ASC']
    .filter(Boolean)
    .join(' ');
}

/** Jira's refusal of a JQL (HTTP 400) as INVALID_INPUT with Jira's own sentence; other failures pass. */
export function asJqlError(e: unknown): unknown {
  if (e instanceof UpstreamError && e.status === 400) {
    const sentence = e.message.replace(/^Jira refused to [^(]*\(HTTP 400\)\.\s*/, '').trim();
    return new AppError(
      'INVALID_INPUT',
      `Jira could not run this JQL: ${sentence || 'the query is not valid.'} Correct it and search again.`,
    );
  }
  return e;
}
