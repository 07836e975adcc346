/** Looks up a person's display name by account id; undefined when unknown. */
export type DisplayNameLookup = (accountId: string) => string | undefined;

/** The name used in a message when nobody told us who a person is. */
export const UNKNOWN_PERSON = 'this person';

/** The display name of `accountId`, or `fallback` when the lookup is missing, fails or gives nothing. */
export function nameOf(accountId: string, lookup?: DisplayNameLookup, fallback = UNKNOWN_PERSON): string {
  if (!lookup) return fallback;
  let name: string | undefined;
  try {
    name = lookup(accountId);
  } catch {
    // A message must never fail because a name lookup did.
    name = undefined;
  }
  const trimmed = typeof name === 'string' ? name.trim() : '';
  return trimmed === '' ? fallback : trimmed;
}

/** Joins names the way a sentence does: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Names a group of people for a sentence. Unknown people are counted rather than repeated, so a message
 * never reads "this person and this person".
 */
export function describePeople(accountIds: readonly string[], lookup?: DisplayNameLookup): string {
  const known: string[] = [];
  let unknown = 0;
  for (const id of accountIds) {
    const name = nameOf(id, lookup, '');
    if (name === '') unknown += 1;
    else known.push(name);
  }
  if (unknown === 0) return joinNames(known);
  if (known.length === 0) return unknown === 1 ? UNKNOWN_PERSON : 'these people';
  return joinNames([...known, unknown === 1 ? 'one other person' : `${unknown} other people`]);
}

/** Shortens text a person typed before it is quoted back in a message. */
export function quoteInput(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return `“${shown}”`;
}

/** Starts a sentence with a capital even when it opens with a fallback such as "this person". */
export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
