import type { Assignment, Framework, Role } from '../../shared/roles';
import {
  DEFAULT_CONSULTED_THRESHOLD,
  type FindingCode,
  findRoleIssues,
  type FindingOptions,
} from './findings';
import { AMARA, DAVID, displayName, ERIK, LEGACY, LUCIA } from './__fixtures__/test-people';

const a = (accountId: string, role: Role): Assignment => ({ accountId, role });
const people = (n: number): string[] => Array.from({ length: n }, (_, i) => `712020:person-${i}`);
const fullRaci = [a(ERIK, 'accountable'), a(AMARA, 'responsible')];
const fullDaci = [a(ERIK, 'driver'), a(LUCIA, 'approver')];

describe('findRoleIssues', () => {
  const cases: Array<
    [string, Framework, Assignment[], FindingOptions, Array<[FindingCode, 'error' | 'warning']>]
  > = [
    ['complete RACI has no findings', 'RACI', fullRaci, {}, []],
    [
      'empty RACI misses both A and R',
      'RACI',
      [],
      {},
      [
        ['no-accountable', 'error'],
        ['no-responsible', 'error'],
      ],
    ],
    ['RACI without Accountable', 'RACI', [a(AMARA, 'responsible')], {}, [['no-accountable', 'error']]],
    ['RACI without Responsible', 'RACI', [a(ERIK, 'accountable')], {}, [['no-responsible', 'error']]],
    ['one person as A and R is complete', 'RACI', [a(ERIK, 'accountable'), a(ERIK, 'responsible')], {}, []],
    ['complete DACI has no findings', 'DACI', fullDaci, {}, []],
    [
      'empty DACI misses Approver and Driver',
      'DACI',
      [],
      {},
      [
        ['no-approver', 'error'],
        ['no-driver', 'error'],
      ],
    ],
    ['DACI without Driver', 'DACI', [a(LUCIA, 'approver')], {}, [['no-driver', 'error']]],
    [
      'Driver who also approves',
      'DACI',
      [a(ERIK, 'driver'), a(ERIK, 'approver')],
      {},
      [['driver-is-approver', 'warning']],
    ],
    [
      `${DEFAULT_CONSULTED_THRESHOLD} Consulted is fine`,
      'RACI',
      [...fullRaci, ...people(DEFAULT_CONSULTED_THRESHOLD).map((id) => a(id, 'consulted'))],
      {},
      [],
    ],
    [
      `${DEFAULT_CONSULTED_THRESHOLD + 1} Consulted is too many`,
      'RACI',
      [...fullRaci, ...people(DEFAULT_CONSULTED_THRESHOLD + 1).map((id) => a(id, 'consulted'))],
      {},
      [['too-many-consulted', 'warning']],
    ],
    [
      'the threshold is configurable',
      'RACI',
      [...fullRaci, a(DAVID, 'consulted'), a(LEGACY, 'consulted')],
      { consultedThreshold: 1 },
      [['too-many-consulted', 'warning']],
    ],
    [
      'the same person listed twice counts once',
      'RACI',
      [...fullRaci, a(DAVID, 'consulted'), a(DAVID, 'consulted')],
      { consultedThreshold: 1 },
      [],
    ],
    [
      'too many Contributors on a decision',
      'DACI',
      [...fullDaci, ...people(3).map((id) => a(id, 'contributor'))],
      { consultedThreshold: 2 },
      [['too-many-contributors', 'warning']],
    ],
    [
      'dependents but nobody Informed',
      'RACI',
      fullRaci,
      { hasDependents: true },
      [['nobody-informed-with-dependents', 'warning']],
    ],
    [
      'dependents and someone Informed',
      'RACI',
      [...fullRaci, a(DAVID, 'informed')],
      { hasDependents: true },
      [],
    ],
    ['no dependents, nobody Informed is fine', 'RACI', fullRaci, { hasDependents: false }, []],
    [
      'decisions with dependents need Informed too',
      'DACI',
      fullDaci,
      { hasDependents: true },
      [['nobody-informed-with-dependents', 'warning']],
    ],
    [
      'roles of the other framework are ignored',
      'RACI',
      [a(ERIK, 'driver'), a(AMARA, 'approver')],
      {},
      [
        ['no-accountable', 'error'],
        ['no-responsible', 'error'],
      ],
    ],
  ];

  test.each(cases)('%s', (_name, framework, assignments, options, expected) => {
    const findings = findRoleIssues(framework, assignments, { displayName, ...options });
    expect(findings.map((f) => [f.code, f.severity])).toEqual(expected);
    for (const f of findings) expect(f.message).toMatch(/^[A-Z0-9].*\.$/);
  });

  test('messages say what to do next', () => {
    const [noR] = findRoleIssues('RACI', [a(ERIK, 'accountable')]);
    expect(noR?.message).toBe('No one is Responsible yet. Add the person doing the work.');
    const [both] = findRoleIssues('DACI', [a(ERIK, 'driver'), a(ERIK, 'approver')], { displayName });
    expect(both?.message).toMatch(
      /^Erik Lindqvist both drives and approves this decision\. Ask someone else/,
    );
    const [unnamed] = findRoleIssues('DACI', [a(ERIK, 'driver'), a(ERIK, 'approver')]);
    expect(unnamed?.message).toMatch(/^This person both drives and approves/);
    const [many] = findRoleIssues('RACI', [...fullRaci, ...people(7).map((id) => a(id, 'consulted'))]);
    expect(many?.message).toBe(
      '7 people are Consulted, more than 5. Waiting on everyone slows the work: make those who only need updates Informed instead.',
    );
  });
});
