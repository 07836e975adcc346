import { buildRolesProperty, ROLES_PROPERTY_KEY, type RolesProperty } from '../domain/roles';
import type { Assignment, Framework } from '../shared/roles';
import { AppError } from './errors';
import { getRoles } from './get-roles';
import { overrideRoles } from './override-roles';
import { resetRoles } from './reset-roles';
import { setRoles, type SetRolesDeps } from './set-roles';
import { fixedClock } from '../../test/support/in-memory-ports';
import { FakeJira, memoryAuditLog } from '../../test/support/roles-fakes';

const EDITOR = '712020:editor-0001';
const VIEWER = '712020:viewer-0002';
const ANA = '712020:ana-0003';
const BEN = '712020:ben-0004';
const CAL = '712020:cal-0005';

const stored = (framework: Framework, assignments: Assignment[], revision = 1): RolesProperty =>
  buildRolesProperty({
    framework,
    assignments,
    revision,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: ANA,
  });

/** An initiative → epic → story → subtask chain, plus a decision; nobody has roles unless a test gives them. */
function setup() {
  const jira = new FakeJira()
    .add({ key: 'P-1', type: 'Initiative' })
    .add({ key: 'P-2', type: 'Epic', parentKey: 'P-1' })
    .add({ key: 'P-3', type: 'Story', parentKey: 'P-2' })
    .add({ key: 'P-4', type: 'Subtask', parentKey: 'P-3' })
    .add({ key: 'P-5', type: 'Decision', parentKey: 'P-2' })
    .grant(EDITOR, 'BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADD_COMMENTS')
    .grant(VIEWER, 'BROWSE_PROJECTS');
  const audit = memoryAuditLog();
  const clock = fixedClock('2026-11-27T10:00:00Z');
  const deps = (who: string): SetRolesDeps => ({ jira: jira.as(who), actions: jira.as(who), audit, clock });
  const give = (key: string, property: RolesProperty) =>
    (jira.issues.get(key)!.properties[ROLES_PROPERTY_KEY] = property);
  const own = (key: string) =>
    jira.issues.get(key)!.properties[ROLES_PROPERTY_KEY] as RolesProperty | undefined;
  return { jira, audit, clock, deps, give, own };
}

const failure = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
};

const raci: Assignment[] = [
  { accountId: ANA, role: 'accountable' },
  { accountId: ANA, role: 'responsible' },
  { accountId: BEN, role: 'consulted' },
];

