import { CHANNEL_DECISION } from './__fixtures__/channel-decision';
import type { Decision, DecisionStatus } from './decision';
import { InvalidTimeError, isOverdue, openDecisionsByDue } from './decision-log-view';

const d = (
  id: string,
  dueDate: string | null,
  status: DecisionStatus = 'open',
  question = `Question ${id}`,
): Decision => ({
  ...CHANNEL_DECISION,
  id,
  question,
  dueDate,
  status,
  outcome: status === 'decided' ? { optionId: 'sms', rationale: 'x' } : null,
});

describe('isOverdue', () => {
  test.each<[string | null, DecisionStatus, string, string, boolean]>([
    ['2025-04-15', 'open', '2025-04-15T23:59:59Z', 'UTC', false],
    ['2025-04-15', 'open', '2025-04-16T00:00:00Z', 'UTC', true],
    ['2025-04-15', 'open', '2025-04-16T03:00:00Z', 'America/Los_Angeles', false],
    ['2025-04-15', 'open', '2025-04-15T16:00:00Z', 'Pacific/Auckland', true],
    ['2025-04-15', 'decided', '2025-05-01T00:00:00Z', 'UTC', false],
    ['2025-04-15', 'deferred', '2025-05-01T00:00:00Z', 'UTC', false],
    ['2025-04-15', 'revoked', '2025-05-01T00:00:00Z', 'UTC', false],
    [null, 'open', '2030-01-01T00:00:00Z', 'UTC', false],
  ])('due %p, %p, at %p in %p → %p', (dueDate, status, now, zone, overdue) => {
    expect(isOverdue({ dueDate, status }, now, zone)).toBe(overdue);
  });

  test.each([
    ['yesterday', 'UTC'],
    ['2025-04-15', 'UTC'],
    ['2025-04-15T10:00:00Z', 'Mars/Olympus'],
  ])('a time it cannot read (%p in %p) is a typed error with a sentence', (now, zone) => {
    expect(() => isOverdue(CHANNEL_DECISION, now, zone)).toThrow(InvalidTimeError);
    expect(() => isOverdue(CHANNEL_DECISION, now, zone)).toThrow(
      /is not a time we can read; pass an ISO instant/,
    );
  });
});

describe('openDecisionsByDue', () => {
  const decisions = [
    d('e', null),
    d('c', '2025-04-20'),
    d('x', '2025-04-01', 'decided'),
    d('a', '2025-04-10'),
    d('y', '2025-04-02', 'revoked'),
    d('b2', '2025-04-20', 'open', 'Alpha'),
    d('b1', '2025-04-20', 'open', 'Alpha'),
    d('f', null, 'deferred'),
  ];

  test('lists only open decisions, soonest first, undated last, ties by question then id', () => {
    const rows = openDecisionsByDue(decisions, '2025-04-12T09:00:00Z');
    expect(rows.map((r) => r.decision.id)).toEqual(['a', 'b1', 'b2', 'c', 'e']);
    expect(rows.map((r) => [r.overdue, r.daysLeft])).toEqual([
      [true, -2],
      [false, 8],
      [false, 8],
      [false, 8],
      [false, null],
    ]);
  });

  test('does not depend on the order the decisions were read in', () => {
    const ids = (list: Decision[]) =>
      openDecisionsByDue(list, '2025-04-12T09:00:00Z').map((r) => r.decision.id);
    expect(ids([...decisions].reverse())).toEqual(ids(decisions));
  });

  test('an empty list gives no rows; a bad time is refused', () => {
    expect(openDecisionsByDue([], '2025-04-12T09:00:00Z')).toEqual([]);
    expect(() => openDecisionsByDue(decisions, 'soon')).toThrow(InvalidTimeError);
  });
});
