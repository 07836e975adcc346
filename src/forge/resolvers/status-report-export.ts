import { statusReportToAdf } from '../../app/status-report-adf';
import { snapshotStore, statusReportStore } from '../composition-root';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: { reportId?: unknown }; macro?: { config?: { reportId?: unknown } } };
}

const REPORT_ID = /^status-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the Status report macro: PDF and Word exports carry its sections and latest numbers. */
export async function statusReportExport(payload: ExportPayload): Promise<object> {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config;
  const reportId = config?.reportId;
  if (typeof reportId !== 'string' || !REPORT_ID.test(reportId))
    return statusReportToAdf(undefined, undefined);
  const stored = await statusReportStore().get(reportId);
  const briefId = stored?.value.briefId;
  const history = briefId ? await snapshotStore().history(briefId) : [];
  return statusReportToAdf(stored?.value, history[history.length - 1]);
}
