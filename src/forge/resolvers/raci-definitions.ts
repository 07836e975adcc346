/** `raci/*` resolvers of the macro resolver (the RACI matrix macro): shape check, then one use case. */
import { z } from 'zod';
import type { ResolverDefinitions } from '../resolver-kit';
import { raciMatrixDeps } from '../compose-briefs';
import { getRaciMatrix } from '../../app/raci-matrix/get-raci-matrix';
import { saveRaciMatrix } from '../../app/raci-matrix/save-raci-matrix';
import { setRaciRow } from '../../app/raci-matrix/set-raci-row';
import { importRaciCsv } from '../../app/raci-matrix/import-raci-csv';
import { pageIdFor } from './macro-resolver';

const MATRIX_ID = z.string().regex(/^raci-[A-Za-z0-9-]{1,80}$/, 'a matrix id such as raci-3f2a…');
const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');
const ROW_ID = z.string().regex(/^act-[A-Za-z0-9-]{1,80}$/, 'an activity id such as act-3f2a…');
const ACCOUNT = z.string().min(1).max(128);
const ROLE = z.enum(['responsible', 'accountable', 'consulted', 'informed']);

export const raciDefinitions: ResolverDefinitions = {
  'raci/get': {
    payload: z.object({ matrixId: MATRIX_ID }).strict(),
    run: (payload, ctx) =>
      getRaciMatrix(raciMatrixDeps(), { matrixId: payload.matrixId, pageId: pageIdFor(ctx) }),
  },
  'raci/save': {
    payload: z
      .object({
        matrixId: MATRIX_ID.optional(),
        revision: z.number().int().min(0),
        briefId: BRIEF_ID,
        title: z.string().max(1000),
        people: z.array(ACCOUNT).max(200),
        activities: z
          .array(
            z.discriminatedUnion('kind', [
              z
                .object({ id: ROW_ID.optional(), kind: z.literal('issue'), issueKey: z.string().max(100) })
                .strict(),
              z
                .object({ id: ROW_ID.optional(), kind: z.literal('text'), name: z.string().max(1000) })
                .strict(),
            ]),
          )
          .max(1000),
      })
      .strict(),
    run: (payload, ctx) => saveRaciMatrix(raciMatrixDeps(), { ...payload, pageId: pageIdFor(ctx) }),
  },
  'raci/set-row': {
    payload: z
      .object({
        matrixId: MATRIX_ID,
        rowId: ROW_ID,
        assignments: z.array(z.object({ accountId: ACCOUNT, role: ROLE }).strict()).max(100),
        revision: z.number().int().min(0),
      })
      .strict(),
    run: (payload, ctx) =>
      setRaciRow(raciMatrixDeps(), { ...payload, pageId: pageIdFor(ctx), accountId: ctx.accountId ?? '' }),
  },
  'raci/import': {
    payload: z
      .object({
        matrixId: MATRIX_ID,
        csv: z.string().max(1_000_000),
        columns: z.record(z.string().max(500), z.string().max(128)),
      })
      .strict(),
    run: (payload, ctx) =>
      importRaciCsv(raciMatrixDeps(), { ...payload, pageId: pageIdFor(ctx), accountId: ctx.accountId ?? '' }),
  },
};
