/** The sections of a Project Brief, in page order, each with the question it makes the author answer. */

/** Sections that are free text written by the PM. */
export type BriefTextSectionId =
  'problem' | 'goals' | 'scope' | 'engineering' | 'legal' | 'cost' | 'marketing' | 'risks';

/** Sections that point at another Accord document (by id) or hold structured data. */
export type BriefStructuredSectionId =
  'stakeholders' | 'raci' | 'milestones' | 'decisions' | 'escalation' | 'linked-work';

export type BriefSectionId = BriefTextSectionId | BriefStructuredSectionId;

export interface BriefSectionDefinition {
  id: BriefSectionId;
  title: string;
  /** The guiding question shown under the heading. */
  question: string;
  kind: 'text' | 'reference' | 'milestones' | 'linked-work';
}

export const BRIEF_SECTIONS: readonly BriefSectionDefinition[] = [
  {
    id: 'problem',
    title: 'Problem and business impact',
    question:
      'What problem are we solving, for whom, and what does it cost the business while it stays unsolved?',
    kind: 'text',
  },
  {
    id: 'goals',
    title: 'Goals and success metrics',
    question: 'What does success look like, and which measurable metrics will show that we got there?',
    kind: 'text',
  },
  {
    id: 'scope',
    title: 'Scope and non-goals',
    question: 'What is in scope, and what are we explicitly not doing?',
    kind: 'text',
  },
  {
    id: 'engineering',
    title: 'Engineering constraints',
    question: 'What constrains engineering: architecture, dependencies, capacity, performance, security?',
    kind: 'text',
  },
  {
    id: 'legal',
    title: 'Legal, privacy and compliance',
    question: 'What do legal, privacy and compliance need: personal data, contracts, regulation, sign-offs?',
    kind: 'text',
  },
  {
    id: 'cost',
    title: 'Cost and finance',
    question: 'What will it cost to build and to run, who pays, and what return do we expect?',
    kind: 'text',
  },
  {
    id: 'marketing',
    title: 'Marketing and go-to-market',
    question: 'How does it reach customers: audience, positioning, launch date, channels?',
    kind: 'text',
  },
  {
    id: 'stakeholders',
    title: 'Stakeholders',
    question:
      'Who has a stake in this, how much authority and concern does each have, and how do we engage them?',
    kind: 'reference',
  },
  {
    id: 'raci',
    title: 'Roles (RACI)',
    question: 'Who is Responsible, Accountable, Consulted and Informed for each activity?',
    kind: 'reference',
  },
  {
    id: 'risks',
    title: 'Risks and mitigations',
    question: 'What could go wrong, how likely and how bad is it, and what will we do about it?',
    kind: 'text',
  },
  {
    id: 'milestones',
    title: 'Milestones',
    question: 'What are the milestones, and which baseline date did we commit to for each?',
    kind: 'milestones',
  },
  {
    id: 'decisions',
    title: 'Decisions',
    question: 'Which decisions does this project depend on, and who approves them?',
    kind: 'reference',
  },
  {
    id: 'escalation',
    title: 'Escalation path',
    question: 'When something is stuck, who hears about it, and after how long?',
    kind: 'reference',
  },
  {
    id: 'linked-work',
    title: 'Linked Jira work',
    question: 'Which Jira epics, or which JQL query, hold the work?',
    kind: 'linked-work',
  },
];

export const BRIEF_TEXT_SECTION_IDS: readonly BriefTextSectionId[] = [
  'problem',
  'goals',
  'scope',
  'engineering',
  'legal',
  'cost',
  'marketing',
  'risks',
];

const BY_ID = Object.fromEntries(BRIEF_SECTIONS.map((s) => [s.id, s])) as Record<
  BriefSectionId,
  BriefSectionDefinition
>;

/** The definition of section `id` (every id has one). */
export function briefSection(id: BriefSectionId): BriefSectionDefinition {
  return BY_ID[id];
}
