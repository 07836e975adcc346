import type { RolesView } from '../../../src/shared/roles';
import { contextLine } from './context-line';

const view = (over: Partial<RolesView>): RolesView => ({
  issueKey: 'LAUNCH-4',
  framework: 'RACI',
  assignments: [],
  source: 'none',
  findings: [],
  revision: 0,
  ...over,
});
const finding = { severity: 'error' as const, code: 'no-responsible', message: 'No one is Responsible yet.' };
const names = new Map([['a', 'Erik Lindqvist']]);

test.each<[string, Partial<RolesView>, string]>([
  ['no roles', {}, 'No roles yet'],
  ['no roles, damaged', { findings: [finding] }, 'No roles yet · 1 finding'],
  [
    'RACI with a finding',
    { source: 'issue', assignments: [{ accountId: 'a', role: 'accountable' }], findings: [finding] },
    'Accountable: Erik Lindqvist · 1 finding',
  ],
  [
    'DACI names the Approver',
    { framework: 'DACI', source: 'issue', assignments: [{ accountId: 'a', role: 'approver' }] },
    'Approver: Erik Lindqvist',
  ],
  [
    'inherited says from where',
    {
      source: 'inherited',
      inheritedFrom: 'LAUNCH-1',
      assignments: [{ accountId: 'a', role: 'accountable' }],
    },
    'Accountable: Erik Lindqvist · from LAUNCH-1',
  ],
  [
    'nobody Accountable yet',
    { source: 'issue', assignments: [{ accountId: 'b', role: 'responsible' }], findings: [finding, finding] },
    'Accountable: nobody yet · 2 findings',
  ],
  [
    'a lead the viewer cannot see',
    { source: 'issue', assignments: [{ accountId: 'z', role: 'accountable' }] },
    'Accountable: someone you cannot see',
  ],
])('%s', (_name, over, expected) => {
  expect(contextLine(view(over), names).text).toBe(expected);
});

test('the line names whose name it needs', () => {
  expect(contextLine(view({ assignments: [{ accountId: 'a', role: 'accountable' }] })).lead).toBe('a');
  expect(contextLine(view({})).lead).toBeUndefined();
});
