import { briefToAdf } from '../../domain/brief/brief-adf';
import { briefDocumentToAdf } from '../../domain/brief/brief-document-adf';
import { briefDocumentOf } from '../../domain/brief/brief-record';
import { isInitiativeRecord } from '../../app/initiative-scope';
import { briefStore, initiativeStore } from '../composition-root';
import { recordOnExportedPage, type ExportContext, type ExportPayload } from './export-place';

const BRIEF_ID = /^brief-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the brief macro: PDF and Word exports of the page carry the whole brief document. */
export async function briefExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const brief = await recordOnExportedPage(payload, context, 'briefId', BRIEF_ID, (id) =>
    briefStore().get(id),
  );
  if (!brief) return briefToAdf(undefined);
  const record = await initiativeStore().get(brief.id);
  return briefDocumentToAdf(
    briefDocumentOf(brief.value, isInitiativeRecord(record) ? record.scope : undefined),
  );
}
