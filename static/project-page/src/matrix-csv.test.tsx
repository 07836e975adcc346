import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRaciCsv } from '../../../src/domain/roles';
import type { MatrixRow } from '../../../src/shared/matrix';
import { cellLetters, guessColumns, holderNames, matrixToCsv } from './matrix-csv';

const row = (over: Partial<MatrixRow>): MatrixRow => ({
  issueKey: 'LAUNCH-2',
  summary: 'Pricing page',
  status: 'In Progress',
  statusCategory: 'indeterminate',
  framework: 'RACI',
  source: 'issue',
  assignments: [],
  errors: 0,
  warnings: 0,
  ...over,
});
const names = new Map([
  ['acc-erik', 'Erik Lindqvist'],
  ['acc-amara', 'Amara Okafor'],
  ['acc-other-erik', 'Erik Lindqvist'],
]);

test('exports the reference layout: Activity header, one column per person, "KEY summary", A/R cells', () => {
  const csv = matrixToCsv(
    [
      row({
        assignments: [
          { accountId: 'acc-erik', role: 'responsible' },
          { accountId: 'acc-erik', role: 'accountable' },
          { accountId: 'acc-amara', role: 'consulted' },
        ],
      }),
      row({
        issueKey: 'LAUNCH-5',
        summary: 'Decide the GA date: 2 or 9 December, "final"',
        framework: 'DACI',
        assignments: [
          { accountId: 'acc-amara', role: 'driver' },
          { accountId: 'acc-erik', role: 'approver' },
        ],
      }),
    ],
    ['acc-erik', 'acc-amara'],
    names,
  );
  expect(csv).toBe(
    'Activity,Erik Lindqvist,Amara Okafor\n' +
      'LAUNCH-2 Pricing page,A/R,C\n' +
      '"LAUNCH-5 Decide the GA date: 2 or 9 December, ""final""",A,D\n',
  );
  // The reference file's header starts the same way, and the domain reads the export back unchanged.
  const reference = readFileSync(
    join(__dirname, '../../../src/domain/roles/__fixtures__/saudi-ai-governance.raci.csv'),
    'utf8',
  );
  expect(reference.split(/\r?\n/)[0]).toMatch(/^Activity,/);
  // Each row reads back in its own framework's letters (the import asks the issue which one).
  const asRaci = parseRaciCsv(csv, { framework: 'RACI' });
  const asDaci = parseRaciCsv(csv, { framework: 'DACI' });
  expect(asRaci.rows[0]).toMatchObject({
    errors: [],
    cells: [['accountable', 'responsible'], ['consulted']],
  });
  expect(asDaci.rows[1]).toMatchObject({ errors: [], cells: [['approver'], ['driver']] });
});

test('people who share a name get distinct columns; guessing maps only unambiguous names', () => {
  expect(holderNames(['acc-erik', 'acc-other-erik', 'acc-unknown'], names)).toEqual([
    'Erik Lindqvist',
    'Erik Lindqvist (2)',
    'acc-unknown',
  ]);
  expect(guessColumns(['Amara Okafor', 'erik lindqvist', 'Nobody'], names)).toEqual({
    'Amara Okafor': 'acc-amara',
  });
});

test('cell letters follow the framework', () => {
  expect(cellLetters('RACI', ['informed', 'accountable', 'responsible'])).toBe('A/R/I');
  expect(cellLetters('DACI', ['approver', 'driver'])).toBe('D/A');
  expect(cellLetters('RACI', [])).toBe('');
});
