import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvText } from './csv-text';
import { formatRaciCsv, parseRaciCsv, type RaciCsvErrorCode, type RaciMatrix } from './raci-csv';

const FIXTURE = readFileSync(join(__dirname, '__fixtures__', 'saudi-ai-governance.raci.csv'), 'utf8');

describe('the real matrix from the reference folder', () => {
  const parsed = parseRaciCsv(FIXTURE);

  test('parses without errors', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.activityLabel).toBe('Activity');
    expect(parsed.holders).toEqual([
      'Business Owner',
      'AI/Product Team',
      'AI Governance',
      'Privacy',
      'DPO/Security',
      'Executive Sponsor',
      'Internal Audit',
    ]);
    expect(parsed.rows).toHaveLength(10);
  });

  test('reads single letters and A/R cells', () => {
    const first = parsed.rows[0];
    expect(first?.activity).toBe('Use-case approval');
    expect(first?.line).toBe(2);
    expect(first?.cells).toEqual([
      ['accountable', 'responsible'],
      ['consulted'],
      ['consulted'],
      ['informed'],
      ['informed'],
      ['informed'],
      ['informed'],
    ]);
    const escalation = parsed.rows.find((r) => r.activity === 'AI incident escalation');
    expect(escalation?.cells.slice(0, 3)).toEqual([['responsible'], ['responsible'], ['accountable']]);
  });

  test('every activity has exactly one Accountable', () => {
    for (const row of parsed.rows) expect(row.cells.filter((c) => c.includes('accountable'))).toHaveLength(1);
  });

  test('formats back to the same bytes', () => {
    expect(formatRaciCsv(parsed)).toBe(FIXTURE);
  });
});

describe('parseRaciCsv errors', () => {
  const cases: Array<[string, string, Array<[RaciCsvErrorCode, number, number | undefined]>]> = [
    ['empty file', '', [['empty-file', 1, undefined]]],
    ['blank lines only', '\n \n', [['empty-file', 1, undefined]]],
    [
      'header without people',
      'Activity\nPlan,A\n',
      [
        ['no-holders', 1, undefined],
        ['wrong-cell-count', 2, undefined],
      ],
    ],
    ['unnamed column', 'Activity,Owner,,Legal\nPlan,A,R,C\n', [['empty-holder', 1, 3]]],
    ['the same column twice', 'Activity,Owner,owner\nPlan,A,R\n', [['duplicate-holder', 1, 3]]],
    ['unknown letter', 'Activity,Owner,Legal\nPlan,A,X\n', [['unknown-letter', 2, 3]]],
    ['letter of the other framework', 'Activity,Owner,Legal\nPlan,A,D\n', [['unknown-letter', 2, 3]]],
    [
      'two Accountable in a row',
      'Activity,Owner,Legal\nPlan,A,A/R\n',
      [['single-accountable', 2, undefined]],
    ],
    ['activity missing', 'Activity,Owner\n,A\n', [['empty-activity', 2, 1]]],
    ['short row', 'Activity,Owner,Legal\nPlan,A\n', [['wrong-cell-count', 2, undefined]]],
    ['long row', 'Activity,Owner\nPlan,A,R\n', [['wrong-cell-count', 2, undefined]]],
    [
      'unterminated quote swallows the rest of the file',
      'Activity,Owner\n"Plan,A\n',
      [
        ['unterminated-quote', 2, undefined],
        ['wrong-cell-count', 2, undefined],
      ],
    ],
    ['quote inside a cell', 'Activity,Owner\nPl"an,A\n', [['stray-quote', 2, undefined]]],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    const parsed = parseRaciCsv(text);
    expect(parsed.errors.map((e) => [e.code, e.line, e.column])).toEqual(
      [...expected].sort((x, y) => x[1] - y[1]),
    );
    for (const e of parsed.errors) expect(e.message).toMatch(/^[A-Z“].*\.$/);
  });

  test('errors sit on the row they belong to, and good rows still parse', () => {
    const parsed = parseRaciCsv('Activity,Owner,Legal\nPlan,A,Q\nBuild,A/R,C\n');
    expect(parsed.rows[0]?.errors.map((e) => e.code)).toEqual(['unknown-letter']);
    expect(parsed.rows[0]?.errors[0]).toMatchObject({ holder: 'Legal', column: 3 });
    expect(parsed.rows[0]?.errors[0]?.message).toBe(
      'Line 2, column “Legal”: “Q” is not a RACI letter. Use A, R, C or I, or two joined by “/” such as “A/R”.',
    );
    expect(parsed.rows[0]?.cells).toEqual([['accountable'], []]);
    expect(parsed.rows[1]).toMatchObject({
      errors: [],
      cells: [['accountable', 'responsible'], ['consulted']],
    });
  });

  test('never throws on arbitrary text', () => {
    for (const text of ['"', '""', ',,,\n,,', '\u0000\u0001', 'a\rb\r\nc', '"a""b', '\uFEFF', ';;;']) {
      expect(() => parseRaciCsv(text)).not.toThrow();
    }
  });
});

