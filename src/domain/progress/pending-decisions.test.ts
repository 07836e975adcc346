import { rollUp } from './roll-up';
import { pendingDecisionsOf, requestedAtOf, type OpenDecision } from './pending-decisions';

const open = (id: string, dueDate: string | null, question = `Question ${id}?`): OpenDecision => ({
  id,
  pageId: `page-${id}`,
  question,
  approver: 'grace',
  dueDate,
  requestedAt: '2026-11-20T09:00:00.000Z',
});

describe('pendingDecisionsOf', () => {
  test.each([
    [
      'soonest due first, undated last',
      [open('b', '2026-12-01'), open('c', null), open('a', '2026-11-28')],
      ['a', 'b', 'c'],
    ],
    [
      'same day: by question',
      [open('x', '2026-12-01', 'Zeta?'), open('y', '2026-12-01', 'Alpha?')],
      ['y', 'x'],
    ],
  ])('%s', (_name, decisions, ids) => {
    expect(pendingDecisionsOf(decisions, '2026-11-25').items.map((d) => d.id)).toEqual(ids);
  });

  test('lists at most 5 but counts and judges them all; overdue is before today', () => {
    const many = Array.from({ length: 7 }, (_, i) => open(`d${i}`, `2026-11-2${i}`));
    const p = pendingDecisionsOf(many, '2026-11-25');
    expect(p.items).toHaveLength(5);
    expect(p.total).toBe(7);
    expect(p.awaiting).toHaveLength(7);
    expect(p.items.map((d) => d.overdue)).toEqual([true, true, true, true, true]);
    expect(pendingDecisionsOf([open('t', '2026-11-25')], '2026-11-25').items[0]?.overdue).toBe(false);
  });

  test('the request date is the earliest of the log and the last save', () => {
    expect(requestedAtOf('2026-11-24T00:00:00Z', [{ at: '2026-11-20T00:00:00Z' }])).toBe(
      '2026-11-20T00:00:00Z',
    );
    expect(requestedAtOf('2026-11-24T00:00:00Z', [])).toBe('2026-11-24T00:00:00Z');
  });

  test('an overdue DACI decision turns the roll-up red by the existing decision rule', () => {
    const p = pendingDecisionsOf([open('late', '2026-11-23', 'Budget?')], '2026-11-25');
    const r = rollUp(
      {
        counts: { new: 4, indeterminate: 4, done: 12 },
        blocked: 0,
        blockedLong: 0,
        overdue: 0,
        openDueDates: { latest: '2026-12-10', withDueDate: 5 },
        throughput: [4, 4, 4, 4],
        baseline: { date: '2026-12-20' },
        escalations: [],
        decisions: p.awaiting,
      },
      new Date('2026-11-25T10:00:00Z'),
    );
    expect(r.rag).toBe('red');
    expect(r.reason).toContain('decision "Budget?" overdue by 2 days');
  });
});
