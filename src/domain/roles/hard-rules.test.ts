import type { Framework } from '../../shared/roles';
import { type AssignmentInput, checkHardRules, type HardRule, passesHardRules } from './hard-rules';
import { AMARA, DAVID, displayName, ERIK, LEGACY, LUCIA } from './__fixtures__/test-people';

const a = (accountId: string, role: string): AssignmentInput => ({ accountId, role });

describe('checkHardRules', () => {
  const cases: Array<[string, Framework, AssignmentInput[], Array<[HardRule, string[]]>]> = [
    ['empty list is allowed', 'RACI', [], []],
    ['A and R on one person is normal', 'RACI', [a(ERIK, 'accountable'), a(ERIK, 'responsible')], []],
    [
      'full RACI with many R, C and I',
      'RACI',
      [
        a(ERIK, 'accountable'),
        a(AMARA, 'responsible'),
        a(LUCIA, 'responsible'),
        a(DAVID, 'consulted'),
        a(LEGACY, 'informed'),
      ],
      [],
    ],
    [
      'two Accountable',
      'RACI',
      [a(ERIK, 'accountable'), a(AMARA, 'accountable')],
      [['single-accountable', [ERIK, AMARA]]],
    ],
    [
      'three Accountable is one violation naming all',
      'RACI',
      [a(ERIK, 'accountable'), a(AMARA, 'accountable'), a(LUCIA, 'accountable')],
      [['single-accountable', [ERIK, AMARA, LUCIA]]],
    ],
    ['two Drivers', 'DACI', [a(ERIK, 'driver'), a(AMARA, 'driver')], [['single-driver', [ERIK, AMARA]]]],
    [
      'two Approvers',
      'DACI',
      [a(ERIK, 'approver'), a(AMARA, 'approver')],
      [['single-approver', [ERIK, AMARA]]],
    ],
    ['Driver may also approve (only a finding)', 'DACI', [a(ERIK, 'driver'), a(ERIK, 'approver')], []],
    ['many Contributors are fine', 'DACI', [a(ERIK, 'contributor'), a(AMARA, 'contributor')], []],
    ['DACI role on a RACI issue', 'RACI', [a(ERIK, 'approver')], [['unknown-role', [ERIK]]]],
    ['RACI role on a DACI issue', 'DACI', [a(ERIK, 'accountable')], [['unknown-role', [ERIK]]]],
    ['made-up role', 'RACI', [a(ERIK, 'owner')], [['unknown-role', [ERIK]]]],
    ['role names are case-sensitive', 'RACI', [a(ERIK, 'Accountable')], [['unknown-role', [ERIK]]]],
    [
      'same person twice in a role',
      'RACI',
      [a(AMARA, 'consulted'), a(AMARA, 'consulted')],
      [['duplicate-assignment', [AMARA]]],
    ],
    [
      'same person twice as Accountable is a duplicate, not two Accountables',
      'RACI',
      [a(ERIK, 'accountable'), a(ERIK, 'accountable')],
      [['duplicate-assignment', [ERIK]]],
    ],
    ['empty account id', 'RACI', [a('', 'informed')], [['malformed-account-id', ['']]]],
    [
      'account id with spaces',
      'RACI',
      [a('erik lindqvist', 'informed')],
      [['malformed-account-id', ['erik lindqvist']]],
    ],
    [
      'e-mail address is not an account id',
      'RACI',
      [a('erik@example.com', 'informed')],
      [['malformed-account-id', ['erik@example.com']]],
    ],
    ['deleted-user placeholder', 'RACI', [a('unknown', 'informed')], [['malformed-account-id', ['unknown']]]],
    [
      'longer than 128 characters',
      'RACI',
      [a('x'.repeat(129), 'informed')],
      [['malformed-account-id', ['x'.repeat(129)]]],
    ],
    ['128 characters is allowed', 'RACI', [a('x'.repeat(128), 'informed')], []],
    [
      'legacy and customer ids are valid',
      'RACI',
      [a(LEGACY, 'informed'), a('qm:1a2b-3c:4d5e-6f', 'informed')],
      [],
    ],
    [
      'a malformed second Accountable is reported only as malformed',
      'RACI',
      [a(ERIK, 'accountable'), a('not an id', 'accountable')],
      [['malformed-account-id', ['not an id']]],
    ],
    [
      'several rules at once, each reported once',
      'RACI',
      [
        a(ERIK, 'accountable'),
        a(AMARA, 'accountable'),
        a(LUCIA, 'driver'),
        a(LUCIA, 'driver'),
        a(DAVID, 'informed'),
        a(DAVID, 'informed'),
        a(DAVID, 'informed'),
      ],
      [
        ['unknown-role', [LUCIA]],
        ['duplicate-assignment', [DAVID]],
        ['single-accountable', [ERIK, AMARA]],
      ],
    ],
  ];

  test.each(cases)('%s', (_name, framework, assignments, expected) => {
    const violations = checkHardRules(framework, assignments, { displayName });
    expect(violations.map((v) => [v.rule, v.accountIds])).toEqual(expected);
    for (const v of violations) {
      expect(v.code).toBe('RULE_VIOLATION');
      expect(v.message).toMatch(/^[“A-Z].*\.$/);
    }
    expect(passesHardRules(framework, assignments)).toBe(expected.length === 0);
  });
});

