import type { RaciMatrixView } from '../../shared/raci';
import type { RaciMatrixDeps } from './raci-ports';
import { loadMatrixOnPage, matrixView, viewablePage } from './raci-view';

/**
 * A RACI matrix for a person who can view its page: free-text rows from the matrix, issue rows read as that
 * person through the Roles panel's use case (at most 5 at once), each row with its findings.
 */
export async function getRaciMatrix(
  deps: RaciMatrixDeps,
  input: { matrixId: string; pageId: string },
): Promise<RaciMatrixView> {
  const access = await viewablePage(deps, input.pageId);
  const stored = await loadMatrixOnPage(deps, input.matrixId, input.pageId);
  return matrixView(deps, input.matrixId, stored, access);
}
