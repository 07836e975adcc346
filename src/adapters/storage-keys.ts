/**
 * Every KVS key and entity name Accord uses is built here, from validated ids only.
 * Forge KVS keys must match /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ and be at most 500 characters.
 */
const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;

function part(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`"${id}" cannot be part of a storage key.`);
  return id;
}

export const ENTITY = {
  brief: 'brief',
} as const;

export const storageKeys = {
  brief: (briefId: string) => part(briefId),
  statusChange: (issueId: string) => `status-change:${part(issueId)}`,
  blockedSweep: () => 'blocked-sweep:last',
};
