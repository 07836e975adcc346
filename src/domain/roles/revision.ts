/** The revision of an issue that has no roles of its own yet. */
export const NO_REVISION = 0;

/** The revision a save writes when the stored one is `current` (0 when nothing is stored). */
export function nextRevision(current: number): number {
  if (!Number.isSafeInteger(current) || current < NO_REVISION) return NO_REVISION + 1;
  return current + 1;
}

/** True when a write based on `basedOn` would overwrite someone else's save (answer CONFLICT). */
export function isStale(basedOn: number, current: number): boolean {
  // Any difference is stale: a client ahead of the store saw a write that later vanished, which is just as unsafe.
  return basedOn !== current;
}
