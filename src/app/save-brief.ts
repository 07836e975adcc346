import type { BriefSummary, SaveBriefPayload } from '../shared/brief';
import { briefProblems, type Brief } from '../domain/brief/brief';
import { RevisionConflict, type Clock, type DocumentStore, type IdGenerator, type Wiki } from './ports';
import { AppError } from './errors';
import { toBriefSummary } from './get-brief';

/**
 * Creates or updates a brief. Only people who can edit the page may; an update must name the revision
 * it was based on, and a stale one is refused with CONFLICT so nobody's edit is silently lost.
 */
export async function saveBrief(
  deps: { briefs: DocumentStore<Brief>; wiki: Wiki; clock: Clock; ids: IdGenerator },
  input: SaveBriefPayload & { pageId: string; accountId: string },
): Promise<BriefSummary> {
  const problems = briefProblems(input);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '), { problems });

  const access = await deps.wiki.pageAccess(input.pageId);
  if (access !== 'edit') {
    throw new AppError(
      'FORBIDDEN',
      'You can view this page but not edit it, so the brief is read-only for you.',
    );
  }

  let existing: Brief | undefined;
  if (input.briefId !== undefined) {
    const stored = await deps.briefs.get(input.briefId);
    if (!stored || stored.value.pageId !== input.pageId) {
      throw new AppError(
        'NOT_FOUND',
        'This brief does not exist on this page; save it as a new brief instead.',
      );
    }
    existing = stored.value;
  } else if (input.revision !== 0) {
    throw new AppError('INVALID_INPUT', 'A new brief starts at revision 0.');
  }

  const id = input.briefId ?? deps.ids.next('brief');
  const next: Brief = {
    title: input.title.trim(),
    problem: input.problem,
    status: input.status,
    ownerAccountId: existing?.ownerAccountId ?? input.accountId,
    pageId: input.pageId,
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    return toBriefSummary(id, await deps.briefs.put(id, next, input.revision));
  } catch (e) {
    if (e instanceof RevisionConflict) {
      throw new AppError(
        'CONFLICT',
        'Someone changed this brief while you were editing. Reload to see their version.',
        {
          currentRevision: e.currentRevision,
        },
      );
    }
    throw e;
  }
}
