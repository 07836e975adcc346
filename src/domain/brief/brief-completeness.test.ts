import { LAUNCH_BRIEF } from './__fixtures__/launch-brief';
import { completeness, THIN_BELOW_WORDS, type SectionState } from './brief-completeness';
import { emptyBriefDocument, type BriefDocument } from './brief-document';
import type { BriefSectionId } from './brief-sections';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const withSection = (text: string): BriefDocument => {
  const doc = emptyBriefDocument('T', null);
  return { ...doc, sections: { ...doc.sections, risks: text } };
};
const stateOf = (brief: BriefDocument, id: BriefSectionId, facts = {}) =>
  completeness(brief, facts).sections.find((s) => s.id === id);

describe('completeness of a text section', () => {
  test.each<[string, string, SectionState, string]>([
    ['empty', '', 'empty', 'Not written yet.'],
    ['only blanks and punctuation', '  \n -- … ', 'empty', 'Not written yet.'],
    ['one word', 'TBD', 'thin', 'Under 40 words (1 so far).'],
    ['39 words', words(39), 'thin', 'Under 40 words (39 so far).'],
    ['40 words', words(40), 'filled', '40 words.'],
    [
      'hyphenated and apostrophised words count once',
      `${words(38)} go-to-market customer's`,
      'filled',
      '40 words.',
    ],
  ])('%s', (_name, text, state, reason) => {
    expect(stateOf(withSection(text), 'risks')).toMatchObject({
      state,
      reason,
      title: 'Risks and mitigations',
    });
  });

  test('the threshold is 40 words', () => {
    expect(THIN_BELOW_WORDS).toBe(40);
  });
});

describe('completeness of structured sections', () => {
  const empty = emptyBriefDocument('T', null);
  test.each<[string, BriefDocument, BriefSectionId, object, SectionState, string]>([
    ['no milestones', empty, 'milestones', {}, 'empty', 'No milestones yet.'],
    [
      'one milestone',
      {
        ...empty,
        milestones: [{ id: 'm', name: 'GA', baselineDate: '2025-01-01', forecastDate: null, done: false }],
      },
      'milestones',
      {},
      'thin',
      'Only 1 milestone; add at least 2 with baseline dates.',
    ],
    ['two milestones', LAUNCH_BRIEF, 'milestones', {}, 'filled', '2 milestones with baseline dates.'],
    ['no linked work', empty, 'linked-work', {}, 'empty', 'No Jira epics or JQL query linked yet.'],
    ['epics and JQL', LAUNCH_BRIEF, 'linked-work', {}, 'filled', 'Linked: 2 epics and a JQL query.'],
    [
      'only JQL',
      { ...empty, linkedWork: { epicKeys: [], jql: 'project = X' } },
      'linked-work',
      {},
      'filled',
      'Linked: a JQL query.',
    ],
    [
      'blank JQL',
      { ...empty, linkedWork: { epicKeys: [], jql: '  ' } },
      'linked-work',
      {},
      'empty',
      'No Jira epics or JQL query linked yet.',
    ],
    ['no grid', empty, 'stakeholders', {}, 'empty', 'No stakeholder grid is linked yet.'],
    ['a grid, nothing known about it', LAUNCH_BRIEF, 'stakeholders', {}, 'filled', 'Linked.'],
    [
      'a grid with nobody on it',
      LAUNCH_BRIEF,
      'stakeholders',
      { stakeholderCount: 0 },
      'thin',
      'The stakeholder grid has nobody on it yet.',
    ],
    [
      'a grid with one person',
      LAUNCH_BRIEF,
      'stakeholders',
      { stakeholderCount: 1 },
      'filled',
      '1 stakeholder on the grid.',
    ],
    [
      'no RACI matrix',
      LAUNCH_BRIEF,
      'raci',
      { raciActivityCount: 3 },
      'empty',
      'No RACI matrix is linked yet.',
    ],
    [
      'a RACI matrix with activities',
      { ...empty, references: { ...empty.references, raciMatrixId: 'raci-1' } },
      'raci',
      { raciActivityCount: 3 },
      'filled',
      '3 activities in the RACI matrix.',
    ],
    [
      'a path without levels',
      LAUNCH_BRIEF,
      'escalation',
      { escalationLevelCount: 0 },
      'thin',
      'The escalation path has no levels yet.',
    ],
    ['no decisions', empty, 'decisions', {}, 'empty', 'No decision is linked yet.'],
    ['one decision', LAUNCH_BRIEF, 'decisions', {}, 'filled', '1 decision linked.'],
  ])('%s', (_name, brief, id, facts, state, reason) => {
    expect(stateOf(brief, id, facts)).toMatchObject({ state, reason });
  });
});

describe('the score', () => {
  test('an empty brief scores 0/14', () => {
    const score = completeness(emptyBriefDocument('T', null));
    expect(score).toMatchObject({ filled: 0, total: 14, label: '0/14', percent: 0 });
    expect(score.sections.every((s) => s.state === 'empty')).toBe(true);
  });

  test('the launch brief: which sections are filled, thin and empty', () => {
    const score = completeness(LAUNCH_BRIEF);
    const by = (state: SectionState) => score.sections.filter((s) => s.state === state).map((s) => s.id);
    expect(by('filled')).toEqual([
      'problem',
      'goals',
      'scope',
      'legal',
      'marketing',
      'stakeholders',
      'milestones',
      'decisions',
      'escalation',
      'linked-work',
    ]);
    expect(by('thin')).toEqual(['engineering']);
    expect(by('empty')).toEqual(['cost', 'raci', 'risks']);
    expect(score).toMatchObject({ filled: 10, label: '10/14', percent: 71 });
  });

  test('sections come in page order, 14 of them', () => {
    expect(completeness(LAUNCH_BRIEF).sections.map((s) => s.id)).toEqual([
      'problem',
      'goals',
      'scope',
      'engineering',
      'legal',
      'cost',
      'marketing',
      'stakeholders',
      'raci',
      'risks',
      'milestones',
      'decisions',
      'escalation',
      'linked-work',
    ]);
  });
});
