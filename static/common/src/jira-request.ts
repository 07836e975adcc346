/**
 * The one shape of a Jira REST call the apps' browser reads use: `@forge/bridge`'s `requestJira`, which always
 * acts as the viewer. Taken as an argument so the reads can be tested without a bridge.
 */
export interface JiraAnswer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export type JiraRequest = (path: string, init?: { headers?: Record<string, string> }) => Promise<JiraAnswer>;

export const JSON_HEADERS = { headers: { Accept: 'application/json' } };

/** A failed browser read, with a sentence that says what to do next. */
export class JiraReadError extends Error {
  override readonly name = 'JiraReadError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