describe('violation messages', () => {
  const message = (framework: Framework, assignments: AssignmentInput[], withNames = true): string =>
    checkHardRules(framework, assignments, withNames ? { displayName } : {})[0]?.message ?? '';

  test('single Accountable names the holder and suggests Responsible', () => {
    expect(message('RACI', [a(ERIK, 'accountable'), a(AMARA, 'accountable')])).toBe(
      'Only one person can be Accountable: Erik Lindqvist already is. Make Amara Okafor Responsible instead, or replace Erik Lindqvist.',
    );
  });

  test('several extra Accountables are joined like a sentence', () => {
    expect(
      message('RACI', [a(ERIK, 'accountable'), a(AMARA, 'accountable'), a(LUCIA, 'accountable')]),
    ).toContain('Make Amara Okafor and Lucía Fernández Responsible instead');
  });

  test('without a name lookup the message still reads as a sentence', () => {
    expect(message('RACI', [a(ERIK, 'accountable'), a(AMARA, 'accountable')], false)).toBe(
      'Only one person can be Accountable: someone else already is. Make this person Responsible instead, or replace the current Accountable.',
    );
  });

  test('a lookup that throws or returns blank falls back to "this person"', () => {
    const throwing = (): string => {
      throw new Error('directory down');
    };
    const [v] = checkHardRules('RACI', [a(ERIK, 'consulted'), a(ERIK, 'consulted')], {
      displayName: throwing,
    });
    expect(v?.message).toBe('This person is listed twice as Consulted. Remove the extra entry.');
    const [w] = checkHardRules('RACI', [a(ERIK, 'consulted'), a(ERIK, 'consulted')], {
      displayName: () => '  ',
    });
    expect(w?.message).toContain('This person is listed twice');
  });

  test('Driver and Approver suggest Contributor', () => {
    expect(message('DACI', [a(ERIK, 'driver'), a(AMARA, 'driver')])).toBe(
      'Only one person can be the Driver: Erik Lindqvist already is. Make Amara Okafor a Contributor instead, or replace Erik Lindqvist.',
    );
    expect(message('DACI', [a(ERIK, 'approver'), a(AMARA, 'approver'), a(LUCIA, 'approver')])).toContain(
      'Make Amara Okafor and Lucía Fernández Contributors instead',
    );
  });

  test('a role of the other framework suggests its counterpart', () => {
    expect(message('DACI', [a(ERIK, 'accountable')])).toBe(
      'Accountable is a RACI role, but this issue uses DACI. Make Erik Lindqvist the Approver instead.',
    );
    expect(message('RACI', [a(AMARA, 'contributor')])).toBe(
      'Contributor is a DACI role, but this issue uses RACI. Make Amara Okafor Consulted instead.',
    );
  });

  test('a made-up role lists the roles to choose from', () => {
    expect(message('RACI', [a(ERIK, 'owner')])).toBe(
      '“owner” is not a RACI role. Choose Responsible, Accountable, Consulted or Informed for Erik Lindqvist.',
    );
  });

  test('a malformed id is quoted, shortened, and never looked up', () => {
    const lookup = jest.fn(displayName);
    const [v] = checkHardRules('RACI', [a('bad id '.repeat(20), 'informed')], { displayName: lookup });
    expect(v?.message).toMatch(/^“bad id bad id .{20,}…” is not a valid Atlassian account id\./);
    expect(lookup).not.toHaveBeenCalled();
    expect(message('RACI', [a('  ', 'informed')])).toBe(
      'A person in the list has no account id. Pick them again from the people picker.',
    );
  });
});
