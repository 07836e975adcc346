import type { RaciRowView, SetRaciRowPayload } from '../../shared/raci';
import { checkHardRules } from '../../domain/roles';
import { AppError } from '../errors';
import { RevisionConflict } from '../ports';
import { setRoles } from '../set-roles';
import type { RaciMatrixDeps, StoredTextActivity } from './raci-ports';
import { loadMatrixOnPage, textRowView, viewablePage } from './raci-view';

const ROW_NOT_FOUND = 'This activity is no longer in the matrix. Reload the matrix to see its rows.';

/**
 * Stores the cells of one row. An issue row IS the issue's roles: it is written by `setRoles` as the caller
 * (EDIT_ISSUES, the issue's revision, the audit line), exactly as the Roles panel writes it. A free-text row is
 * checked with the same hard rules, needs page edit, and is guarded by its own revision.
 */
export async function setRaciRow(
  deps: RaciMatrixDeps,
  input: SetRaciRowPayload & { pageId: string; accountId: string },
): Promise<RaciRowView> {
  const access = await viewablePage(deps, input.pageId);
  const stored = await loadMatrixOnPage(deps, input.matrixId, input.pageId);
  const row = stored.value.activities.find((a) => a.id === input.rowId);
  if (!row) throw new AppError('NOT_FOUND', ROW_NOT_FOUND);

  if (row.kind === 'issue') {
    const view = await setRoles(deps.roles, {
      issueKey: row.issueKey,
      accountId: input.accountId,
      framework: 'RACI',
      assignments: input.assignments,
      revision: input.revision,
    });
    return {
      id: row.id,
      kind: 'issue',
      issueKey: view.issueKey,
      name: '',
      assignments: view.assignments,
      revision: view.revision,
      findings: view.findings,
      canEdit: true,
      source: view.source,
      ...(view.inheritedFrom ? { inheritedFrom: view.inheritedFrom } : {}),
    };
  }

  const violations = checkHardRules('RACI', input.assignments);
  if (violations.length > 0) {
    throw new AppError('RULE_VIOLATION', violations.map((v) => v.message).join(' '), { violations });
  }
  if (access !== 'edit') {
    throw new AppError(
      'FORBIDDEN',
      'You can view this page but not edit it, so the matrix is read-only for you.',
    );
  }
  return writeTextRow(deps, input, stored, row);
}

async function writeTextRow(
  deps: RaciMatrixDeps,
  input: SetRaciRowPayload & { pageId: string },
  first: Awaited<ReturnType<typeof loadMatrixOnPage>>,
  firstRow: StoredTextActivity,
): Promise<RaciRowView> {
  // The row's revision decides conflicts; the matrix's revision only guards the write, so an edit of another
  // row or of the columns in between is retried once on the fresh matrix instead of being refused.
  let stored = first;
  let row = firstRow;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (row.revision !== input.revision) {
      throw new AppError(
        'CONFLICT',
        `Someone changed “${row.name}” while you were editing. Reload to see their version.`,
        { current: textRowView(row, true) },
      );
    }
    const nextRow: StoredTextActivity = {
      ...row,
      assignments: input.assignments.map((a) => ({ accountId: a.accountId, role: a.role })),
      revision: row.revision + 1,
    };
    const next = {
      ...stored.value,
      activities: stored.value.activities.map((a) => (a.id === row.id ? nextRow : a)),
      updatedAt: deps.clock.now().toISOString(),
    };
    try {
      await deps.matrices.put(input.matrixId, next, stored.revision);
      return textRowView(nextRow, true);
    } catch (e) {
      if (!(e instanceof RevisionConflict) || attempt > 0) {
        if (e instanceof RevisionConflict) {
          throw new AppError(
            'CONFLICT',
            'The matrix is being changed by someone else right now. Reload and try again.',
          );
        }
        throw e;
      }
      stored = await loadMatrixOnPage(deps, input.matrixId, input.pageId);
      const again = stored.value.activities.find((a) => a.id === input.rowId);
      if (!again || again.kind !== 'text') throw new AppError('NOT_FOUND', ROW_NOT_FOUND);
      row = again;
    }
  }
  throw new AppError(
    'CONFLICT',
    'The matrix is being changed by someone else right now. Reload and try again.',
  );
}
