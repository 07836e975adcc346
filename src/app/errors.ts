import type { ErrorCode } from '../shared/envelope';

/** A failure a use case expects and explains; the resolver kit turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A product call failed in a way retrying did not fix. */
export class UpstreamError extends AppError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(status === 429 ? 'RATE_LIMITED' : 'UPSTREAM', message, { status });
  }
}
