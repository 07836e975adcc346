/** Test-only people (shape of real Atlassian account ids) and a name lookup, shared by the roles tests. */
export const ERIK = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02';
export const AMARA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e03';
export const LUCIA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e04';
export const DAVID = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e05';
export const LEGACY = '5b10ac8d82e05b22cc7d4ef5';

const NAMES: Record<string, string> = {
  [ERIK]: 'Erik Lindqvist',
  [AMARA]: 'Amara Okafor',
  [LUCIA]: 'Lucía Fernández',
  [DAVID]: 'David Chen',
};

export const displayName = (accountId: string): string | undefined => NAMES[accountId];
