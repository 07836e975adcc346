import { doc, heading, p, text } from '@atlaskit/adf-utils/builders';
import type { DocNode } from '@atlaskit/adf-schema';
import { adfTable } from './adf-table';

const LETTER: Record<string, string> = { responsible: 'R', accountable: 'A', consulted: 'C', informed: 'I' };
const ORDER = ['accountable', 'responsible', 'consulted', 'informed'];

interface MatrixLike {
  title?: unknown;
  people?: unknown;
  activities?: unknown;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A stored RACI matrix as ADF for exports: one row per activity, one column per person (account ids: an export
 * has no viewer to read names as). Issue rows say where their roles live; free-text rows carry their letters.
 * Anything unreadable exports a sentence, never an error.
 */
export function raciMatrixToAdf(input: unknown): DocNode {
  if (typeof input !== 'object' || input === null)
    return doc(p(text('This Accord RACI matrix is not set up yet.')));
  const m = input as MatrixLike;
  const people = isStringArray(m.people) ? m.people : [];
  const activities = Array.isArray(m.activities) ? (m.activities as unknown[]) : [];
  const title = typeof m.title === 'string' && m.title.trim() !== '' ? m.title : 'RACI matrix';
  const rows = activities.flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const a = raw as { kind?: unknown; issueKey?: unknown; name?: unknown; assignments?: unknown };
    if (a.kind === 'issue' && typeof a.issueKey === 'string') {
      return [[a.issueKey, ...people.map(() => 'see the issue in Jira')]];
    }
    if (a.kind !== 'text' || typeof a.name !== 'string') return [];
    const list = Array.isArray(a.assignments)
      ? (a.assignments as Array<{ accountId?: unknown; role?: unknown }>)
      : [];
    return [
      [
        a.name,
        ...people.map((person) =>
          ORDER.filter((role) => list.some((x) => x.accountId === person && x.role === role))
            .map((role) => LETTER[role])
            .join('/'),
        ),
      ],
    ];
  });
  if (rows.length === 0) return doc(heading({ level: 3 })(text(title)), p(text('No activities yet.')));
  return doc(heading({ level: 3 })(text(title)), adfTable(['Activity', ...people], rows));
}
