import { doc, heading, p, status, strong, text } from '@atlaskit/adf-utils/builders';
import type { Brief } from './brief';

const STATUS_LABEL: Record<Brief['status'], { text: string; color: 'neutral' | 'blue' | 'green' }> = {
  draft: { text: 'DRAFT', color: 'neutral' },
  'in-review': { text: 'IN REVIEW', color: 'blue' },
  approved: { text: 'APPROVED', color: 'green' },
};

/** The brief as an ADF document, for Confluence's PDF and Word exports of the page. */
export function briefToAdf(brief: Pick<Brief, 'title' | 'problem' | 'status'> | undefined): object {
  if (!brief) return doc(p(text('This Accord brief is not set up yet.')));
  const label = STATUS_LABEL[brief.status];
  const paragraphs = brief.problem
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => p(text(para)));
  return doc(
    heading({ level: 2 })(text(`Project brief: ${brief.title}`)),
    p(strong('Status: '), status({ text: label.text, color: label.color, localId: 'accord-brief-status' })),
    heading({ level: 3 })(text('Problem and business impact')),
    ...(paragraphs.length > 0 ? paragraphs : [p(text('Not written yet.'))]),
  );
}
