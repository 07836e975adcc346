import type { BriefSummary } from '../shared/brief';
import type { Brief } from '../domain/brief/brief';
import type { DocumentStore, Versioned, Wiki } from './ports';
import { AppError } from './errors';

export const toBriefSummary = (id: string, { value, revision }: Versioned<Brief>): BriefSummary => ({
  id,
  title: value.title,
  problem: value.problem,
  ownerAccountId: value.ownerAccountId,
  status: value.status,
  revision,
  updatedAt: value.updatedAt,
});

/** Reads a brief for a person who can view the page the macro sits on. */
export async function getBrief(
  deps: { briefs: DocumentStore<Brief>; wiki: Wiki },
  input: { briefId: string; pageId: string },
): Promise<BriefSummary> {
  const access = await deps.wiki.pageAccess(input.pageId);
  if (access === 'none')
    throw new AppError('FORBIDDEN', 'You cannot view the page this brief is on. Ask its owner for access.');
  const stored = await deps.briefs.get(input.briefId);
  if (!stored || stored.value.pageId !== input.pageId) {
    throw new AppError(
      'NOT_FOUND',
      'This brief does not exist on this page. Edit the macro to create or pick one.',
    );
  }
  return toBriefSummary(input.briefId, stored);
}
