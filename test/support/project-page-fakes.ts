import type {
  BulkBatchResult,
  BulkJobStore,
  IssueBulkReader,
  IssueSnapshot,
  RolesAuditRecord,
  StoredBulkJob,
  WorkQueue,
} from '../../src/app/ports';
import type { RolesAuditBatchLog, RolesBatchJira } from '../../src/app/roles-batch-ports';

/** In-memory ports of the project page's use cases: the contracts, without Forge. */
export function memoryBulkJobStore(): BulkJobStore & { batches: Map<string, BulkBatchResult> } {
  const jobs = new Map<string, StoredBulkJob>();
  const batches = new Map<string, BulkBatchResult>();
  const key = (job: StoredBulkJob, index: number) => `${job.jobId}#${index}`;
  return {
    batches,
    async create(job) {
      if (jobs.has(job.jobId)) throw new Error('exists');
      jobs.set(job.jobId, job);
    },
    get: async (jobId) => jobs.get(jobId),
    hasBatch: async (job, index) => batches.has(key(job, index)),
    async recordBatch(job, result) {
      // Like keyPolicy FAIL_IF_EXISTS: the first write wins, a second one writes nothing.
      if (batches.has(key(job, result.index))) return false;
      batches.set(key(job, result.index), result);
      return true;
    },
    listBatches: async (job) =>
      [...batches.entries()].filter(([k]) => k.startsWith(`${job.jobId}#`)).map(([, b]) => b),
  };
}

export function memoryQueue<T>(): WorkQueue<T> & { pushed: T[] } {
  const pushed: T[] = [];
  return { pushed, push: async (events) => void pushed.push(...events) };
}

export const issue = (
  key: string,
  properties: Record<string, unknown> = {},
  type = 'Story',
): IssueSnapshot => ({
  id: key.replace(/\D/g, ''),
  key,
  summary: `Summary of ${key}`,
  issueType: { name: type, hierarchyLevel: 0 },
  status: { name: 'To Do', category: 'new' },
  properties,
});

/** A reader over a fixed list of issues the person can see; `jql` is ignored beyond "matches all". */
export function fakeBulkReader(
  visible: IssueSnapshot[],
  pageSize = 1000,
): IssueBulkReader & { calls: number } {
  const reader = {
    calls: 0,
    async fetchIssues(keys: readonly string[]) {
      reader.calls++;
      return visible.filter((i) => keys.includes(i.key));
    },
    async listIssueKeys(_jql: string, opts: { maxResults: number; nextPageToken?: string }) {
      reader.calls++;
      const start = Number(opts.nextPageToken ?? 0);
      const size = Math.min(opts.maxResults, pageSize);
      const keys = visible.slice(start, start + size).map((i) => i.key);
      const next = start + size < visible.length ? String(start + size) : undefined;
      return next ? { keys, nextPageToken: next } : { keys };
    },
  };
  return reader;
}

/**
 * Jira for one bulk-apply batch over a fixed list of issues: `readIssues` sees them all, `editable` decides the
 * EDIT_ISSUES check, `failWith` makes a property write throw (a 429 after retries, a 403 from Jira…).
 */
export function fakeRolesBatchJira(
  visible: IssueSnapshot[],
  opts: { editable?: (key: string) => boolean; failWith?: (key: string) => Error | undefined } = {},
): RolesBatchJira & { calls: string[]; puts: Array<{ issueKey: string; value: unknown }> } {
  const editable = opts.editable ?? (() => true);
  const jira = {
    calls: [] as string[],
    puts: [] as Array<{ issueKey: string; value: unknown }>,
    async readIssues(keys: readonly string[], { properties }: { properties: string[] }) {
      jira.calls.push(`search ${keys.length}`);
      return visible
        .filter((i) => keys.includes(i.key))
        .map((i) => ({
          ...i,
          properties: Object.fromEntries(
            properties.filter((p) => p in i.properties).map((p) => [p, structuredClone(i.properties[p])]),
          ),
        }));
    },
    async editableIssueIds(ids: readonly string[]) {
      jira.calls.push(`permissions ${ids.length}`);
      return new Set(visible.filter((i) => ids.includes(i.id) && editable(i.key)).map((i) => i.id));
    },
    async setProperty(issueKey: string, propertyKey: string, value: unknown) {
      jira.calls.push(`put ${issueKey}`);
      const error = opts.failWith?.(issueKey);
      if (error) throw error;
      const target = visible.find((i) => i.key === issueKey)!;
      target.properties[propertyKey] = structuredClone(value);
      jira.puts.push({ issueKey, value });
    },
  };
  return jira;
}

/** The audit log's batch writes in memory: `calls` counts `appendMany` calls. */
export function memoryAuditBatchLog(
  batchSize = 25,
): RolesAuditBatchLog & { records: RolesAuditRecord[]; calls: number } {
  const log = {
    batchSize,
    records: [] as RolesAuditRecord[],
    calls: 0,
    async appendMany(records: readonly RolesAuditRecord[]) {
      log.calls++;
      if (records.length > batchSize) throw new Error('batch too large');
      log.records.push(...structuredClone(records));
    },
  };
  return log;
}
