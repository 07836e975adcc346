import type { Assignment } from '../../shared/roles';
import {
  buildRolesProperty,
  readRolesProperty,
  ROLES_PROPERTY_KEY,
  type RolesProperty,
} from './roles-property';
import { AMARA, DAVID, ERIK, LUCIA } from './__fixtures__/test-people';

const AT = '2026-03-02T09:30:00.000Z';
const raci: Assignment[] = [
  { accountId: ERIK, role: 'accountable' },
  { accountId: ERIK, role: 'responsible' },
  { accountId: AMARA, role: 'responsible' },
  { accountId: DAVID, role: 'consulted' },
  { accountId: LUCIA, role: 'informed' },
];
const stored = (): RolesProperty =>
  buildRolesProperty({ framework: 'RACI', assignments: raci, revision: 3, updatedAt: AT, updatedBy: ERIK });

describe('buildRolesProperty', () => {
  test('writes the document with per-role arrays for the JQL index', () => {
    expect(ROLES_PROPERTY_KEY).toBe('accord-roles');
    expect(stored()).toEqual({
      version: 1,
      framework: 'RACI',
      assignments: raci,
      revision: 3,
      updatedAt: AT,
      updatedBy: ERIK,
      accountable: [ERIK],
      responsible: [ERIK, AMARA],
      consulted: [DAVID],
      informed: [LUCIA],
      driver: [],
      approver: [],
      contributor: [],
    });
  });

  test('DACI fills the DACI arrays and drops repeated pairs', () => {
    const p = buildRolesProperty({
      framework: 'DACI',
      assignments: [
        { accountId: ERIK, role: 'driver' },
        { accountId: LUCIA, role: 'approver' },
        { accountId: DAVID, role: 'contributor' },
        { accountId: DAVID, role: 'contributor' },
      ],
      revision: 1,
      updatedAt: AT,
      updatedBy: ERIK,
    });
    expect(p.assignments).toHaveLength(3);
    expect([p.driver, p.approver, p.contributor, p.accountable]).toEqual([[ERIK], [LUCIA], [DAVID], []]);
  });

  test('survives a JSON round trip unchanged', () => {
    const reading = readRolesProperty(JSON.parse(JSON.stringify(stored())));
    expect(reading).toEqual({ property: stored(), revision: 3, findings: [] });
  });
});

describe('readRolesProperty', () => {
  test.each([undefined, null])('%p means the issue has no roles, without a finding', (raw) => {
    expect(readRolesProperty(raw)).toEqual({ property: undefined, revision: 0, findings: [] });
  });

  test('a document stored as a JSON string is read', () => {
    expect(readRolesProperty(JSON.stringify(stored())).property).toEqual(stored());
  });

  const unreadable: Array<[string, unknown, number, RegExp]> = [
    ['a number', 42, 0, /not a roles document/],
    ['an array', [raci], 0, /not a roles document/],
    ['text that is not JSON', '{oops', 0, /not a roles document/],
    ['an empty object', {}, 0, /unknown format/],
    ['a newer version', { ...stored(), version: 2 }, 3, /newer version of Accord/],
    ['no revision', { ...stored(), revision: undefined }, 0, /no valid revision/],
    ['a negative revision', { ...stored(), revision: -1 }, 0, /no valid revision/],
    ['a fractional revision', { ...stored(), revision: 1.5 }, 0, /no valid revision/],
    ['an unknown framework', { ...stored(), framework: 'RAPID' }, 3, /no known framework/],
    [
      'assignments that are not a list',
      { ...stored(), assignments: { [ERIK]: 'accountable' } },
      3,
      /no list of people/,
    ],
  ];
  test.each(unreadable)('%s reads as no roles plus an error finding', (_name, raw, revision, why) => {
    const reading = readRolesProperty(raw);
    expect(reading.property).toBeUndefined();
    expect(reading.revision).toBe(revision);
    expect(reading.findings).toHaveLength(1);
    expect(reading.findings[0]).toMatchObject({ severity: 'error', code: 'roles-property-unreadable' });
    expect(reading.findings[0]?.message).toMatch(why);
    expect(reading.findings[0]?.message).toMatch(/Save the roles again to repair them\.$/);
  });

  const damaged: Array<[string, Record<string, unknown>, Assignment[], RegExp]> = [
    [
      'bad entries are dropped and counted',
      {
        ...stored(),
        assignments: [
          ...raci,
          { accountId: 'not an id', role: 'informed' },
          { accountId: AMARA, role: 'driver' },
          'x',
        ],
      },
      raci,
      /3 stored entries were unreadable/,
    ],
    [
      'repeated pairs are dropped',
      { ...stored(), assignments: [...raci, { accountId: DAVID, role: 'consulted' }] },
      raci,
      /listed twice/,
    ],
    ['an index array that disagrees', { ...stored(), accountable: [AMARA] }, raci, /JQL searches may miss/],
    ['a missing index array', { ...stored(), informed: undefined }, raci, /JQL searches may miss/],
    ['a missing author', { ...stored(), updatedBy: undefined }, raci, /who saved them last/],
    [
      'two Accountables written around Accord',
      {
        ...buildRolesProperty({
          framework: 'RACI',
          assignments: [...raci, { accountId: LUCIA, role: 'accountable' }],
          revision: 3,
          updatedAt: AT,
          updatedBy: ERIK,
        }),
      },
      [...raci, { accountId: LUCIA, role: 'accountable' }],
      /Only one person can be Accountable/,
    ],
  ];
  test.each(damaged)('%s: roles are kept with a warning', (_name, raw, assignments, why) => {
    const reading = readRolesProperty(raw);
    expect(reading.property?.assignments).toEqual(assignments);
    expect(reading.revision).toBe(3);
    expect(reading.findings).toHaveLength(1);
    expect(reading.findings[0]).toMatchObject({ severity: 'warning', code: 'roles-property-damaged' });
    expect(reading.findings[0]?.message).toMatch(why);
  });

  test('index arrays in another order are not damage', () => {
    const p = stored();
    expect(readRolesProperty({ ...p, responsible: [AMARA, ERIK] }).findings).toEqual([]);
  });

  test('the property read back always carries index arrays rebuilt from the assignments', () => {
    const reading = readRolesProperty({ ...stored(), accountable: [AMARA] });
    expect(reading.property?.accountable).toEqual([ERIK]);
  });
});
