/** The Escalation Path macro's and admin page's resolver definitions, spread into macro- and admin-resolver. */
import { z } from 'zod';
import type { EscalationPathDocument } from '../../shared/escalation';
import type { BusinessCalendar } from '../../domain/escalation';
import { getPath, getSitePath } from '../../app/escalation-paths/get-path';
import { savePath } from '../../app/escalation-paths/save-path';
import { listPaths } from '../../app/escalation-paths/list-paths';
import {
  getEscalationDefaults,
  saveEscalationDefaults,
} from '../../app/escalation-paths/escalation-defaults';
import {
  asUserWiki,
  defaultsDeps,
  escalationDefaultsStore,
  pathAdminDeps,
  pathReadDeps,
  pathWriteDeps,
} from '../compose-escalation-paths';
import { asUserProjectPermissions, asUserSiteAdministration } from '../composition-root';
import type { CallContext, ResolverDefinitions } from '../resolver-kit';

const PATH_ID = z.string().regex(/^path-[A-Za-z0-9-]{1,80}$/, 'a path id such as path-3f2a…');

/** The document is checked by the domain (`parseEscalationPath`), which says what to fix field by field. */
const PATH_DOCUMENT = z.custom<EscalationPathDocument>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && JSON.stringify(v).length < 200_000,
  'an escalation path document (an object with name, scope, conditions, calendar and levels)',
);

const savePayload = z
  .object({
    pathId: PATH_ID.optional(),
    revision: z.number().int().min(0),
    enabled: z.boolean(),
    path: PATH_DOCUMENT,
  })
  .strict();

/** Structure only; the ranges and names are checked by the domain (`calendarProblems`). */
const CALENDAR = z
  .object({
    timeZone: z.string().max(100),
    workingDays: z.array(z.number().int().min(1).max(7)).max(7),
    hours: z.object({ start: z.string().max(5), end: z.string().max(5) }).strict(),
    holidays: z
      .object({ country: z.string().max(10), region: z.string().max(20).optional() })
      .strict()
      .optional(),
    pausedStatuses: z.array(z.string().max(255)).max(50),
  })
  .strict() as unknown as z.ZodType<BusinessCalendar>;

/**
 * In the Escalation Path macro (macro-resolver): the page comes from the macro's context, read by
 * macro-resolver's `pageIdFor` (passed in, so this file does not import the resolver that spreads it).
 */
export const escalationPathMacroDefinitions = (
  pageIdFor: (ctx: CallContext) => string,
): ResolverDefinitions => ({
  'escalation/path-get': {
    payload: z.object({ pathId: PATH_ID }).strict(),
    run: (payload, ctx) => getPath(pathReadDeps(), { pathId: payload.pathId, pageId: pageIdFor(ctx) }),
  },
  'escalation/path-save': {
    payload: savePayload,
    run: (payload, ctx) =>
      savePath(
        pathWriteDeps(),
        {
          kind: 'page',
          pageId: pageIdFor(ctx),
          wiki: asUserWiki(),
          jira: asUserProjectPermissions(),
          admin: asUserSiteAdministration(),
        },
        { ...payload, accountId: ctx.accountId ?? '' },
      ),
  },
});

/** On the Jira admin page (admin-resolver): the site default path (no page) and the site's defaults. */
export const escalationPathAdminDefinitions: ResolverDefinitions = {
  'escalation/path-get': {
    payload: z.object({ pathId: PATH_ID }).strict(),
    run: (payload) =>
      getSitePath({ paths: pathReadDeps().paths, admin: asUserSiteAdministration() }, payload),
  },
  'escalation/path-save': {
    payload: savePayload,
    run: (payload, ctx) =>
      savePath(
        pathWriteDeps(),
        { kind: 'site', admin: asUserSiteAdministration(), defaults: escalationDefaultsStore() },
        { ...payload, accountId: ctx.accountId ?? '' },
      ),
  },
  'escalation/paths': {
    payload: z.object({}).strict(),
    run: () => listPaths(pathAdminDeps()),
  },
  'escalation/defaults-get': {
    payload: z.object({}).strict(),
    run: () => getEscalationDefaults(defaultsDeps()),
  },
  'escalation/defaults-save': {
    payload: z.object({ calendar: CALENDAR, revision: z.number().int().min(0) }).strict(),
    run: (payload) => saveEscalationDefaults(defaultsDeps(), payload),
  },
};
