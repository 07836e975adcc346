import { LAUNCH_BRIEF } from './__fixtures__/launch-brief';
import {
  BRIEF_DOCUMENT_LIMITS,
  briefDocumentFromBrief,
  emptyBriefDocument,
  parseBriefDocument,
  type BriefDocument,
} from './brief-document';

const valid = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  ...structuredClone(LAUNCH_BRIEF),
  ...overrides,
});
const milestone = (i: number) => ({ id: `m-${i}`, name: `Step ${i}`, baselineDate: '2025-06-01' });

describe('parseBriefDocument accepts', () => {
  test('the launch brief as it is', () => {
    expect(parseBriefDocument(LAUNCH_BRIEF)).toEqual({ ok: true, value: LAUNCH_BRIEF });
  });

  test('a title alone, filling every other field with its empty value', () => {
    const parsed = parseBriefDocument({ title: 'New brief' });
    expect(parsed).toEqual({ ok: true, value: emptyBriefDocument('New brief', null) });
  });

  test.each([
    [
      'lower-case epic keys, upper-cased and de-duplicated',
      { epicKeys: ['launch-1', ' LAUNCH-1 ', 'ops_2-10'] },
      ['LAUNCH-1', 'OPS_2-10'],
    ],
  ])('%s', (_name, linkedWork, epicKeys) => {
    const parsed = parseBriefDocument(valid({ linkedWork }));
    expect(parsed.ok && parsed.value.linkedWork.epicKeys).toEqual(epicKeys);
  });

  test('a section of exactly 20,000 characters, 50 milestones and a leap day', () => {
    const parsed = parseBriefDocument(
      valid({
        sections: { legal: 'x'.repeat(BRIEF_DOCUMENT_LIMITS.sectionText) },
        milestones: [
          ...Array.from({ length: 49 }, (_, i) => milestone(i)),
          { id: 'leap', name: 'Leap', baselineDate: '2028-02-29' },
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
  });

  test('a trimmed title', () => {
    const parsed = parseBriefDocument({ title: '  Launch  ' });
    expect(parsed.ok && parsed.value.title).toBe('Launch');
  });
});

describe('parseBriefDocument refuses, with a sentence', () => {
  test.each<[string, unknown, string, string]>([
    ['not an object', null, '', 'The brief must be an object with a title and its sections.'],
    ['a text', 'hello', '', 'The brief must be an object with a title and its sections.'],
    ['no title', valid({ title: undefined }), 'title', 'The title must be text.'],
    ['a blank title', valid({ title: '   ' }), 'title', 'Give the brief a title.'],
    ['a long title', valid({ title: 'x'.repeat(201) }), 'title', 'Keep the title to 200 characters.'],
    ['an unknown field', valid({ budget: 5 }), '', 'A brief has no field called "budget".'],
    [
      'an unknown status',
      valid({ status: 'done' }),
      'status',
      'Set the status to draft, in-review or approved.',
    ],
    [
      'an owner that is an e-mail address',
      valid({ ownerAccountId: 'priya@example.com' }),
      'ownerAccountId',
      'The owner is not a known Atlassian account; pick the owner again.',
    ],
    [
      'an oversize section',
      valid({ sections: { legal: 'x'.repeat(20_001) } }),
      'sections.legal',
      'Keep "Legal, privacy and compliance" to 20,000 characters (it has 20,001); link longer material instead.',
    ],
    [
      'a section that is a number',
      valid({ sections: { cost: 5 } }),
      'sections.cost',
      '"Cost and finance" must be text.',
    ],
    [
      'an unknown section',
      valid({ sections: { vibes: 'good' } }),
      'sections',
      'A brief has no section called "vibes".',
    ],
    [
      '51 milestones',
      valid({ milestones: Array.from({ length: 51 }, (_, i) => milestone(i)) }),
      'milestones',
      'Keep to 50 milestones; group smaller steps under them.',
    ],
    [
      'an impossible baseline date',
      valid({ milestones: [{ id: 'm', name: 'Beta', baselineDate: '2025-02-30' }] }),
      'milestones.0.baselineDate',
      'A baseline date must be a real date written YYYY-MM-DD.',
    ],
    [
      'a baseline date with a time',
      valid({ milestones: [{ id: 'm', name: 'Beta', baselineDate: '2025-02-03T10:00:00Z' }] }),
      'milestones.0.baselineDate',
      'A baseline date must be a real date written YYYY-MM-DD.',
    ],
    [
      'a milestone without a baseline date',
      valid({ milestones: [{ id: 'm', name: 'Beta' }] }),
      'milestones.0.baselineDate',
      'Give every milestone a baseline date.',
    ],
    [
      'a milestone without a name',
      valid({ milestones: [{ id: 'm', name: ' ', baselineDate: '2025-01-01' }] }),
      'milestones.0.name',
      'Give every milestone a name.',
    ],
    [
      'a bad forecast date',
      valid({
        milestones: [{ id: 'm', name: 'Beta', baselineDate: '2025-01-01', forecastDate: '01/02/2025' }],
      }),
      'milestones.0.forecastDate',
      'A forecast date must be a real date written YYYY-MM-DD.',
    ],
    [
      'two milestones with one id',
      valid({ milestones: [milestone(1), milestone(1)] }),
      'milestones.1.id',
      'Two milestones share the id "m-1"; give each milestone its own id.',
    ],
    [
      'an epic key without a number',
      valid({ linkedWork: { epicKeys: ['LAUNCH'] } }),
      'linkedWork.epicKeys.0',
      '"LAUNCH" is not a Jira issue key; write it like LAUNCH-42 (project key, a dash, the number).',
    ],
    [
      'an epic key numbered 0',
      valid({ linkedWork: { epicKeys: ['LAUNCH-0'] } }),
      'linkedWork.epicKeys.0',
      '"LAUNCH-0" is not a Jira issue key; write it like LAUNCH-42 (project key, a dash, the number).',
    ],
    [
      'an oversize JQL query',
      valid({ linkedWork: { jql: 'x'.repeat(2_001) } }),
      'linkedWork.jql',
      'Keep the JQL query to 2,000 characters.',
    ],
    [
      'a forged grid id',
      valid({ references: { stakeholderGridId: '../../secret' } }),
      'references.stakeholderGridId',
      'The stakeholder grid id is not an Accord id; pick the stakeholder grid again.',
    ],
    [
      'a decision id that is a number',
      valid({ references: { decisionIds: [42] } }),
      'references.decisionIds.0',
      'The decision id must be text.',
    ],
  ])('%s', (_name, input, path, message) => {
    const parsed = parseBriefDocument(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ path, message });
  });

  test('lists every problem at once, each once', () => {
    const parsed = parseBriefDocument({ title: '', status: 'x', sections: { cost: 1 } });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['title', 'status', 'sections.cost']);
  });
});

describe('briefDocumentFromBrief', () => {
  test('carries the foundation brief over: problem becomes the first section', () => {
    const doc: BriefDocument = briefDocumentFromBrief({
      title: 'Launch',
      problem: 'Renewals are missed.',
      ownerAccountId: '712020:pm',
      status: 'approved',
    });
    expect(doc.sections.problem).toBe('Renewals are missed.');
    expect(doc).toMatchObject({ title: 'Launch', ownerAccountId: '712020:pm', status: 'approved' });
    expect(parseBriefDocument(doc)).toEqual({ ok: true, value: doc });
  });

  test('an empty owner becomes no owner', () => {
    expect(
      briefDocumentFromBrief({ title: 'T', problem: '', ownerAccountId: '', status: 'draft' }).ownerAccountId,
    ).toBeNull();
  });
});
