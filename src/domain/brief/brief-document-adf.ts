import {
  bulletList,
  code,
  date,
  doc,
  em,
  heading,
  listItem,
  mention,
  p,
  status,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import type { DocNode, Inline } from '@atlaskit/adf-schema';
import { adfTable } from './adf-table';
import { textToParagraphs } from './adf-text';
import type { BriefStatus } from './brief';
import { completeness, type CompletenessFacts } from './brief-completeness';
import { parseBriefDocument, type BriefDocument } from './brief-document';
import { BRIEF_SECTIONS, type BriefSectionDefinition } from './brief-sections';
import { adfDateTimestamp } from './iso-date';

const STATUS_LOZENGE: Record<BriefStatus, { text: string; color: 'neutral' | 'blue' | 'green' }> = {
  draft: { text: 'DRAFT', color: 'neutral' },
  'in-review': { text: 'IN REVIEW', color: 'blue' },
  approved: { text: 'APPROVED', color: 'green' },
};

/** Names for the linked documents, when the use case has read them; ids are shown otherwise. */
export interface BriefExportLabels {
  stakeholderGrid?: string;
  raciMatrix?: string;
  escalationPath?: string;
  /** Decision id → its question. */
  decisions?: Readonly<Record<string, string>>;
}

export interface BriefExportOptions {
  labels?: BriefExportLabels;
  facts?: CompletenessFacts;
}

/**
 * The whole Project Brief as an ADF document, for the macro's `adfExport` (PDF and Word exports of the
 * page). Takes the stored value as it is: a brief that cannot be read exports a sentence, never an error.
 */
export function briefDocumentToAdf(input: unknown, options: BriefExportOptions = {}): DocNode {
  if (input === undefined || input === null) return doc(p(text('This Accord brief is not set up yet.')));
  const parsed = parseBriefDocument(input);
  if (!parsed.ok) {
    return doc(
      p(text('This Accord brief could not be exported: ')),
      p(text(parsed.problems[0]?.message ?? 'its stored content is damaged.')),
    );
  }
  const brief = parsed.value;
  const score = completeness(brief, options.facts);
  const lozenge = STATUS_LOZENGE[brief.status];
  return doc(
    heading({ level: 2 })(text(`Project brief: ${brief.title}`)),
    p(
      strong('Status: '),
      status({ text: lozenge.text, color: lozenge.color, localId: 'accord-brief-status' }),
      text(' · '),
      strong('Owner: '),
      brief.ownerAccountId === null ? text('not set') : mention({ id: brief.ownerAccountId }),
    ),
    p(strong('Completeness: '), text(`${score.label} sections filled.`)),
    ...BRIEF_SECTIONS.flatMap((section) => [
      heading({ level: 3 })(text(section.title)),
      p(em(section.question)),
      ...sectionBody(section, brief, options.labels ?? {}),
    ]),
  );
}

type Block = DocNode['content'][number];

function sectionBody(
  section: BriefSectionDefinition,
  brief: BriefDocument,
  labels: BriefExportLabels,
): Block[] {
  switch (section.id) {
    case 'milestones':
      if (brief.milestones.length === 0) return [p(text('No milestones yet.'))];
      return [
        adfTable(
          ['Milestone', 'Baseline', 'Forecast', 'Done'],
          brief.milestones.map((m) => [
            m.name,
            [date({ timestamp: adfDateTimestamp(m.baselineDate) })],
            m.forecastDate === null
              ? 'Not re-forecast'
              : [date({ timestamp: adfDateTimestamp(m.forecastDate) })],
            m.done ? 'Yes' : 'No',
          ]),
        ),
      ];
    case 'linked-work': {
      const blocks: Block[] = [];
      if (brief.linkedWork.epicKeys.length > 0) {
        blocks.push(
          p(text('Epics:')),
          bulletList(...brief.linkedWork.epicKeys.map((k) => listItem([p(text(k))]))),
        );
      }
      if (brief.linkedWork.jql.trim() !== '')
        blocks.push(p(text('JQL: '), code(brief.linkedWork.jql.trim())));
      return blocks.length > 0 ? blocks : [p(text('No Jira work linked yet.'))];
    }
    case 'decisions': {
      const ids = brief.references.decisionIds;
      if (ids.length === 0) return [p(text('No decision linked yet.'))];
      return [
        bulletList(
          ...ids.map((id) => listItem([p(text(labels.decisions?.[id]?.trim() || `Decision ${id}`))])),
        ),
      ];
    }
    case 'stakeholders':
      return [reference(brief.references.stakeholderGridId, labels.stakeholderGrid, 'Stakeholder grid')];
    case 'raci':
      return [reference(brief.references.raciMatrixId, labels.raciMatrix, 'RACI matrix')];
    case 'escalation':
      return [reference(brief.references.escalationPathId, labels.escalationPath, 'Escalation path')];
    default:
      return textToParagraphs(brief.sections[section.id]);
  }
}

function reference(id: string | null, label: string | undefined, kind: string): Block {
  if (id === null) return p(text('Not linked yet.'));
  const name = label?.trim();
  const inline: Inline[] = [
    text(name ? `${kind}: ${name}` : `${kind} ${id}`),
    text(' (shown by its own Accord macro).'),
  ];
  return p(...inline);
}