describe('setRoles', () => {
  it('stores the roles as the caller at revision 1, indexed per role, with an audit line of the diff', async () => {
    const { deps, own, audit, jira } = setup();
    const view = await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: raci,
      revision: 0,
    });
    expect(view).toMatchObject({
      issueKey: 'P-3',
      source: 'issue',
      revision: 1,
      canEdit: true,
      updatedBy: EDITOR,
    });
    expect(view.assignments).toEqual(raci);
    expect(own('P-3')).toMatchObject({
      revision: 1,
      accountable: [ANA],
      responsible: [ANA],
      consulted: [BEN],
    });
    expect(jira.writes()).toEqual([`put P-3 ${ROLES_PROPERTY_KEY} as ${EDITOR}`]);
    expect(audit.records).toEqual([
      {
        issueKey: 'P-3',
        at: '2026-11-27T10:00:00.000Z',
        accountId: EDITOR,
        action: 'set',
        entry: {
          at: '2026-11-27T10:00:00.000Z',
          accountId: EDITOR,
          action: 'set',
          changes: raci.map((a) => ({ ...a, change: 'added' })),
          frameworkAfter: 'RACI',
        },
      },
    ]);
  });

  it.each<[string, Framework, Array<{ accountId: string; role: string }>, string, RegExp]>([
    [
      'two Accountables',
      'RACI',
      [
        { accountId: ANA, role: 'accountable' },
        { accountId: BEN, role: 'accountable' },
      ],
      'single-accountable',
      /Only one person can be Accountable/,
    ],
    [
      'two Approvers',
      'DACI',
      [
        { accountId: ANA, role: 'approver' },
        { accountId: BEN, role: 'approver' },
      ],
      'single-approver',
      /Only one person can be the Approver/,
    ],
    [
      'two Drivers',
      'DACI',
      [
        { accountId: ANA, role: 'driver' },
        { accountId: BEN, role: 'driver' },
      ],
      'single-driver',
      /Only one person can be the Driver/,
    ],
    [
      'a DACI role on RACI',
      'RACI',
      [{ accountId: ANA, role: 'approver' }],
      'unknown-role',
      /Approver is a DACI role/,
    ],
    [
      'an unknown role',
      'RACI',
      [{ accountId: ANA, role: 'boss' }],
      'unknown-role',
      /“boss” is not a RACI role/,
    ],
    [
      'the same person twice in a role',
      'RACI',
      [
        { accountId: ANA, role: 'informed' },
        { accountId: ANA, role: 'informed' },
      ],
      'duplicate-assignment',
      /listed twice as Informed/,
    ],
    [
      'a malformed account id',
      'RACI',
      [{ accountId: 'not an id!', role: 'informed' }],
      'malformed-account-id',
      /not a valid Atlassian account id/,
    ],
  ])(
    'refuses %s with RULE_VIOLATION and reads or writes nothing',
    async (_name, framework, assignments, rule, sentence) => {
      const { deps, jira, audit } = setup();
      const e = await failure(
        setRoles(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, framework, assignments, revision: 0 }),
      );
      expect(e.code).toBe('RULE_VIOLATION');
      expect(e.message).toMatch(sentence);
      expect((e.details as { violations: Array<{ rule: string }> }).violations.map((v) => v.rule)).toContain(
        rule,
      );
      expect(jira.calls).toEqual([]);
      expect(audit.records).toEqual([]);
    },
  );

  it('refuses a caller without EDIT_ISSUES with FORBIDDEN, writing nothing', async () => {
    const { deps, jira, audit, own } = setup();
    const e = await failure(
      setRoles(deps(VIEWER), {
        issueKey: 'P-3',
        accountId: VIEWER,
        framework: 'RACI',
        assignments: raci,
        revision: 0,
      }),
    );
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/cannot change the roles on P-3/);
    expect(jira.writes()).toEqual([]);
    expect(own('P-3')).toBeUndefined();
    expect(audit.records).toEqual([]);
  });

  it('answers NOT_FOUND for an issue the caller cannot browse, without revealing whether it exists', async () => {
    const { deps, jira } = setup();
    const stranger = '712020:stranger-9';
    const hidden = await failure(
      setRoles(deps(stranger), {
        issueKey: 'P-3',
        accountId: stranger,
        framework: 'RACI',
        assignments: raci,
        revision: 0,
      }),
    );
    const missing = await failure(
      setRoles(deps(EDITOR), {
        issueKey: 'P-99',
        accountId: EDITOR,
        framework: 'RACI',
        assignments: raci,
        revision: 0,
      }),
    );
    expect([hidden.code, missing.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(hidden.message.replace('P-3', 'X')).toBe(missing.message.replace('P-99', 'X'));
    expect(jira.writes()).toEqual([]);
  });

  it.each([
    ['behind the store', 1, 2],
    ['ahead of the store', 3, 2],
    ['0 while the issue has roles', 0, 2],
  ])(
    'refuses a revision %s with CONFLICT carrying the current view, writing nothing',
    async (_n, basedOn, current) => {
      const { deps, give, jira, audit, own } = setup();
      give('P-3', stored('RACI', [{ accountId: BEN, role: 'accountable' }], current));
      const e = await failure(
        setRoles(deps(EDITOR), {
          issueKey: 'P-3',
          accountId: EDITOR,
          framework: 'RACI',
          assignments: raci,
          revision: basedOn,
        }),
      );
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toMatch(/Someone else changed the roles on P-3/);
      expect((e.details as { current: unknown }).current).toMatchObject({
        revision: current,
        source: 'issue',
        assignments: [{ accountId: BEN, role: 'accountable' }],
      });
      expect(jira.writes()).toEqual([]);
      expect(own('P-3')!.revision).toBe(current);
      expect(audit.records).toEqual([]);
    },
  );

  it('writes nothing when nothing changed (same people in another order, same framework)', async () => {
    const { deps, give, jira, audit } = setup();
    give('P-3', stored('RACI', raci, 4));
    const view = await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [...raci].reverse(),
      revision: 4,
    });
    expect(view.revision).toBe(4);
    expect(jira.writes()).toEqual([]);
    expect(audit.records).toEqual([]);
  });

  it('writes nothing for an empty list on an issue that has and inherits no roles', async () => {
    const { deps, jira } = setup();
    const view = await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [],
      revision: 0,
    });
    expect(view).toMatchObject({ source: 'none', revision: 0 });
    expect(jira.writes()).toEqual([]);
  });

  it('stores an empty list on purpose when it hides inherited roles, and records removals and framework changes', async () => {
    const { deps, give, own, audit } = setup();
    give('P-2', stored('RACI', raci));
    const cleared = await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [],
      revision: 0,
    });
    expect(cleared).toMatchObject({ source: 'issue', assignments: [], revision: 1 });
    expect(own('P-3')!.assignments).toEqual([]);

    const daci = await setRoles(deps(EDITOR), {
      issueKey: 'P-2',
      accountId: EDITOR,
      framework: 'DACI',
      assignments: [{ accountId: CAL, role: 'driver' }],
      revision: 1,
    });
    expect(daci).toMatchObject({ framework: 'DACI', revision: 2 });
    expect(audit.records.at(-1)!.entry).toMatchObject({
      frameworkBefore: 'RACI',
      frameworkAfter: 'DACI',
      changes: [
        { accountId: ANA, role: 'accountable', change: 'removed' },
        { accountId: ANA, role: 'responsible', change: 'removed' },
        { accountId: BEN, role: 'consulted', change: 'removed' },
        { accountId: CAL, role: 'driver', change: 'added' },
      ],
    });
  });

  it('rewrites a damaged property even when its people did not change (saving repairs it)', async () => {
    const { deps, give, own } = setup();
    give('P-3', { ...stored('RACI', raci, 2), accountable: [] });
    const view = await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: raci,
      revision: 2,
    });
    expect(view.revision).toBe(3);
    expect(view.findings.map((f) => f.code)).not.toContain('roles-property-damaged');
    expect(own('P-3')!.accountable).toEqual([ANA]);
  });

  it('records a bulk apply as such', async () => {
    const { deps, audit } = setup();
    await setRoles(deps(EDITOR), {
      issueKey: 'P-3',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: raci,
      revision: 0,
      action: 'bulk-apply',
    });
    expect(audit.records[0]!.action).toBe('bulk-apply');
  });
});

