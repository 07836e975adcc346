/**
 * A Jira issue key: a project key (a letter, then letters, digits or underscores; Jira's own limit is
 * configurable, so we allow up to 30) and a positive number, such as `LAUNCH-42`.
 */
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]{1,29}-[1-9][0-9]{0,9}$/;

/** The issue key upper-cased and trimmed (`" eng-42 "` → `"ENG-42"`), or undefined when it is not a key. */
export function normaliseIssueKey(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toUpperCase();
  return ISSUE_KEY.test(key) ? key : undefined;
}

/** The sentence that says an issue key is not one. */
export function badIssueKeySentence(value: unknown): string {
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : 'This value';
  return `${shown} is not a Jira issue key; write it like LAUNCH-42 (project key, a dash, the number).`;
}
