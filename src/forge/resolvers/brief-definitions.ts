/** `brief/*` resolvers of the macro resolver: validate the payload's shape, then one use case. */
import { z } from 'zod';
import { getBrief } from '../../app/get-brief';
import { saveBrief } from '../../app/save-brief';
import type { ResolverDefinitions } from '../resolver-kit';
import { briefReadWithNamesDeps, briefSaveDeps } from '../compose-briefs';
import { pageIdFor } from './macro-resolver';

export const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');
/** Texts longer than the domain's limits get its sentence; these bounds only stop absurd payloads early. */
const TEXT = z.string().max(100_000);

export const briefDefinitions: ResolverDefinitions = {
  'brief/get': {
    payload: z.object({ briefId: BRIEF_ID }).strict(),
    run: (payload, ctx) =>
      getBrief(briefReadWithNamesDeps(), { briefId: payload.briefId, pageId: pageIdFor(ctx) }),
  },
  'brief/save': {
    // Shapes only: the domain schema (parseBriefDocument) gives each refusal its sentence.
    payload: z
      .object({
        briefId: BRIEF_ID.optional(),
        revision: z.number().int().min(0),
        title: z.string().max(1000),
        status: z.enum(['draft', 'in-review', 'approved']),
        problem: TEXT.optional(),
        ownerAccountId: z.string().max(200).nullable().optional(),
        sections: z.record(z.string().max(100), TEXT).optional(),
        milestones: z.array(z.any()).max(500).optional(),
        linkedWork: z
          .object({ epicKeys: z.array(z.string().max(100)).max(500), jql: TEXT })
          .strict()
          .optional(),
        references: z
          .object({
            stakeholderGridId: z.string().max(200).nullable(),
            raciMatrixId: z.string().max(200).nullable(),
            decisionIds: z.array(z.string().max(200)).max(1000),
            escalationPathId: z.string().max(200).nullable(),
          })
          .strict()
          .optional(),
      })
      .strict() as unknown as z.ZodType<import('../../shared/brief').SaveBriefPayload>,
    run: (payload, ctx) =>
      saveBrief(briefSaveDeps(), { ...payload, pageId: pageIdFor(ctx), accountId: ctx.accountId ?? '' }),
  },
};
