import type { BriefDocument } from './brief-document';
import { BRIEF_SECTIONS, type BriefSectionId } from './brief-sections';
import { wordCount } from './word-count';

/** Below this many words a written section counts as thin: a sentence or two rarely answers the question. */
export const THIN_BELOW_WORDS = 40;
/** A plan with fewer milestones than this is thin: it needs at least an intermediate step and the finish. */
export const THIN_BELOW_MILESTONES = 2;

export type SectionState = 'filled' | 'thin' | 'empty';

export interface SectionCompleteness {
  id: BriefSectionId;
  title: string;
  state: SectionState;
  /** Why the section has this state, as a sentence (`"Under 40 words (12 so far)."`). */
  reason: string;
}

export interface BriefCompleteness {
  /** Sections that are filled. */
  filled: number;
  /** All sections (14). */
  total: number;
  /** `"9/14"`. */
  label: string;
  /** 0–100, rounded down, so 100 means every section is filled. */
  percent: number;
  sections: SectionCompleteness[];
}

/**
 * What the use case knows about the linked documents, when it has read them. Without a fact, a link alone
 * counts as filled; with one, an empty linked document counts as thin.
 */
export interface CompletenessFacts {
  stakeholderCount?: number;
  raciActivityCount?: number;
  escalationLevelCount?: number;
}

const plural = (count: number, word: string, words = `${word}s`): string =>
  `${count} ${count === 1 ? word : words}`;

/** Scores a brief: which of its 14 sections are filled, thin or empty, and why. */
export function completeness(brief: BriefDocument, facts: CompletenessFacts = {}): BriefCompleteness {
  const sections = BRIEF_SECTIONS.map((section): SectionCompleteness => {
    const [state, reason] = stateOf(section.id, brief, facts);
    return { id: section.id, title: section.title, state, reason };
  });
  const filled = sections.filter((s) => s.state === 'filled').length;
  const total = sections.length;
  return {
    filled,
    total,
    label: `${filled}/${total}`,
    percent: Math.floor((filled * 100) / total),
    sections,
  };
}

function stateOf(id: BriefSectionId, brief: BriefDocument, facts: CompletenessFacts): [SectionState, string] {
  switch (id) {
    case 'stakeholders':
      return linked(
        brief.references.stakeholderGridId,
        facts.stakeholderCount,
        'No stakeholder grid is linked yet.',
        'The stakeholder grid has nobody on it yet.',
        (c) => `${plural(c, 'stakeholder')} on the grid.`,
      );
    case 'raci':
      return linked(
        brief.references.raciMatrixId,
        facts.raciActivityCount,
        'No RACI matrix is linked yet.',
        'The RACI matrix has no activities yet.',
        (c) => `${plural(c, 'activity', 'activities')} in the RACI matrix.`,
      );
    case 'escalation':
      return linked(
        brief.references.escalationPathId,
        facts.escalationLevelCount,
        'No escalation path is linked yet.',
        'The escalation path has no levels yet.',
        (c) => `${plural(c, 'level')} in the escalation path.`,
      );
    case 'decisions': {
      const count = brief.references.decisionIds.length;
      return count === 0
        ? ['empty', 'No decision is linked yet.']
        : ['filled', `${plural(count, 'decision')} linked.`];
    }
    case 'milestones': {
      const count = brief.milestones.length;
      if (count === 0) return ['empty', 'No milestones yet.'];
      if (count < THIN_BELOW_MILESTONES) {
        return [
          'thin',
          `Only ${plural(count, 'milestone')}; add at least ${THIN_BELOW_MILESTONES} with baseline dates.`,
        ];
      }
      return ['filled', `${plural(count, 'milestone')} with baseline dates.`];
    }
    case 'linked-work': {
      const epics = brief.linkedWork.epicKeys.length;
      const jql = brief.linkedWork.jql.trim() !== '';
      if (epics === 0 && !jql) return ['empty', 'No Jira epics or JQL query linked yet.'];
      const parts = [...(epics > 0 ? [plural(epics, 'epic')] : []), ...(jql ? ['a JQL query'] : [])];
      return ['filled', `Linked: ${parts.join(' and ')}.`];
    }
    default: {
      const words = wordCount(brief.sections[id]);
      if (words === 0) return ['empty', 'Not written yet.'];
      if (words < THIN_BELOW_WORDS) return ['thin', `Under ${THIN_BELOW_WORDS} words (${words} so far).`];
      return ['filled', `${words} words.`];
    }
  }
}

function linked(
  id: string | null,
  count: number | undefined,
  missing: string,
  emptyDocument: string,
  filled: (count: number) => string,
): [SectionState, string] {
  if (id === null) return ['empty', missing];
  if (count === undefined || !Number.isFinite(count)) return ['filled', 'Linked.'];
  if (count <= 0) return ['thin', emptyDocument];
  return ['filled', filled(Math.floor(count))];
}
