import { statusReportToAdf } from '../../app/status-report-adf';
import { snapshotStore, statusReportStore } from '../composition-root';
import { recordOnExportedPage, type ExportContext, type ExportPayload } from './export-place';

const REPORT_ID = /^status-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the Status report macro: PDF and Word exports carry its sections and latest numbers. */
export async function statusReportExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const report = await recordOnExportedPage(payload, context, 'reportId', REPORT_ID, (id) =>
    statusReportStore().get(id),
  );
  const briefId = report?.value.briefId;
  const history = briefId ? await snapshotStore().history(briefId) : [];
  return statusReportToAdf(report?.value, history[history.length - 1]);
}
