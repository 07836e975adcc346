import type { ImportRaciPayload, ImportRaciResult } from '../../shared/raci';
import type { Assignment } from '../../shared/roles';
import { checkHardRules, isValidAccountId, parseRaciCsv } from '../../domain/roles';
import { normaliseIssueKey } from '../../domain/brief/issue-key';
import { AppError } from '../errors';
import { RevisionConflict } from '../ports';
import { getRoles } from '../get-roles';
import { setRoles } from '../set-roles';
import { createLimiter } from '../concurrency';
import { RACI_LIMITS, type RaciMatrixDeps, type StoredActivity, type StoredRaciMatrix } from './raci-ports';
import { loadMatrixOnPage, matrixView, RACI_PARALLEL_READS } from './raci-view';
import { requirePageAccess } from '../page-access';

/** The issue key at the start of an activity ("LAUNCH-2 Public pricing page" → LAUNCH-2), as the project page exports it. */
const ACTIVITY_KEY = /^([A-Za-z][A-Za-z0-9_]{0,49}-[1-9][0-9]{0,9})(?=\s|$)/;

type RowResult = ImportRaciResult['rows'][number];

const sameAssignments = (a: readonly Assignment[], b: readonly Assignment[]) => {
  const key = (x: Assignment) => `${x.accountId}|${x.role}`;
  const left = new Set(a.map(key));
  return left.size === new Set(b.map(key)).size && b.every((x) => left.has(key(x)));
};

/**
 * Imports a CSV in the project page's format into a matrix: activities that start with an issue key are issue
 * rows (written through `setRoles` as the caller), others free-text rows matched by name (or added); mapped
 * columns become people columns. Every row is checked (letters, hard rules) and reported; bad rows write nothing.
 */
export async function importRaciCsv(
  deps: RaciMatrixDeps,
  input: ImportRaciPayload & { pageId: string; accountId: string },
): Promise<ImportRaciResult> {
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'edit',
    'You can view this page but not edit it, so you cannot import into the matrix.',
  );
  const parsed = parseRaciCsv(input.csv, { framework: 'RACI' });
  if (parsed.headerErrors.length > 0) {
    throw new AppError('INVALID_INPUT', parsed.headerErrors.map((e) => e.message).join(' '), {
      errors: parsed.headerErrors,
    });
  }
  const unmapped = parsed.holders.filter((h) => input.columns[h] === undefined);
  if (unmapped.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Choose a person (or "leave out") for ${unmapped.map((h) => `“${h}”`).join(', ')}.`,
    );
  }
  if (parsed.holders.some((h) => input.columns[h] !== '' && !isValidAccountId(input.columns[h]))) {
    throw new AppError(
      'INVALID_INPUT',
      'A column is mapped to something that is not a Jira account. Choose again.',
    );
  }
  const stored = await loadMatrixOnPage(deps, input.matrixId, input.pageId);
  const matrix: StoredRaciMatrix = {
    ...stored.value,
    activities: [...stored.value.activities],
    people: [...stored.value.people],
  };

  const results: RowResult[] = [];
  const issueWrites: Array<{ line: number; activity: string; issueKey: string; assignments: Assignment[] }> =
    [];
  let textChanged = false;
  for (const row of parsed.rows) {
    const activity = row.activity.trim();
    if (row.errors.length > 0) {
      results.push({
        line: row.line,
        activity,
        outcome: 'error',
        message: row.errors.map((e) => e.message).join(' '),
      });
      continue;
    }
    const assignments: Assignment[] = [];
    parsed.holders.forEach((holder, i) => {
      const accountId = input.columns[holder] ?? '';
      if (accountId === '') return;
      for (const role of row.cells[i] ?? []) assignments.push({ accountId, role });
    });
    const violations = checkHardRules('RACI', assignments);
    if (violations.length > 0) {
      results.push({
        line: row.line,
        activity,
        outcome: 'error',
        message: violations.map((v) => v.message).join(' '),
      });
      continue;
    }
    for (const a of assignments) if (!matrix.people.includes(a.accountId)) matrix.people.push(a.accountId);
    const keyMatch = ACTIVITY_KEY.exec(activity);
    const issueKey = keyMatch ? normaliseIssueKey(keyMatch[1]) : undefined;
    if (issueKey) {
      if (!matrix.activities.some((a) => a.kind === 'issue' && a.issueKey === issueKey)) {
        matrix.activities.push({ id: deps.ids.next('act'), kind: 'issue', issueKey });
      }
      issueWrites.push({ line: row.line, activity, issueKey, assignments });
      continue;
    }
    const index = matrix.activities.findIndex(
      (a) => a.kind === 'text' && a.name.toLowerCase() === activity.toLowerCase(),
    );
    const existing = index >= 0 ? (matrix.activities[index] as StoredActivity & { kind: 'text' }) : undefined;
    if (existing && sameAssignments(existing.assignments, assignments)) {
      results.push({ line: row.line, activity, outcome: 'unchanged' });
      continue;
    }
    const next = existing
      ? { ...existing, assignments, revision: existing.revision + 1 }
      : {
          id: deps.ids.next('act'),
          kind: 'text' as const,
          name: activity.slice(0, RACI_LIMITS.activityName),
          assignments,
          revision: 1,
        };
    if (existing) matrix.activities[index] = next;
    else matrix.activities.push(next);
    textChanged = true;
    results.push({ line: row.line, activity, outcome: 'applied' });
  }
  if (matrix.people.length > RACI_LIMITS.people || matrix.activities.length > RACI_LIMITS.activities) {
    throw new AppError(
      'INVALID_INPUT',
      `A matrix holds at most ${RACI_LIMITS.people} people and ${RACI_LIMITS.activities} activities; import fewer rows.`,
    );
  }

  let current = stored;
  const structureChanged =
    textChanged ||
    matrix.people.length !== stored.value.people.length ||
    matrix.activities.length !== stored.value.activities.length;
  if (structureChanged) {
    try {
      current = await deps.matrices.put(
        input.matrixId,
        { ...matrix, updatedAt: deps.clock.now().toISOString() },
        stored.revision,
      );
    } catch (e) {
      if (e instanceof RevisionConflict) {
        throw new AppError(
          'CONFLICT',
          'Someone changed this matrix while you imported. Reload and import again.',
        );
      }
      throw e;
    }
  }

  // Issue rows: the issue's current roles as the caller, then setRoles with that revision (one truth).
  const limit = createLimiter(RACI_PARALLEL_READS);
  const issueResults = await Promise.all(
    issueWrites.map((w) =>
      limit(async (): Promise<RowResult> => {
        try {
          const before = await getRoles({ jira: deps.roles.jira }, { issueKey: w.issueKey });
          if (before.source === 'issue' && sameAssignments(before.assignments, w.assignments)) {
            return { line: w.line, activity: w.activity, outcome: 'unchanged' };
          }
          await setRoles(deps.roles, {
            issueKey: w.issueKey,
            accountId: input.accountId,
            framework: 'RACI',
            assignments: w.assignments,
            revision: before.revision,
          });
          return { line: w.line, activity: w.activity, outcome: 'applied' };
        } catch (e) {
          if (e instanceof AppError)
            return { line: w.line, activity: w.activity, outcome: 'error', message: e.message };
          throw e;
        }
      }),
    ),
  );
  const rows = [...results, ...issueResults].sort((a, b) => a.line - b.line);
  return {
    matrix: await matrixView(deps, input.matrixId, current, access),
    rows,
    applied: rows.filter((r) => r.outcome === 'applied').length,
  };
}