describe('getRoles: inheritance and findings', () => {
  it.each<[string, string, string | undefined, string[]]>([
    ['its own roles', 'P-4', undefined, ['get P-4']],
    ['the story above it', 'P-3', 'P-3', ['get P-4', 'get P-3']],
    ['the epic two levels up', 'P-2', 'P-2', ['get P-4', 'get P-3', 'get P-2']],
    ['the initiative at the top', 'P-1', 'P-1', ['get P-4', 'get P-3', 'get P-2', 'get P-1']],
  ])('a subtask shows %s, reading only as far up as needed', async (_n, holder, inheritedFrom, reads) => {
    const { deps, give, jira } = setup();
    give(holder, stored('RACI', raci));
    if (holder !== 'P-1') give('P-1', stored('RACI', [{ accountId: CAL, role: 'accountable' }]));
    const view = await getRoles(deps(VIEWER), { issueKey: 'P-4' });
    expect(view).toMatchObject({
      source: inheritedFrom ? 'inherited' : 'issue',
      assignments: raci,
      revision: inheritedFrom ? 0 : 1,
      canEdit: false,
    });
    expect(view.inheritedFrom).toBe(inheritedFrom);
    expect(jira.calls.filter((c) => c.startsWith('get '))).toEqual(reads);
  });

  it('skips an ancestor whose list is empty and says "none" with the default framework when nobody has roles', async () => {
    const { deps, give } = setup();
    give('P-3', stored('RACI', []));
    give('P-1', stored('RACI', raci));
    expect(await getRoles(deps(EDITOR), { issueKey: 'P-4' })).toMatchObject({
      source: 'inherited',
      inheritedFrom: 'P-1',
    });
    const none = await getRoles(setup().deps(EDITOR), { issueKey: 'P-5' });
    expect(none).toMatchObject({
      source: 'none',
      framework: 'DACI',
      assignments: [],
      findings: [],
      revision: 0,
      canEdit: true,
    });
  });

  it('never shows roles of an ancestor the caller cannot browse', async () => {
    const { jira, give } = setup();
    give('P-2', stored('RACI', raci));
    // A person who can browse only the story sees no parent and so inherits nothing.
    const narrow: FakeJira['as'] = (who) => {
      const inner = jira.as(who);
      return { ...inner, getIssue: async (k, o) => (k === 'P-2' ? null : inner.getIssue(k, o)) };
    };
    const view = await getRoles({ jira: narrow(VIEWER) }, { issueKey: 'P-3' });
    expect(view.source).toBe('none');
    expect(view.canEdit).toBeUndefined();
  });

  it('warns that nobody is Informed only on an issue that blocks others, and honours the Consulted threshold', async () => {
    const { deps, give, jira } = setup();
    give('P-3', stored('RACI', raci));
    const codes = async (threshold?: number) =>
      (
        await getRoles(
          { ...deps(EDITOR), ...(threshold !== undefined ? { consultedThreshold: threshold } : {}) },
          { issueKey: 'P-3' },
        )
      ).findings.map((f) => f.code);
    expect(await codes()).toEqual([]);
    jira.issues.get('P-3')!.links = [{ type: 'Blocks', direction: 'inward', issueKey: 'P-9' }];
    expect(await codes()).toEqual([]);
    jira.issues.get('P-3')!.links = [{ type: 'Blocks', direction: 'outward', issueKey: 'P-9' }];
    expect(await codes()).toEqual(['nobody-informed-with-dependents']);
    expect(await codes(0)).toEqual(['too-many-consulted', 'nobody-informed-with-dependents']);
  });

  it('reports an unreadable property as a finding and keeps its revision, so the next save must be based on it', async () => {
    const { deps, give } = setup();
    give('P-2', stored('RACI', raci));
    give('P-3', { version: 1, revision: 7, framework: 'XACI' } as unknown as RolesProperty);
    const view = await getRoles(deps(EDITOR), { issueKey: 'P-3' });
    expect(view).toMatchObject({ source: 'inherited', inheritedFrom: 'P-2', revision: 7 });
    expect(view.findings[0]).toMatchObject({ severity: 'error', code: 'roles-property-unreadable' });
  });
});

