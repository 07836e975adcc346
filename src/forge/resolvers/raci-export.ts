import { raciMatrixToAdf } from '../../domain/brief/raci-matrix-adf';
import { raciMatrixStore } from '../compose-briefs';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: { matrixId?: unknown }; macro?: { config?: { matrixId?: unknown } } };
}

const MATRIX_ID = /^raci-[A-Za-z0-9-]{1,80}$/;

/**
 * `adfExport` of the RACI matrix macro: the activities and people as a table. Free-text rows carry their cells;
 * issue rows are listed by key (their roles live on the issue, which an export must not read as the app for
 * whoever exports the page).
 */
export async function raciMatrixExport(payload: ExportPayload): Promise<object> {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config;
  const matrixId = config?.matrixId;
  if (typeof matrixId !== 'string' || !MATRIX_ID.test(matrixId)) return raciMatrixToAdf(undefined);
  const stored = await raciMatrixStore().get(matrixId);
  return raciMatrixToAdf(stored?.value);
}