describe('parseRaciCsv leniency', () => {
  test('R/A, lower case, spaces, plus signs and whole words mean the same as A/R', () => {
    const parsed = parseRaciCsv(
      'Activity,Owner\nPlan,R/A\nBuild,a / r\nTest,A+R\nShip,Accountable Responsible\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(4);
    for (const row of parsed.rows) expect(row.cells).toEqual([['accountable', 'responsible']]);
  });

  test('BOM, CRLF, semicolons, blank lines and trailing empty columns from spreadsheets', () => {
    const parsed = parseRaciCsv('\uFEFFActivity;Owner;Legal;\r\nPlan;A/R;C;\r\n\r\n;;;\r\nShip;A;I;\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.holders).toEqual(['Owner', 'Legal']);
    expect(parsed.rows.map((r) => [r.activity, r.line])).toEqual([
      ['Plan', 2],
      ['Ship', 5],
    ]);
  });

  test('quoted names keep commas, quotes and line breaks', () => {
    const parsed = parseRaciCsv('Activity,"Legal, Privacy"\n"Review ""v2""\nterms",C\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.holders).toEqual(['Legal, Privacy']);
    expect(parsed.rows[0]?.activity).toBe('Review "v2"\nterms');
  });

  test('DACI letters', () => {
    const parsed = parseRaciCsv('Decision,Erik,Lucía,David\nPick vendor,D,A,C/I\n', { framework: 'DACI' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.cells).toEqual([['driver'], ['approver'], ['contributor', 'informed']]);
    expect(
      parseRaciCsv('Decision,Erik,Lucía\nPick,D,D\n', { framework: 'DACI' }).errors.map((e) => e.code),
    ).toEqual(['single-driver']);
  });
});

describe('formatRaciCsv', () => {
  const matrix: RaciMatrix = {
    framework: 'RACI',
    activityLabel: 'Activity',
    holders: ['Owner', '=HYPERLINK("http://evil")', 'Legal, Privacy'],
    rows: [{ activity: '@SUM(A1)', cells: [['responsible', 'accountable'], ['informed'], []] }],
  };

  test('quotes what needs it, writes A before R, and defuses spreadsheet formulas', () => {
    expect(formatRaciCsv(matrix)).toBe(
      'Activity,Owner,"\'=HYPERLINK(""http://evil"")","Legal, Privacy"\n\'@SUM(A1),A/R,I,\n',
    );
  });

  test('the defused names read back as written', () => {
    const parsed = parseRaciCsv(formatRaciCsv(matrix));
    expect(parsed.holders).toEqual(matrix.holders);
    expect(parsed.rows[0]?.activity).toBe('@SUM(A1)');
  });
});

describe('parseCsvText', () => {
  test('counts lines inside quoted fields', () => {
    const { records } = parseCsvText('a,"x\ny"\nb,c\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'x\ny'] },
      { line: 3, fields: ['b', 'c'] },
    ]);
  });

  test('a final quoted empty field still ends the record', () => {
    expect(parseCsvText('a,""').records).toEqual([{ line: 1, fields: ['a', ''] }]);
  });
});
