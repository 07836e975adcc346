import { raciMatrixToAdf } from '../../domain/brief/raci-matrix-adf';
import { raciMatrixStore } from '../compose-briefs';
import { recordOnExportedPage, type ExportContext, type ExportPayload } from './export-place';

const MATRIX_ID = /^raci-[A-Za-z0-9-]{1,80}$/;

/**
 * `adfExport` of the RACI matrix macro: the activities and people as a table. Free-text rows carry their cells;
 * issue rows are listed by key (their roles live on the issue, which an export must not read as the app for
 * whoever exports the page).
 */
export async function raciMatrixExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const stored = await recordOnExportedPage(payload, context, 'matrixId', MATRIX_ID, (id) =>
    raciMatrixStore().get(id),
  );
  return raciMatrixToAdf(stored?.value);
}
