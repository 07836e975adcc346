import { briefToAdf } from '../../domain/brief/brief-adf';
import { briefDocumentToAdf } from '../../domain/brief/brief-document-adf';
import { briefDocumentOf } from '../../domain/brief/brief-record';
import { isInitiativeRecord } from '../../app/initiative-scope';
import { briefStore, initiativeStore } from '../composition-root';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: { briefId?: unknown }; macro?: { config?: { briefId?: unknown } } };
}

const BRIEF_ID = /^brief-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the brief macro: PDF and Word exports of the page carry the whole brief document. */
export async function briefExport(payload: ExportPayload): Promise<object> {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config;
  const briefId = config?.briefId;
  if (typeof briefId !== 'string' || !BRIEF_ID.test(briefId)) return briefToAdf(undefined);
  const [stored, record] = await Promise.all([briefStore().get(briefId), initiativeStore().get(briefId)]);
  if (!stored) return briefToAdf(undefined);
  return briefDocumentToAdf(
    briefDocumentOf(stored.value, isInitiativeRecord(record) ? record.scope : undefined),
  );
}
