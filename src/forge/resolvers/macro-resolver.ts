import { z } from 'zod';
import { getBrief } from '../../app/get-brief';
import { saveBrief } from '../../app/save-brief';
import { AppError } from '../../app/errors';
import { asUserWiki, briefStore, clock, ids } from '../composition-root';
import { buildResolver, type CallContext } from '../resolver-kit';

const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');

/** The page a macro call is about comes from the platform's context, never from the payload. */
export function pageIdFor(ctx: CallContext): string {
  const id = (ctx.extension.content as { id?: unknown } | undefined)?.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || !/^[0-9]{1,20}$/.test(String(id))) {
    throw new AppError(
      'INVALID_INPUT',
      'This macro is not on a saved Confluence page yet. Publish the page, then try again.',
    );
  }
  return String(id);
}

export const macroResolver = buildResolver({
  'brief/get': {
    payload: z.object({ briefId: BRIEF_ID }).strict(),
    run: (payload, ctx) =>
      getBrief(
        { briefs: briefStore(), wiki: asUserWiki() },
        { briefId: payload.briefId, pageId: pageIdFor(ctx) },
      ),
  },
  'brief/save': {
    payload: z
      .object({
        briefId: BRIEF_ID.optional(),
        revision: z.number().int().min(0),
        title: z.string().max(1000),
        problem: z.string().max(100_000),
        status: z.enum(['draft', 'in-review', 'approved']),
      })
      .strict(),
    run: (payload, ctx) =>
      saveBrief(
        { briefs: briefStore(), wiki: asUserWiki(), clock, ids },
        { ...payload, pageId: pageIdFor(ctx), accountId: ctx.accountId ?? '' },
      ),
  },
});
