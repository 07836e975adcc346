import type { Decision } from '../../domain/decision';
import type { IssueDecisionEntry, IssueDecisionsProperty } from '../../shared/decision';
import { AppError, UpstreamError } from '../errors';
import type { IssueActions } from '../ports';
import { createLimiter } from '../concurrency';
import type { DecisionLinksJira } from './decision-ports';

/** The entry a decision puts on each linked issue. */
export const issueEntryOf = (decision: Decision, pageId: string): IssueDecisionEntry => ({
  id: decision.id,
  title: decision.question,
  status: decision.status,
  dueDate: decision.dueDate,
  approverAccountId: decision.approver,
  pageId,
});

/** Reads the property leniently: entries that are not well formed are dropped. */
export function readIssueDecisions(raw: unknown): IssueDecisionEntry[] {
  const list = (raw as { decisions?: unknown } | null | undefined)?.decisions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is IssueDecisionEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as IssueDecisionEntry).id === 'string' &&
      typeof (e as IssueDecisionEntry).title === 'string' &&
      typeof (e as IssueDecisionEntry).pageId === 'string',
  );
}

/**
 * Refuses, naming the keys, when the caller cannot edit every issue being linked or unlinked (checked as the
 * caller, at most 5 checks at once). Nothing is written before this passes.
 */
export async function checkLinkPermissions(actions: IssueActions, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const limit = createLimiter(5);
  const answers = await Promise.all(
    keys.map((key) => limit(async () => [key, await actions.permissions(key, ['EDIT_ISSUES'])] as const)),
  );
  const missing = answers.filter(([, p]) => p === null).map(([k]) => k);
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist or you cannot see ${missing.length === 1 ? 'it' : 'them'}; check the issue keys.`,
      { issueKeys: missing },
    );
  }
  const refused = answers.filter(([, p]) => p !== null && !p.EDIT_ISSUES).map(([k]) => k);
  if (refused.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot edit ${refused.join(', ')}, so you cannot link or unlink ${refused.length === 1 ? 'it' : 'them'}. ` +
        'Ask someone who can edit the issues, or remove them from the list.',
      { issueKeys: refused },
    );
  }
}

/**
 * Brings the `accord-decisions` property of every issue the decision touches up to date: the entry is set on
 * linked issues and removed from unlinked ones. An issue whose property would not change is not written.
 */
export async function syncDecisionLinks(
  jira: DecisionLinksJira,
  decision: Decision,
  pageId: string,
  previousKeys: readonly string[],
): Promise<{ written: string[] }> {
  const linked = new Set(decision.linkedIssueKeys);
  const keys = [...new Set([...previousKeys, ...decision.linkedIssueKeys])];
  if (keys.length === 0) return { written: [] };
  const current = await jira.readProperties(keys);
  const entry = issueEntryOf(decision, pageId);
  const limit = createLimiter(5);
  const written: string[] = [];
  await Promise.all(
    keys
      .filter((key) => current.has(key))
      .map((key) =>
        limit(async () => {
          const before = byId(readIssueDecisions(current.get(key)));
          const others = before.filter((d) => d.id !== decision.id);
          const after: IssueDecisionsProperty = {
            decisions: byId(linked.has(key) ? [...others, entry] : others),
          };
          if (JSON.stringify(before) === JSON.stringify(after.decisions)) return;
          await jira.writeProperty(key, after);
          written.push(key);
        }),
      ),
  );
  return { written: written.sort() };
}

const byId = (entries: IssueDecisionEntry[]): IssueDecisionEntry[] =>
  [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Wraps a sync failure after the decision itself was saved: the sentence says what to do. */
export function linkSyncFailure(e: unknown): AppError {
  const status = e instanceof UpstreamError ? e.status : 502;
  return new UpstreamError(
    'The decision was saved, but Jira did not accept the update of its linked issues. Reload, then save again to retry.',
    status,
  );
}
