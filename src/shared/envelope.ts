/** The one envelope every resolver returns (DESIGN.md, "Resolver contract"). Type-only. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'UPSTREAM'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface ResolverError {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
