import { adfNodesOfType, adfPlainText, adfSchemaErrors } from '../brief/__fixtures__/adf-schema';
import { LAUNCH_GRID, names } from './__fixtures__/launch-grid';
import { stakeholderGridToAdf } from './stakeholder-grid-adf';
import { stakeholderRows } from './stakeholder-table';

describe('stakeholderRows (the accessible table)', () => {
  test('by quadrant, then authority, concern and name, with the plan in force', () => {
    const rows = stakeholderRows(LAUNCH_GRID, names);
    expect(
      rows.map((r) => [r.name, r.quadrantLabel, r.authority, r.concern, r.cadenceLabel, r.channel]),
    ).toEqual([
      ['Marcus Obi', 'Manage closely', 5, 4, 'Weekly', '1:1 meeting and the decision log'],
      ['Lena Fischer', 'Manage closely', 4, 5, 'Weekly', '1:1 meeting and the decision log'],
      ['Sara Lind', 'Keep satisfied', 4, 2, 'Monthly', 'Finance review'],
      ['Omar Haddad', 'Keep informed', 2, 5, 'Weekly', 'Project digest and Confluence updates'],
      ['Jo', 'Keep informed', 2, 3, 'Weekly', 'Project digest and Confluence updates'],
      ['Textly', 'Monitor', 1, 2, 'Monthly', 'Monthly newsletter'],
    ]);
    expect(rows[5]).toMatchObject({ kind: 'External', organisation: 'SMS vendor', role: 'Supplier' });
    expect(rows[0]).toMatchObject({ kind: 'Jira user', organisation: '' });
  });

  test('ties are broken by name, then id, whatever the input order', () => {
    const twin = (id: string, name: string) => ({
      id,
      party: { kind: 'external' as const, name, organisation: '' },
      role: '',
      notes: '',
      authority: 3 as const,
      concern: 3 as const,
    });
    const grid = { ...LAUNCH_GRID, stakeholders: [twin('b', 'Zed'), twin('c', 'Amy'), twin('a', 'Amy')] };
    expect(stakeholderRows(grid).map((r) => r.stakeholderId)).toEqual(['a', 'c', 'b']);
  });

  test('an empty grid has no rows', () => {
    expect(stakeholderRows({ ...LAUNCH_GRID, stakeholders: [] })).toEqual([]);
  });
});

describe('stakeholderGridToAdf', () => {
  test('the launch grid: valid ADF, four quadrant sections, users as mentions, the owner’s plan marked', () => {
    const adf = stakeholderGridToAdf(LAUNCH_GRID, names);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfNodesOfType(adf, 'heading').map((h) => adfPlainText(h))).toEqual([
      'Stakeholder grid: Smart Reminders launch',
      'Manage closely (high authority, high concern)',
      'Keep satisfied (high authority, low concern)',
      'Keep informed (low authority, high concern)',
      'Monitor (low authority, low concern)',
    ]);
    expect(adfNodesOfType(adf, 'mention').map((m) => m.attrs?.id)).toEqual([
      '712020:vp-marcus',
      '712020:legal-lena',
      '712020:fin-sara',
      '712020:eng-omar',
      '712020:mkt-jo',
    ]);
    const all = adfPlainText(adf);
    expect(all).toContain('3 or more counts as high. 6 stakeholders.');
    expect(all).toContain('Channel: Finance review (set by the owner)');
    expect(all).toContain('Textly (SMS vendor)');
  });

  test('an empty quadrant says so', () => {
    const adf = stakeholderGridToAdf({ ...LAUNCH_GRID, stakeholders: [] });
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf).match(/Nobody in this quadrant\./g)).toHaveLength(4);
  });

  test.each([
    [undefined, 'This Accord stakeholder grid is not set up yet.'],
    [
      {
        title: 'G',
        stakeholders: [{ id: 's', party: { kind: 'external', name: 'X' }, authority: 9, concern: 1 }],
      },
      'Authority must be a whole number from 1 to 5.',
    ],
  ])('a stored value that cannot be read exports a sentence (%#)', (input, sentence) => {
    const adf = stakeholderGridToAdf(input);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf)).toContain(sentence);
  });
});
