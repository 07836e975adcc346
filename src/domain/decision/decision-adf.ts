import {
  bulletList,
  date,
  doc,
  heading,
  listItem,
  mention,
  p,
  panel,
  status,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import type { DocNode, Inline, PanelAttributes } from '@atlaskit/adf-schema';
import { adfTable, type AdfCell } from '../brief/adf-table';
import { textToParagraphs } from '../brief/adf-text';
import { adfDateTimestamp, readableInstant } from '../brief/iso-date';
import type { DecisionLogEntry, DecisionStatus } from './decision';
import { parseDecision } from './decision-schema';

const LOZENGE: Record<DecisionStatus, { text: string; color: 'yellow' | 'green' | 'neutral' | 'red' }> = {
  open: { text: 'OPEN', color: 'yellow' },
  decided: { text: 'DECIDED', color: 'green' },
  deferred: { text: 'DEFERRED', color: 'neutral' },
  revoked: { text: 'REVOKED', color: 'red' },
};

const STATUS_WORD: Record<DecisionStatus, string> = {
  open: 'reopened',
  decided: 'decided',
  deferred: 'deferred',
  revoked: 'revoked',
};

// adf-schema types panelType as a TS enum; its runtime value is this string, and the schema test checks it.
const SUCCESS_PANEL = { panelType: 'success' } as unknown as PanelAttributes;

/** Mentions separated by commas, or a dash when nobody holds the role. */
function mentions(ids: readonly (string | null)[]): Inline[] {
  const present = ids.filter((id): id is string => id !== null);
  return present.flatMap((id, i) => (i === 0 ? [mention({ id })] : [text(', '), mention({ id })]));
}

const list = (items: readonly string[], none: string): AdfCell =>
  items.length === 0 ? none : { blocks: [bulletList(...items.map((item) => listItem([p(text(item))])))] };

/**
 * The decision as an ADF document for the Decision macro's `adfExport`: roles, options with pros and
 * cons, the outcome and the whole log. A stored value that cannot be read exports a sentence instead.
 */
export function decisionToAdf(input: unknown): DocNode {
  if (input === undefined || input === null) return doc(p(text('This Accord decision is not set up yet.')));
  const parsed = parseDecision(input);
  if (!parsed.ok) {
    return doc(
      p(text('This Accord decision could not be exported: ')),
      p(text(parsed.problems[0]?.message ?? 'its stored content is damaged.')),
    );
  }
  const d = parsed.value;
  const lozenge = LOZENGE[d.status];
  const optionTitle = (id: string | null): string =>
    id === null ? 'all options' : (d.options.find((o) => o.id === id)?.title ?? 'an option since removed');

  return doc(
    heading({ level: 2 })(text(`Decision: ${d.question}`)),
    p(
      strong('Status: '),
      status({ text: lozenge.text, color: lozenge.color, localId: `accord-decision-${d.id}` }),
      text(' · '),
      strong('Due: '),
      d.dueDate === null ? text('no due date') : date({ timestamp: adfDateTimestamp(d.dueDate) }),
    ),
    adfTable(
      ['Role', 'People'],
      [
        ['Driver', mentions([d.driver])],
        ['Approver', mentions([d.approver])],
        ['Contributors', mentions(d.contributors)],
        ['Informed', mentions(d.informed)],
      ],
    ),
    ...(d.context.trim() === ''
      ? []
      : [heading({ level: 3 })(text('Context')), ...textToParagraphs(d.context)]),
    heading({ level: 3 })(text('Options')),
    d.options.length === 0
      ? p(text('No options yet.'))
      : adfTable(
          ['Option', 'Pros', 'Cons'],
          d.options.map((o) => [
            {
              blocks: [
                p(strong(o.title), ...(d.outcome?.optionId === o.id ? [text(' (chosen)')] : [])),
                ...(o.description.trim() === '' ? [] : textToParagraphs(o.description)),
              ],
            },
            list(o.pros, 'None listed'),
            list(o.cons, 'None listed'),
          ]),
        ),
    ...(d.outcome === null
      ? []
      : [
          heading({ level: 3 })(text('Outcome')),
          panel(SUCCESS_PANEL)(
            p(strong('Decided: '), text(optionTitle(d.outcome.optionId))),
            ...textToParagraphs(d.outcome.rationale, 'No rationale recorded.'),
          ),
        ]),
    heading({ level: 3 })(text('Linked Jira issues')),
    p(text(d.linkedIssueKeys.length === 0 ? 'None.' : d.linkedIssueKeys.join(', '))),
    heading({ level: 3 })(text('Decision log')),
    d.log.length === 0
      ? p(text('Nothing recorded yet.'))
      : adfTable(
          ['When', 'Who', 'What'],
          d.log.map((entry) => [
            readableInstant(entry.at),
            [mention({ id: entry.by })],
            describe(entry, optionTitle),
          ]),
        ),
  );
}

function describe(entry: DecisionLogEntry, optionTitle: (id: string | null) => string): string {
  switch (entry.kind) {
    case 'input':
      return `Input: ${entry.text}`;
    case 'approved':
      return `Approved "${optionTitle(entry.optionId)}": ${entry.comment}`;
    case 'rejected':
      return `Rejected ${entry.optionId === null ? 'all options' : `"${optionTitle(entry.optionId)}"`}: ${entry.comment}`;
    case 'status':
      return `${STATUS_WORD[entry.to][0]?.toUpperCase() ?? ''}${STATUS_WORD[entry.to].slice(1)}: ${entry.reason}`;
  }
}
