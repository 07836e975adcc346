import { z } from 'zod';
import { AppError } from '../../app/errors';
import { actOnDecision } from '../../app/decisions/act-on-decision';
import { getDecision } from '../../app/decisions/get-decision';
import { listDecisionLog } from '../../app/decisions/list-decision-log';
import { saveDecision } from '../../app/decisions/save-decision';
import { getStakeholderGrid } from '../../app/stakeholders/get-stakeholder-grid';
import { saveStakeholderGrid } from '../../app/stakeholders/save-stakeholder-grid';
import type { StakeholderGridData } from '../../shared/stakeholders';
import type { DecisionDraftData } from '../../shared/decision';
import {
  actOnDecisionDeps,
  decisionLogDeps,
  saveDecisionDeps,
  stakeholderDeps,
  decisionStore,
} from '../compose-decisions';
import type { CallContext, ResolverDefinitions } from '../resolver-kit';
import { pageIdFor } from './macro-resolver';

export const DECISION_ID = z
  .string()
  .regex(/^decision-[A-Za-z0-9-]{1,80}$/, 'a decision id such as decision-3f2a…');
export const GRID_ID = z.string().regex(/^grid-[A-Za-z0-9-]{1,80}$/, 'a grid id such as grid-3f2a…');
const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');
const STATUS = z.enum(['open', 'decided', 'deferred', 'revoked']);
/**
 * The draft and the grid are validated by the domain schemas, whose refusals are sentences; the edge only
 * stops absurd payloads (over 1 MB of JSON) before any work.
 */
const bounded = <T>(what: string) =>
  z.custom<T>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && JSON.stringify(v).length <= 1_000_000,
    `send the ${what} as an object of at most 1 MB`,
  );

/** The space a macro call is on, from the platform's context (never the payload). */
export function spaceIdFor(ctx: CallContext): string {
  const id = (ctx.extension.space as { id?: unknown } | undefined)?.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || !/^[0-9A-Za-z]{1,40}$/.test(String(id))) {
    throw new AppError(
      'INVALID_INPUT',
      'This macro is not in a Confluence space. Publish the page, then try again.',
    );
  }
  return String(id);
}

const who = (ctx: CallContext) => ctx.accountId ?? '';

/** The Decision, Decision log and Stakeholder grid macros' resolvers (spread into the macro resolver). */
export const decisionDefinitions: ResolverDefinitions = {
  'decision/get': {
    payload: z.object({ decisionId: DECISION_ID }).strict(),
    run: (payload, ctx) =>
      getDecision(
        { decisions: decisionStore(), wiki: saveDecisionDeps().wiki },
        { decisionId: payload.decisionId, pageId: pageIdFor(ctx), accountId: who(ctx) },
      ),
  },
  'decision/save': {
    payload: z
      .object({
        decisionId: DECISION_ID.optional(),
        revision: z.number().int().min(0),
        draft: bounded<DecisionDraftData>('decision'),
      })
      .strict(),
    run: (payload, ctx) =>
      saveDecision(saveDecisionDeps(), {
        ...payload,
        pageId: pageIdFor(ctx),
        spaceId: spaceIdFor(ctx),
        accountId: who(ctx),
      }),
  },
  'decision/act': {
    payload: z
      .object({
        decisionId: DECISION_ID,
        action: z.enum(['input', 'approve', 'reject', 'defer', 'revoke', 'reopen']),
        text: z.string().max(100_000),
        optionId: z.string().max(200).nullable().optional(),
      })
      .strict(),
    run: (payload, ctx) =>
      actOnDecision(actOnDecisionDeps(), { ...payload, pageId: pageIdFor(ctx), accountId: who(ctx) }),
  },
  'decision/log': {
    payload: z
      .object({
        scope: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('space') }).strict(),
          z.object({ kind: z.literal('brief'), briefId: BRIEF_ID }).strict(),
        ]),
        status: STATUS,
      })
      .strict(),
    run: (payload, ctx) =>
      listDecisionLog(decisionLogDeps(), {
        scope:
          payload.scope.kind === 'brief'
            ? { kind: 'brief', briefId: payload.scope.briefId }
            : { kind: 'space', spaceId: spaceIdFor(ctx) },
        status: payload.status,
      }),
  },
  'stakeholders/get': {
    payload: z.object({ gridId: GRID_ID }).strict(),
    run: (payload, ctx) =>
      getStakeholderGrid(stakeholderDeps(), { gridId: payload.gridId, pageId: pageIdFor(ctx) }),
  },
  'stakeholders/save': {
    payload: z
      .object({
        gridId: GRID_ID.optional(),
        revision: z.number().int().min(0),
        grid: bounded<StakeholderGridData>('stakeholder grid'),
      })
      .strict(),
    run: (payload, ctx) =>
      saveStakeholderGrid(stakeholderDeps(), { ...payload, pageId: pageIdFor(ctx), accountId: who(ctx) }),
  },
};
