import Resolver from '@forge/resolver';
import { type z } from 'zod';
import { AppError } from '../app/errors';
import type { Envelope, ResolverError } from '../shared/envelope';
import type { ResolverContract, ResolverKey } from '../shared/resolver-keys';

/** What a resolver knows about its call: who asks, and where (the module's extension context). */
export interface CallContext {
  accountId: string | undefined;
  extension: Record<string, unknown>;
}

export interface ResolverDefinition<K extends ResolverKey> {
  payload: z.ZodType<ResolverContract[K]['payload']>;
  run: (payload: ResolverContract[K]['payload'], ctx: CallContext) => Promise<ResolverContract[K]['result']>;
}

export type ResolverDefinitions = { [K in ResolverKey]?: ResolverDefinition<K> };

export function toErrorEnvelope(e: unknown): { ok: false; error: ResolverError } {
  if (e instanceof AppError) {
    return {
      ok: false,
      error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) },
    };
  }
  // Logged without the payload: payloads may hold personal data.
  console.error('Accord resolver failed:', e instanceof Error ? e.message : String(e));
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong in Accord. Try again; if it keeps failing, tell your Jira admin.',
    },
  };
}

/** Validates at the edge, runs one use case, returns the envelope. Nothing runs on a bad payload. */
export async function runDefinition<K extends ResolverKey>(
  def: ResolverDefinition<K>,
  rawPayload: unknown,
  ctx: CallContext,
): Promise<Envelope<ResolverContract[K]['result']>> {
  const parsed = def.payload.safeParse(rawPayload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The request was not understood: ${issues.join('; ')}.`,
        details: { issues },
      },
    };
  }
  if (!ctx.accountId) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to Atlassian to use Accord.' } };
  }
  try {
    return { ok: true, data: await def.run(parsed.data, ctx) };
  } catch (e) {
    return toErrorEnvelope(e);
  }
}

interface ForgeRequest {
  payload: unknown;
  context: { accountId?: string; extension?: Record<string, unknown> };
}

/** Builds the handler a manifest function exports, from typed definitions. */
export function buildResolver(defs: ResolverDefinitions) {
  const resolver = new Resolver();
  for (const key of Object.keys(defs) as ResolverKey[]) {
    const def = defs[key] as ResolverDefinition<typeof key>;
    resolver.define(
      key,
      (req: ForgeRequest) =>
        runDefinition(def, req.payload, {
          accountId: req.context.accountId,
          extension: req.context.extension ?? {},
        }) as never,
    );
  }
  return resolver.getDefinitions();
}
