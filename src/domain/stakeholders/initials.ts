/** Up to two initials for a dot: first and last word's first letters (`"Ada King-Lovelace"` → `"AK"`). */
export function initialsOf(name: string): string {
  const words = name
    .split(/[\s]+/u)
    .map((w) => Array.from(w).find((ch) => /[\p{L}\p{N}]/u.test(ch)))
    .filter((ch): ch is string => ch !== undefined);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return `${first}${last ?? ''}`.toLocaleUpperCase('en');
}
