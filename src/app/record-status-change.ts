import type { Clock, RecordStore } from './ports';

/** The last status change Accord saw for an issue; the escalation engine starts its clocks from it. */
export interface StatusChange {
  issueKey: string;
  from: string | null;
  to: string | null;
  at: string;
}

/** The part of a Forge `avi:jira:updated:issue` event this use case reads. */
export interface IssueUpdate {
  issueId: string;
  issueKey: string;
  timestamp?: number;
  changes: Array<{ field: string; fromString: string | null; toString: string | null }>;
}

/**
 * Records a status change; any other update costs nothing (no product call, no KVS write).
 * Late or repeated delivery never moves the record backwards: an older event is ignored.
 */
export async function recordStatusChange(
  deps: { records: RecordStore<StatusChange>; clock: Clock },
  update: IssueUpdate,
): Promise<StatusChange | null> {
  const status = update.changes.find((c) => c.field === 'status');
  if (!status) return null;
  const at = new Date(update.timestamp ?? deps.clock.now().getTime()).toISOString();
  const previous = await deps.records.get(update.issueId);
  if (previous && previous.at >= at) return null;
  const change: StatusChange = {
    issueKey: update.issueKey,
    from: status.fromString,
    to: status.toString,
    at,
  };
  await deps.records.set(update.issueId, change);
  return change;
}
