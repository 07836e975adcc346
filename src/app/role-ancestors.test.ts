import { buildRolesProperty, ROLES_PROPERTY_KEY } from '../domain/roles';
import { fakeBulkReader, issue } from '../../test/support/project-page-fakes';
import type { IssueSnapshot } from './ports';
import { loadRoleAncestors, roleAncestorChain } from './role-ancestors';

const ACCOUNTABLE = '5b10a2844c20165700ede21g';
const roles = (assignments: Array<{ accountId: string; role: 'accountable' }>) => ({
  [ROLES_PROPERTY_KEY]: buildRolesProperty({
    framework: 'RACI',
    assignments,
    revision: 1,
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: ACCOUNTABLE,
  }),
});
const child = (key: string, parentKey: string, properties = {}): IssueSnapshot => ({
  ...issue(key, properties),
  parentKey,
});

describe('the Roles panel walk over bulk reads', () => {
  // LAUNCH-3 (no roles) → LAUNCH-2 (roles cleared: an empty property) → LAUNCH-1 (Accountable).
  const epic = issue('LAUNCH-1', roles([{ accountId: ACCOUNTABLE, role: 'accountable' }]), 'Epic');
  const story = child('LAUNCH-2', 'LAUNCH-1', roles([]));
  const subtask = child('LAUNCH-3', 'LAUNCH-2');

  it('climbs past an ancestor whose roles were cleared, to the one that holds assignments, one fetch a level', async () => {
    const reader = fakeBulkReader([epic, story, subtask]);
    const known = new Map<string, IssueSnapshot>();
    await loadRoleAncestors(reader, [subtask], known, 4);
    expect([...known.keys()].sort()).toEqual(['LAUNCH-1', 'LAUNCH-2']);
    expect(reader.calls).toBe(2);
    expect(roleAncestorChain(subtask, known, 4).map((l) => l.issueKey)).toEqual(['LAUNCH-2', 'LAUNCH-1']);
  });

  it('reads nothing for an issue with roles of its own, and stops at the level limit', async () => {
    const reader = fakeBulkReader([epic, story, subtask]);
    const known = new Map<string, IssueSnapshot>();
    await loadRoleAncestors(reader, [story], known, 4);
    expect(reader.calls).toBe(0);
    await loadRoleAncestors(reader, [subtask], known, 1);
    expect([...known.keys()]).toEqual(['LAUNCH-2']);
    expect(roleAncestorChain(subtask, known, 1).map((l) => l.issueKey)).toEqual(['LAUNCH-2']);
  });
});
