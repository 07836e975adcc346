import { z } from 'zod';
import { AppError } from '../../app/errors';
import { getStatusReport } from '../../app/get-status-report';
import { saveStatusReport } from '../../app/save-status-report';
import { getByline } from '../../app/get-byline';
import { visibleBriefs } from '../../app/get-overview';
import { asUserWiki, clock, ids, progressDeps, statusReportStore } from '../composition-root';
import { buildResolver, type CallContext } from '../resolver-kit';
import { escalationPathMacroDefinitions } from './escalation-path-definitions';
import { briefDefinitions } from './brief-definitions';
import { raciDefinitions } from './raci-definitions';
import { decisionDefinitions } from './decision-definitions';

const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');
const REPORT_ID = z.string().regex(/^status-[A-Za-z0-9-]{1,80}$/, 'a report id such as status-3f2a…');
/** Texts longer than the use case's limit get its sentence; this only stops absurd payloads early. */
const SECTION = z.string().max(100_000);

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

import { escalationDryRunDefinitions } from './escalation-engine-definitions';

export const macroResolver = buildResolver({
  ...escalationDryRunDefinitions,
  ...escalationPathMacroDefinitions(pageIdFor),
  ...briefDefinitions,
  ...raciDefinitions,
  ...decisionDefinitions,
  'status/get': {
    payload: z.object({ reportId: REPORT_ID }).strict(),
    run: (payload, ctx) =>
      getStatusReport(
        { reports: statusReportStore(), wiki: asUserWiki(), progress: progressDeps(ctx.accountId ?? '') },
        { reportId: payload.reportId, pageId: pageIdFor(ctx) },
      ),
  },
  'status/save': {
    payload: z
      .object({
        reportId: REPORT_ID.optional(),
        revision: z.number().int().min(0),
        briefId: BRIEF_ID.nullable(),
        problemAndImpact: SECTION,
        rootCauseAndOptions: SECTION,
        recommendation: SECTION,
      })
      .strict(),
    run: (payload, ctx) =>
      saveStatusReport(
        {
          reports: statusReportStore(),
          wiki: asUserWiki(),
          clock,
          ids,
          progress: progressDeps(ctx.accountId ?? ''),
        },
        { ...payload, pageId: pageIdFor(ctx) },
      ),
  },
  'status/briefs': {
    payload: z.object({}).strict(),
    run: (_payload, ctx) => visibleBriefs(progressDeps(ctx.accountId ?? '')),
  },
  'progress/byline': {
    payload: z.object({}).strict(),
    run: (_payload, ctx) => getByline(progressDeps(ctx.accountId ?? ''), { pageId: pageIdFor(ctx) }),
  },
});
