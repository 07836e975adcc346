import fc from 'fast-check';
import type { Assignment, Framework, Role } from '../../shared/roles';
import { applyAssignmentChanges, diffAssignments } from './assignment-diff';
import { findRoleIssues } from './findings';
import { checkHardRules, passesHardRules } from './hard-rules';
import { formatRaciCsv, parseRaciCsv, type RaciMatrix } from './raci-csv';
import { isStale, nextRevision } from './revision';
import { ALL_ROLES, isUniqueRole, rolesOf } from './role-catalog';
import { buildRolesProperty, readRolesProperty } from './roles-property';

const validIds = ['712020:a-1', '712020:b-2', '557058:c-3', '5b10ac8d82e05b22cc7d4ef5', 'qm:d:4'];
const framework = fc.constantFrom<Framework>('RACI', 'DACI');
const validId = fc.constantFrom(...validIds);
const anyId = fc.oneof(validId, fc.string({ maxLength: 6 }), fc.constantFrom('', 'unknown', 'a b', 'x@y.z'));
const anyRole = fc.oneof(fc.constantFrom<string>(...ALL_ROLES), fc.string({ maxLength: 8 }));
const rawAssignments = fc.array(fc.record({ accountId: anyId, role: anyRole }), { maxLength: 12 });
const assignmentsOf = (fw: Framework): fc.Arbitrary<Assignment[]> =>
  fc.array(fc.record({ accountId: validId, role: fc.constantFrom(...rolesOf(fw)) }), { maxLength: 12 });
const key = (a: Assignment): string => `${a.accountId}|${a.role}`;
const asSet = (list: readonly Assignment[]): string[] => [...new Set(list.map(key))].sort();

describe('hard rules (properties)', () => {
  test('never throw, and every violation carries a sentence', () => {
    fc.assert(
      fc.property(framework, rawAssignments, (fw, list) => {
        for (const v of checkHardRules(fw, list)) {
          expect(v.code).toBe('RULE_VIOLATION');
          expect(v.message.length).toBeGreaterThan(10);
        }
      }),
    );
  });

  test('a list that passes has at most one holder of each unique role, no duplicates, only framework roles', () => {
    fc.assert(
      fc.property(framework, rawAssignments, (fw, list) => {
        fc.pre(passesHardRules(fw, list));
        const holders = (role: Role): number =>
          new Set(list.filter((a) => a.role === role).map((a) => a.accountId)).size;
        expect(holders('accountable')).toBeLessThanOrEqual(1);
        expect(holders('driver')).toBeLessThanOrEqual(1);
        expect(holders('approver')).toBeLessThanOrEqual(1);
        expect(new Set(list.map((a) => `${a.accountId}|${a.role}`)).size).toBe(list.length);
        for (const a of list) expect(rolesOf(fw)).toContain(a.role);
      }),
    );
  });

  test('adding a person to a non-unique role creates no violation except a duplicate', () => {
    fc.assert(
      fc.property(
        framework.chain((fw) =>
          fc.tuple(
            fc.constant(fw),
            assignmentsOf(fw),
            validId,
            fc.constantFrom(...rolesOf(fw).filter((r) => !isUniqueRole(fw, r))),
          ),
        ),
        ([fw, list, accountId, role]) => {
          fc.pre(passesHardRules(fw, list));
          const rules = checkHardRules(fw, [...list, { accountId, role }]).map((v) => v.rule);
          const alreadyThere = list.some((a) => a.accountId === accountId && a.role === role);
          expect(rules).toEqual(alreadyThere ? ['duplicate-assignment'] : []);
        },
      ),
    );
  });

  test('findings never refuse and never throw', () => {
    fc.assert(
      fc.property(
        framework,
        fc.array(fc.record({ accountId: validId, role: fc.constantFrom(...ALL_ROLES) })),
        (fw, list) => {
          for (const f of findRoleIssues(fw, list, { hasDependents: true })) {
            expect(['error', 'warning']).toContain(f.severity);
          }
        },
      ),
    );
  });
});

describe('history diff (properties)', () => {
  test('applying diff(before, after) to before gives after', () => {
    fc.assert(
      fc.property(
        framework.chain((fw) => fc.tuple(assignmentsOf(fw), assignmentsOf(fw))),
        ([before, after]) => {
          const changes = diffAssignments(before, after);
          expect(asSet(applyAssignmentChanges(before, changes))).toEqual(asSet(after));
          expect(diffAssignments(after, after)).toEqual([]);
          expect(diffAssignments(after, before)).toHaveLength(changes.length);
        },
      ),
    );
  });
});

