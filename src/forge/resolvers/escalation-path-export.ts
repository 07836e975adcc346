import { escalationPathToAdf } from '../../app/escalation-paths/path-adf';
import { escalationPathStore } from '../compose-escalation-paths';
import { recordOnExportedPage, type ExportContext, type ExportPayload } from './export-place';

const PATH_ID = /^path-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the Escalation Path macro: PDF and Word exports carry the path as a readable document. */
export async function escalationPathExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const stored = await recordOnExportedPage(payload, context, 'pathId', PATH_ID, (id) =>
    escalationPathStore().get(id),
  );
  return escalationPathToAdf(stored?.value);
}
