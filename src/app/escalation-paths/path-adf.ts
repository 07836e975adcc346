import {
  doc,
  heading,
  listItem,
  mention,
  orderedList,
  p,
  status,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import { describePath } from '../../domain/escalation';
import type { StoredPath } from '../escalation-ports';

type Inline = Parameters<typeof p>[number];

/**
 * The Escalation Path for PDF and Word exports: the same document the macro shows. People are ADF mentions
 * (Confluence renders their names), roles and groups are words, so the export needs no product call.
 */
export function escalationPathToAdf(stored: StoredPath | undefined): object {
  if (!stored) return doc(p(text('Accord Escalation path: not written yet.')));
  const description = describePath(stored.path);
  const [when, ...levels] = description.lines;
  const items = levels.flatMap((line) => {
    if (line.kind !== 'level') return [];
    const inline: Inline[] = [strong(text(`Level ${line.level} (${line.name})`)), text(` ${line.after} → `)];
    line.targets.forEach((t, i) => {
      if (i > 0) inline.push(text(i === line.targets.length - 1 ? ' and ' : ', '));
      inline.push(t.target.kind === 'person' ? mention({ id: t.target.accountId }) : text(t.text));
    });
    inline.push(text(` · ${line.actions.join(' + ')}`));
    return [listItem([p(...inline)])];
  });
  return doc(
    heading({ level: 3 })(
      text(`Escalation path: ${description.title} `),
      status({
        text: stored.enabled ? 'ENABLED' : 'DRAFT',
        color: stored.enabled ? 'green' : 'neutral',
        localId: `accord-${stored.path.id}`,
      }),
    ),
    p(text(when?.text ?? '')),
    ...(items.length > 0 ? [orderedList()(...items)] : []),
  );
}
