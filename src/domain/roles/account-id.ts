/**
 * Atlassian account ids come in a few shapes: legacy 24-hex ids (`5b10ac8d82e05b22cc7d4ef5`),
 * prefixed ids (`712020:1f0a6c1e-...`, `557058:...`) and customer ids (`qm:...:...`). Jira documents
 * only "string, maxLength 128", so we accept that charset and length rather than one exact shape.
 */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/;

/** Jira returns this for deleted or corrupted user records; it never names a real person. */
const PLACEHOLDER_IDS = new Set(['unknown']);

/** True when `value` looks like an Atlassian account id we can store and index. */
export function isValidAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value) && !PLACEHOLDER_IDS.has(value);
}
