import fc from 'fast-check';
import { adfNodesOfType, adfPlainText, adfSchemaErrors } from './__fixtures__/adf-schema';
import { LAUNCH_BRIEF } from './__fixtures__/launch-brief';
import { emptyBriefDocument } from './brief-document';
import { briefDocumentToAdf } from './brief-document-adf';
import { BRIEF_SECTIONS } from './brief-sections';

describe('briefDocumentToAdf', () => {
  test('the launch brief is valid ADF with every section heading and question', () => {
    const adf = briefDocumentToAdf(LAUNCH_BRIEF);
    expect(adfSchemaErrors(adf)).toEqual([]);
    const headings = adfNodesOfType(adf, 'heading').map((h) => adfPlainText(h));
    expect(headings).toEqual([
      'Project brief: Smart Reminders launch',
      ...BRIEF_SECTIONS.map((s) => s.title),
    ]);
    const all = adfPlainText(adf);
    for (const s of BRIEF_SECTIONS) expect(all).toContain(s.question);
  });

  test('shows status, owner, score, milestone dates, epics, JQL and linked names', () => {
    const adf = briefDocumentToAdf(LAUNCH_BRIEF, {
      labels: {
        stakeholderGrid: 'Launch stakeholders',
        decisions: { 'decision-channel': 'Which channel first?' },
      },
    });
    expect(adfNodesOfType(adf, 'status')[0]?.attrs).toMatchObject({ text: 'IN REVIEW', color: 'blue' });
    expect(adfNodesOfType(adf, 'mention')[0]?.attrs).toMatchObject({ id: '712020:pm-priya' });
    // 2025-05-12T00:00Z, 2025-05-19T00:00Z, 2025-06-30T00:00Z
    expect(adfNodesOfType(adf, 'date').map((d) => d.attrs?.timestamp)).toEqual([
      '1747008000000',
      '1747612800000',
      '1751241600000',
    ]);
    const all = adfPlainText(adf);
    expect(all).toContain('10/14 sections filled.');
    expect(all).toContain('LAUNCH-7');
    expect(all).toContain('project = LAUNCH AND labels = reminders');
    expect(all).toContain('Stakeholder grid: Launch stakeholders');
    expect(all).toContain('Which channel first?');
    expect(all).toContain('Escalation path path-launch');
    expect(all).toContain('Not re-forecast');
  });

  test('splits text into paragraphs at blank lines and keeps single newlines as line breaks', () => {
    const doc = emptyBriefDocument('T', null);
    const adf = briefDocumentToAdf({ ...doc, sections: { ...doc.sections, cost: 'One\ntwo\n\n\nThree' } });
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfNodesOfType(adf, 'hardBreak')).toHaveLength(1);
    expect(adfPlainText(adf)).toContain('One two Three');
  });

  test('an empty brief says what is missing, in valid ADF', () => {
    const adf = briefDocumentToAdf(emptyBriefDocument('Empty', null));
    expect(adfSchemaErrors(adf)).toEqual([]);
    const all = adfPlainText(adf);
    expect(all).toContain('Owner: not set');
    expect(all).toContain('0/14 sections filled.');
    expect(all).toContain('No milestones yet.');
    expect(all).toContain('No Jira work linked yet.');
  });

  test.each([
    [undefined, 'This Accord brief is not set up yet.'],
    [null, 'This Accord brief is not set up yet.'],
    [{ title: 'x', status: 'lost' }, 'Set the status to draft, in-review or approved.'],
    ['garbage', 'The brief must be an object with a title and its sections.'],
  ])('a stored value %p exports a sentence, not an error', (input, sentence) => {
    const adf = briefDocumentToAdf(input);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf)).toContain(sentence);
  });

  test('any brief the schema accepts exports valid ADF (property)', () => {
    const text = fc.string({ maxLength: 120 });
    fc.assert(
      fc.property(
        fc.record({
          title: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ''),
          status: fc.constantFrom('draft', 'in-review', 'approved'),
          sections: fc.record({ problem: text, legal: text, risks: text }),
          milestones: fc.uniqueArray(
            fc.record({
              id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
              name: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ''),
              baselineDate: fc
                .date({
                  min: new Date('2000-01-01T00:00:00Z'),
                  max: new Date('2099-12-31T00:00:00Z'),
                  noInvalidDate: true,
                })
                .map((d) => d.toISOString().slice(0, 10)),
            }),
            { maxLength: 4, selector: (m) => m.id },
          ),
          linkedWork: fc.record({
            epicKeys: fc.array(fc.constantFrom('A1-1', 'LAUNCH-22'), { maxLength: 3 }),
            jql: text,
          }),
        }),
        (input) => {
          expect(adfSchemaErrors(briefDocumentToAdf(input))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