describe('stored property (properties)', () => {
  test('reading never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.string()), (raw) => {
        const reading = readRolesProperty(raw);
        expect(Number.isSafeInteger(reading.revision)).toBe(true);
        if (reading.property === undefined) expect(reading.findings.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('build then read gives the same roles and no findings for lists that pass the hard rules', () => {
    fc.assert(
      fc.property(
        framework.chain((fw) => fc.tuple(fc.constant(fw), assignmentsOf(fw))),
        fc.nat(),
        ([fw, list], revision) => {
          fc.pre(passesHardRules(fw, list));
          const built = buildRolesProperty({
            framework: fw,
            assignments: list,
            revision,
            updatedAt: '2026-01-01T00:00:00.000Z',
            updatedBy: validIds[0] as string,
          });
          const reading = readRolesProperty(JSON.parse(JSON.stringify(built)));
          expect(reading).toEqual({ property: built, revision, findings: [] });
        },
      ),
    );
  });

  test('a write based on what was read is current until the next save', () => {
    fc.assert(
      fc.property(fc.nat(), (current) => {
        expect(isStale(current, current)).toBe(false);
        expect(isStale(current, nextRevision(current))).toBe(true);
      }),
    );
  });
});

describe('RACI CSV (properties)', () => {
  const name = fc
    .oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('=1+1', '@cmd', "'=x", '-5', '"quoted"', 'a,b', 'a;b;c', 'two\nlines', 'Lucía'),
    )
    .map((s) => s.trim());
  const nonEmptyName = name.filter((s) => s !== '');

  const matrix: fc.Arbitrary<RaciMatrix> = framework.chain((fw) =>
    fc
      .uniqueArray(nonEmptyName, { minLength: 1, maxLength: 5, selector: (s) => s.toLowerCase() })
      .chain((holders) =>
        fc.record({
          framework: fc.constant(fw),
          activityLabel: name,
          holders: fc.constant(holders),
          rows: fc.array(
            fc.record({
              activity: nonEmptyName,
              cells: fc.tuple(
                ...holders.map(() => fc.subarray([...rolesOf(fw)]).map((roles) => canonical(fw, roles))),
              ),
            }),
            { maxLength: 6 },
          ),
        }),
      ),
  );

  test('format then parse gives the same matrix', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const parsed = parseRaciCsv(formatRaciCsv(m), { framework: m.framework });
        const back: RaciMatrix = {
          framework: parsed.framework,
          activityLabel: parsed.activityLabel,
          holders: parsed.holders,
          rows: parsed.rows.map((r) => ({ activity: r.activity, cells: r.cells })),
        };
        expect(back).toEqual(m);
        const unique = m.framework === 'RACI' ? ['accountable'] : ['driver', 'approver'];
        const rowsValid = m.rows.every((r) =>
          unique.every((u) => r.cells.filter((c) => c.includes(u as Role)).length <= 1),
        );
        expect(parsed.errors.length === 0).toBe(rowsValid);
      }),
    );
  });

  test('parsing arbitrary text never throws', () => {
    const unit = fc.constantFrom('A', 'R', 'C', 'I', 'x', ',', ';', '"', '/', ' ', '\n', '\r', "'", '=');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const parsed = parseRaciCsv(text);
        for (const row of parsed.rows) expect(row.cells).toHaveLength(parsed.holders.length);
      }),
    );
  });

  test('hand-written CSV that reads without errors formats to text that reads the same', () => {
    const field = fc.constantFrom('Plan', ' Ship ', '"a,b"', '"say ""hi"""', "'=SUM(1)", 'Lucía', '', 'x y');
    const cell = fc.constantFrom('A', 'R', 'C', 'I', 'A/R', 'r / a', ' I ', 'c', '', 'Informed', 'R+C');
    const csv = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc
        .tuple(
          fc.array(field, { minLength: width + 1, maxLength: width + 1 }),
          fc.array(fc.tuple(field, fc.array(cell, { minLength: width, maxLength: width })), {
            maxLength: 5,
          }),
          fc.constantFrom('\n', '\r\n'),
          fc.constantFrom(',', ';'),
        )
        .map(([header, rows, eol, sep]) =>
          [header.join(sep), ...rows.map(([activity, cells]) => [activity, ...cells].join(sep))].join(eol),
        ),
    );
    let clean = 0;
    fc.assert(
      fc.property(csv, (text) => {
        const once = parseRaciCsv(text);
        if (once.errors.length > 0) return;
        clean += 1;
        const twice = parseRaciCsv(formatRaciCsv(once));
        expect(twice.errors).toEqual([]);
        expect([twice.activityLabel, twice.holders]).toEqual([once.activityLabel, once.holders]);
        expect(twice.rows.map((r) => [r.activity, r.cells])).toEqual(
          once.rows.map((r) => [r.activity, r.cells]),
        );
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that never reaches the round trip.
    expect(clean).toBeGreaterThan(20);
  });
});

function canonical(fw: Framework, roles: readonly Role[]): Role[] {
  const order: Role[] =
    fw === 'RACI'
      ? ['accountable', 'responsible', 'consulted', 'informed']
      : ['driver', 'approver', 'contributor', 'informed'];
  return order.filter((r) => roles.includes(r));
}
