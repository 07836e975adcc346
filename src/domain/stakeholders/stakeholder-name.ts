import { nameOf, type DisplayNameLookup } from '../roles/people-names';
import { initialsOf } from './initials';
import type { StakeholderParty } from './stakeholder';

/** What a reader sees for a user whose name could not be looked up. */
export const UNKNOWN_STAKEHOLDER = 'Unknown person';

/** What a person reads for a stakeholder: the user's display name, or the external party's name. */
export function stakeholderName(party: StakeholderParty, names?: DisplayNameLookup): string {
  if (party.kind === 'external') return party.name;
  return nameOf(party.accountId, names, UNKNOWN_STAKEHOLDER);
}

/** The initials on a stakeholder's dot; "?" for a user whose name is unknown (never "UP"). */
export function stakeholderInitials(party: StakeholderParty, names?: DisplayNameLookup): string {
  if (party.kind === 'external') return initialsOf(party.name);
  const name = nameOf(party.accountId, names, '');
  return name === '' ? '?' : initialsOf(name);
}
