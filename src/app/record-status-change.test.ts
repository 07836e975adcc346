import { recordStatusChange, type StatusChange } from './record-status-change';
import { fixedClock, memoryRecordStore } from '../../test/support/in-memory-ports';

const statusTo = (to: string, timestamp: number) => ({
  issueId: '10002',
  issueKey: 'LAUNCH-2',
  timestamp,
  changes: [{ field: 'status', fromString: 'In Progress', toString: to }],
});

describe('recordStatusChange', () => {
  const deps = () => ({
    records: memoryRecordStore<StatusChange>(),
    clock: fixedClock('2026-11-27T10:00:00Z'),
  });

  it('records a status change with the event time', async () => {
    const d = deps();
    await recordStatusChange(d, statusTo('Blocked', Date.parse('2026-11-27T09:00:00Z')));
    expect(d.records.data.get('10002')).toEqual({
      issueKey: 'LAUNCH-2',
      from: 'In Progress',
      to: 'Blocked',
      at: '2026-11-27T09:00:00.000Z',
    });
  });

  it('ignores updates without a status change: no read, no write', async () => {
    const d = deps();
    const out = await recordStatusChange(d, {
      issueId: '1',
      issueKey: 'A-1',
      changes: [{ field: 'labels', fromString: null, toString: 'x' }],
    });
    expect(out).toBeNull();
    expect(d.records.writes).toBe(0);
  });

  it('is idempotent under duplicate delivery and ignores a late, older event', async () => {
    const d = deps();
    await recordStatusChange(d, statusTo('Done', 2000));
    await recordStatusChange(d, statusTo('Done', 2000));
    await recordStatusChange(d, statusTo('Blocked', 1000));
    expect(d.records.writes).toBe(1);
    expect(d.records.data.get('10002')?.to).toBe('Done');
  });
});
