import type { RaciMatrixView, SaveRaciPayload } from '../../shared/raci';
import { isValidAccountId } from '../../domain/roles';
import { badIssueKeySentence, normaliseIssueKey } from '../../domain/brief/issue-key';
import { AppError } from '../errors';
import { RevisionConflict } from '../ports';
import { RACI_LIMITS, type RaciMatrixDeps, type StoredActivity, type StoredRaciMatrix } from './raci-ports';
import { loadMatrixOnPage, matrixView } from './raci-view';
import { requirePageAccess } from '../page-access';

/** The sentences that say what is wrong with a matrix's structure, or none. */
export function raciStructureProblems(
  input: Pick<SaveRaciPayload, 'title' | 'people' | 'activities'>,
): string[] {
  const problems: string[] = [];
  if (input.title.trim() === '') problems.push('Give the matrix a title.');
  if (input.title.length > RACI_LIMITS.title)
    problems.push(`Keep the title to ${RACI_LIMITS.title} characters.`);
  if (input.people.length > RACI_LIMITS.people)
    problems.push(`Keep to ${RACI_LIMITS.people} people; a matrix wider than that is hard to read.`);
  if (input.people.some((p) => !isValidAccountId(p)))
    problems.push('A column is not a known Atlassian account; pick the person again.');
  if (new Set(input.people).size !== input.people.length)
    problems.push('A person has two columns; remove one.');
  if (input.activities.length > RACI_LIMITS.activities)
    problems.push(`Keep to ${RACI_LIMITS.activities} activities; split the matrix by phase.`);
  const keys = new Set<string>();
  for (const a of input.activities) {
    if (a.kind === 'issue') {
      const key = normaliseIssueKey(a.issueKey);
      if (key === undefined) problems.push(badIssueKeySentence(a.issueKey));
      else if (keys.has(key)) problems.push(`${key} is in the matrix twice; keep one row.`);
      else keys.add(key);
    } else if (a.name.trim() === '') {
      problems.push('Give every activity a name.');
    } else if (a.name.length > RACI_LIMITS.activityName) {
      problems.push(`Keep activity names to ${RACI_LIMITS.activityName} characters.`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Creates a matrix for a brief, or changes its title, people columns and activities. Editing the page is
 * required; the write names the revision it was based on (CONFLICT when stale). Existing free-text rows keep
 * their cells (by id); removing an issue row leaves the issue's roles untouched.
 */
export async function saveRaciMatrix(
  deps: RaciMatrixDeps,
  input: SaveRaciPayload & { pageId: string },
): Promise<RaciMatrixView> {
  const problems = raciStructureProblems(input);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '), { problems });
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'edit',
    'You can view this page but not edit it, so the matrix is read-only for you.',
  );

  let existing: StoredRaciMatrix | undefined;
  if (input.matrixId !== undefined) {
    existing = (await loadMatrixOnPage(deps, input.matrixId, input.pageId)).value;
    if (existing.briefId !== input.briefId) {
      throw new AppError(
        'INVALID_INPUT',
        'A matrix belongs to one brief; create a new matrix for another brief.',
      );
    }
  } else {
    if (input.revision !== 0) throw new AppError('INVALID_INPUT', 'A new matrix starts at revision 0.');
    const brief = await deps.briefs.get(input.briefId);
    if (!brief || (await deps.wiki.pageAccess(brief.value.pageId)) === 'none') {
      throw new AppError(
        'INVALID_INPUT',
        'The brief this matrix is for does not exist or you cannot see it; pick the brief again.',
      );
    }
  }

  const before = new Map((existing?.activities ?? []).map((a) => [a.id, a]));
  const activities: StoredActivity[] = input.activities.map((a) => {
    const kept = a.id !== undefined ? before.get(a.id) : undefined;
    if (a.kind === 'issue') {
      const issueKey = normaliseIssueKey(a.issueKey) ?? a.issueKey;
      return {
        id: kept?.kind === 'issue' && kept.issueKey === issueKey ? kept.id : deps.ids.next('act'),
        kind: 'issue',
        issueKey,
      };
    }
    if (kept?.kind === 'text') return { ...kept, name: a.name.trim() };
    return { id: deps.ids.next('act'), kind: 'text', name: a.name.trim(), assignments: [], revision: 0 };
  });
  const id = input.matrixId ?? deps.ids.next('raci');
  const next: StoredRaciMatrix = {
    briefId: input.briefId,
    pageId: input.pageId,
    title: input.title.trim(),
    people: [...input.people],
    activities,
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    const saved = await deps.matrices.put(id, next, input.revision);
    return await matrixView(deps, id, saved, access);
  } catch (e) {
    if (e instanceof RevisionConflict) {
      throw new AppError(
        'CONFLICT',
        'Someone changed this matrix while you were editing. Reload to see their version.',
        {
          currentRevision: e.currentRevision,
        },
      );
    }
    throw e;
  }
}
