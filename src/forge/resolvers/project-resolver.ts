import { z } from 'zod';
import { AppError } from '../../app/errors';
import { getRolesMatrix } from '../../app/get-roles-matrix';
import { importRolesCsv } from '../../app/import-roles-csv';
import { startBulkApply } from '../../app/start-bulk-apply';
import { getBulkStatus } from '../../app/get-bulk-status';
import { PROJECT_KEY } from '../../app/project-jql';
import {
  asUserBulkReader,
  asUserJira,
  bulkApplyQueue,
  bulkJobStore,
  clock,
  ids,
  writeRolesAs,
} from '../composition-root';
import { buildResolver, type CallContext } from '../resolver-kit';

const ROLE = z.enum([
  'responsible',
  'accountable',
  'consulted',
  'informed',
  'driver',
  'approver',
  'contributor',
]);
const JQL = z.string().max(2000, 'at most 2,000 characters');

/** The project the page is on: the platform's context decides, never the payload. */
function projectKeyOf(ctx: CallContext): string {
  const key = (ctx.extension.project as { key?: unknown } | undefined)?.key;
  if (typeof key !== 'string' || !PROJECT_KEY.test(key)) {
    throw new AppError('INVALID_INPUT', 'Open the Accord roles page from a Jira project, then try again.');
  }
  return key;
}

const caller = (ctx: CallContext) => ctx.accountId as string; // the resolver kit refuses calls without one

export const projectResolver = buildResolver({
  'matrix/get': {
    payload: z
      .object({
        jql: JQL,
        nextPageToken: z.string().min(1).max(2000).optional(),
        pageSize: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    run: (payload, ctx) =>
      getRolesMatrix(
        { jira: asUserJira(), issues: asUserBulkReader() },
        {
          projectKey: projectKeyOf(ctx),
          jql: payload.jql,
          ...(payload.nextPageToken ? { nextPageToken: payload.nextPageToken } : {}),
          ...(payload.pageSize ? { pageSize: payload.pageSize } : {}),
        },
      ),
  },
  'matrix/import': {
    payload: z
      .object({
        projectKey: z.string().max(50),
        csv: z.string().min(1, 'the file is empty').max(500_000, 'at most 500,000 characters'),
        columns: z.record(z.string().max(300), z.string().max(128)),
        dryRun: z.boolean(),
      })
      .strict(),
    run: (payload, ctx) => {
      const projectKey = projectKeyOf(ctx);
      if (payload.projectKey !== projectKey) {
        throw new AppError(
          'INVALID_INPUT',
          `This page is for ${projectKey}, not ${payload.projectKey}. Reload the page.`,
        );
      }
      return importRolesCsv(
        { issues: asUserBulkReader(), writeRoles: writeRolesAs() },
        {
          accountId: caller(ctx),
          projectKey,
          csv: payload.csv,
          columns: payload.columns,
          dryRun: payload.dryRun,
        },
      );
    },
  },
  'bulk/start': {
    payload: z
      .object({
        jql: JQL.min(1, 'enter a JQL query'),
        framework: z.enum(['RACI', 'DACI']),
        assignments: z.array(z.object({ accountId: z.string().max(128), role: ROLE }).strict()).max(50),
        mode: z.enum(['replace', 'merge']),
      })
      .strict(),
    run: (payload, ctx) =>
      startBulkApply(
        { issues: asUserBulkReader(), jobs: bulkJobStore(), queue: bulkApplyQueue(), clock, ids },
        { accountId: caller(ctx), projectKey: projectKeyOf(ctx), ...payload },
      ),
  },
  'bulk/status': {
    payload: z.object({ jobId: z.string().regex(/^bulk-[A-Za-z0-9-]{1,100}$/, 'a bulk job id') }).strict(),
    run: (payload, ctx) =>
      getBulkStatus({ jobs: bulkJobStore() }, { jobId: payload.jobId, accountId: caller(ctx) }),
  },
});
