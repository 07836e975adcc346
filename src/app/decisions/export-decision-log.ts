import { date, doc, heading, mention, p, status, strong, text } from '@atlaskit/adf-utils/builders';
import type { DocNode, Inline } from '@atlaskit/adf-schema';
import { adfTable } from '../../domain/brief/adf-table';
import { adfDateTimestamp } from '../../domain/brief/iso-date';
import { DECISION_LOG_LIMIT } from './list-decision-log';
import type { DecisionScope, DecisionStore } from './decision-ports';

/** Where the exported macro sits: the page always comes from the platform's export payload, never the config. */
export interface DecisionLogExportInput {
  /** The page being exported; without it nothing can be shown safely. */
  pageId: string | undefined;
  /** The log's scope from the macro config and the page's space; undefined when neither can be read. */
  scope: DecisionScope | undefined;
}

const person = (id: string | null): Inline[] => (id === null ? [] : [mention({ id })]);

/**
 * The Decision log macro's `adfExport`. An export runs as the app, with no viewer whose page permissions could
 * be checked, so it carries only the open decisions written on the page being exported (anyone reading the
 * export could read that page), and for the rest of the log's scope one sentence with their number — never
 * their questions, people or pages.
 */
export async function exportDecisionLog(
  deps: { decisions: DecisionStore },
  input: DecisionLogExportInput,
): Promise<DocNode> {
  const title = heading({ level: 3 })(text('Open decisions'));
  if (input.pageId === undefined || input.scope === undefined) {
    return doc(title, p(text('This decision log could not be exported: the page it is on is not known.')));
  }
  const { items, truncated } = await deps.decisions.list(input.scope, 'open', DECISION_LOG_LIMIT);
  const here = items.filter((i) => i.value.pageId === input.pageId);
  const elsewhere = items.length - here.length;
  const rows = here.map(({ value }) => {
    const d = value.body;
    return [
      d.question,
      [status({ text: 'OPEN', color: 'yellow', localId: `accord-log-${d.id}` })],
      d.dueDate === null ? 'No due date' : [date({ timestamp: adfDateTimestamp(d.dueDate) })],
      person(d.driver),
      person(d.approver),
    ];
  });
  return doc(
    title,
    here.length === 0
      ? p(text('No open decisions on this page.'))
      : adfTable(['Question', 'Status', 'Due', 'Driver', 'Approver'], rows),
    ...(elsewhere === 0 && !truncated ? [] : [p(strong(moreSentence(elsewhere, truncated)))]),
  );
}

/** "…and 3 more open decisions on other pages; open the page in Confluence to see them." */
export function moreSentence(count: number, truncated: boolean): string {
  const one = count === 1 && !truncated;
  const amount = truncated ? `at least ${Math.max(count, 1)} more` : `${count} more`;
  return `…and ${amount} open ${one ? 'decision' : 'decisions'} on other pages; open the page in Confluence to see them.`;
}
