import { briefToAdf } from '../../domain/brief/brief-adf';
import { briefStore } from '../composition-root';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: { briefId?: unknown }; macro?: { config?: { briefId?: unknown } } };
}

const BRIEF_ID = /^brief-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the brief macro: PDF and Word exports of the page carry the brief's content. */
export async function briefExport(payload: ExportPayload): Promise<object> {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config;
  const briefId = config?.briefId;
  if (typeof briefId !== 'string' || !BRIEF_ID.test(briefId)) return briefToAdf(undefined);
  const stored = await briefStore().get(briefId);
  return briefToAdf(stored?.value);
}
