import { escalationPathToAdf } from '../../app/escalation-paths/path-adf';
import { escalationPathStore } from '../compose-escalation-paths';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: { pathId?: unknown }; macro?: { config?: { pathId?: unknown } } };
}

const PATH_ID = /^path-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the Escalation Path macro: PDF and Word exports carry the path as a readable document. */
export async function escalationPathExport(payload: ExportPayload): Promise<object> {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config;
  const pathId = config?.pathId;
  if (typeof pathId !== 'string' || !PATH_ID.test(pathId)) return escalationPathToAdf(undefined);
  const stored = await escalationPathStore().get(pathId);
  return escalationPathToAdf(stored?.value);
}
