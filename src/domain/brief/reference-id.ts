/** Ids of Accord documents (briefs, grids, decisions, paths): what `IdGenerator` makes, such as `brief-<uuid>`. */
export const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** True when `value` can be an Accord document id. */
export function isReferenceId(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_ID.test(value);
}
