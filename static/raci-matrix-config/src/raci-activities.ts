import type { RaciActivityInput } from '../../../src/shared/raci';
import { normaliseIssueKey } from '../../../src/domain/brief/issue-key';

/** Lines of the activities box as activities, keeping the ids of rows that stay. */
export function activitiesOf(text: string, ids: Map<string, string>): RaciActivityInput[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const key = normaliseIssueKey(line);
      const id = ids.get(key ?? line);
      return key
        ? { ...(id ? { id } : {}), kind: 'issue' as const, issueKey: key }
        : { ...(id ? { id } : {}), kind: 'text' as const, name: line };
    });
}