describe('overrideRoles / resetRoles', () => {
  it('override copies the inherited roles onto the issue; reset removes them so it inherits again', async () => {
    const { deps, give, own, audit } = setup();
    give('P-2', stored('RACI', raci, 5));
    const overridden = await overrideRoles(deps(EDITOR), { issueKey: 'P-4', accountId: EDITOR, revision: 0 });
    expect(overridden).toMatchObject({ source: 'issue', revision: 1, assignments: raci });
    expect(overridden.inheritedFrom).toBeUndefined();
    expect(own('P-4')).toMatchObject({ revision: 1, accountable: [ANA] });
    expect(audit.records[0]!.entry).toMatchObject({ action: 'override', note: 'Copied from P-2.' });

    const reset = await resetRoles(deps(EDITOR), { issueKey: 'P-4', accountId: EDITOR, revision: 1 });
    expect(reset).toMatchObject({
      source: 'inherited',
      inheritedFrom: 'P-2',
      revision: 0,
      assignments: raci,
    });
    expect(own('P-4')).toBeUndefined();
    expect(audit.records[1]!.entry).toMatchObject({
      action: 'reset',
      changes: raci.map((a) => ({ ...a, change: 'removed' })),
    });
  });

  it('both check the revision and EDIT_ISSUES first, and do nothing when there is nothing to do', async () => {
    const { deps, give, jira, audit } = setup();
    give('P-2', stored('RACI', raci, 5));
    give('P-3', stored('RACI', raci, 2));
    expect(
      (await failure(overrideRoles(deps(EDITOR), { issueKey: 'P-4', accountId: EDITOR, revision: 3 }))).code,
    ).toBe('CONFLICT');
    expect(
      (await failure(resetRoles(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, revision: 1 }))).code,
    ).toBe('CONFLICT');
    expect(
      (await failure(overrideRoles(deps(VIEWER), { issueKey: 'P-4', accountId: VIEWER, revision: 0 }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(resetRoles(deps(VIEWER), { issueKey: 'P-3', accountId: VIEWER, revision: 2 }))).code,
    ).toBe('FORBIDDEN');
    // Already its own: override leaves it. No roles of its own: reset leaves it.
    expect(
      await overrideRoles(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, revision: 2 }),
    ).toMatchObject({ source: 'issue', revision: 2 });
    expect(await resetRoles(deps(EDITOR), { issueKey: 'P-4', accountId: EDITOR, revision: 0 })).toMatchObject(
      { source: 'inherited', inheritedFrom: 'P-3' },
    );
    expect(jira.writes()).toEqual([]);
    expect(audit.records).toEqual([]);
  });

  it('override refuses an issue that inherits nothing', async () => {
    const { deps } = setup();
    const e = await failure(overrideRoles(deps(EDITOR), { issueKey: 'P-4', accountId: EDITOR, revision: 0 }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/inherits no roles/);
  });

  it('a stale editor is refused after a reset and a new save (revisions restart, any old one is stale)', async () => {
    const { deps, give } = setup();
    give('P-3', stored('RACI', raci, 3));
    await resetRoles(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, revision: 3 });
    const e = await failure(
      setRoles(deps(EDITOR), {
        issueKey: 'P-3',
        accountId: EDITOR,
        framework: 'RACI',
        assignments: raci,
        revision: 3,
      }),
    );
    expect(e.code).toBe('CONFLICT');
  });
});
