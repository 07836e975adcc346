import type { Assignment, Framework } from '../shared/roles';
import type { BulkJob } from '../shared/matrix';
import { checkHardRules } from '../domain/roles';
import type { BulkJobStore, Clock, IdGenerator, IssueBulkReader, WorkQueue } from './ports';
import { AppError } from './errors';
import { asJqlError } from './project-jql';
import { BULK_BATCH_SIZE, BULK_MAX_ISSUES } from './bulk-limits';

/** One queue event of a bulk apply: which job, which batch, which issues. */
export interface BulkBatchMessage extends Record<string, unknown> {
  jobId: string;
  index: number;
  issueKeys: string[];
}

export interface StartBulkApplyDeps {
  /** Jira as the person starting the job: they only ever queue issues they can see. */
  issues: IssueBulkReader;
  jobs: BulkJobStore;
  queue: WorkQueue<BulkBatchMessage>;
  clock: Clock;
  ids: IdGenerator;
}

export interface StartBulkApplyInput {
  accountId: string;
  projectKey: string;
  jql: string;
  framework: Framework;
  assignments: Assignment[];
  mode: 'replace' | 'merge';
}

/**
 * Starts a bulk apply: refuses a role set that breaks the hard rules before reading anything, lists the JQL's
 * issue keys as the person (key-only pages, up to 5,000 a call), stores the job and queues batches of at most
 * 25 keys. The consumer applies each batch as the job's owner.
 */
export async function startBulkApply(deps: StartBulkApplyDeps, input: StartBulkApplyInput): Promise<BulkJob> {
  if (input.assignments.length === 0) {
    throw new AppError('INVALID_INPUT', 'Add at least one person and role to apply.');
  }
  const violations = checkHardRules(input.framework, input.assignments);
  if (violations.length > 0) {
    throw new AppError('RULE_VIOLATION', violations.map((v) => v.message).join(' '), { violations });
  }
  if (input.jql.trim() === '') {
    throw new AppError('INVALID_INPUT', 'Enter a JQL query that selects the issues to change.');
  }

  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await deps.issues
      .listIssueKeys(input.jql, { maxResults: BULK_MAX_ISSUES, ...(token ? { nextPageToken: token } : {}) })
      .catch((e: unknown) => {
        throw asJqlError(e);
      });
    keys.push(...page.keys);
    token = page.nextPageToken;
    if (keys.length > BULK_MAX_ISSUES) {
      throw new AppError(
        'INVALID_INPUT',
        `This JQL matches more than ${BULK_MAX_ISSUES.toLocaleString('en')} issues. Narrow it down and apply in parts.`,
      );
    }
  } while (token);
  if (keys.length === 0) {
    throw new AppError('INVALID_INPUT', 'This JQL matches no issues you can see. Change it and try again.');
  }

  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += BULK_BATCH_SIZE) batches.push(keys.slice(i, i + BULK_BATCH_SIZE));
  const jobId = deps.ids.next('bulk');
  await deps.jobs.create({
    jobId,
    ownerAccountId: input.accountId,
    createdAt: deps.clock.now().toISOString(),
    projectKey: input.projectKey,
    framework: input.framework,
    assignments: input.assignments.map((a) => ({ accountId: a.accountId, role: a.role })),
    mode: input.mode,
    total: keys.length,
    batchCount: batches.length,
  });
  await deps.queue.push(batches.map((issueKeys, index) => ({ jobId, index, issueKeys })));
  return { jobId, total: keys.length, done: 0, applied: 0, skipped: [], failed: [], finished: false };
}
