import type { StatusReport, StatusReportView } from '../shared/progress';
import { AppError } from './errors';
import { visibleStatus } from './get-initiative';
import type { ProgressDeps } from './get-overview';
import type { DocumentStore, Versioned, Wiki } from './ports';
import type { StoredStatusReport } from './status-report-record';
import { requirePageAccess } from './page-access';

export const toStatusReport = (
  id: string,
  { value, revision }: Versioned<StoredStatusReport>,
): StatusReport => ({
  id,
  briefId: value.briefId ?? null,
  problemAndImpact: value.body.problemAndImpact,
  rootCauseAndOptions: value.body.rootCauseAndOptions,
  recommendation: value.body.recommendation,
  revision,
  updatedAt: value.updatedAt,
});

/** The live numbers beside a report, as the viewer sees them; null when none is chosen or it is hidden. */
export async function liveStatus(deps: ProgressDeps, briefId: string | null) {
  if (briefId === null) return null;
  try {
    return await visibleStatus(deps, briefId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

/** Reads a Status report for a person who can view the page it is on. */
export async function getStatusReport(
  deps: { reports: DocumentStore<StoredStatusReport>; wiki: Wiki; progress: ProgressDeps },
  input: { reportId: string; pageId: string },
): Promise<StatusReportView> {
  await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this status report is on. Ask its owner for access.',
  );
  const stored = await deps.reports.get(input.reportId);
  if (!stored || stored.value.pageId !== input.pageId) {
    throw new AppError(
      'NOT_FOUND',
      'This status report does not exist on this page. Edit the macro to write one.',
    );
  }
  const report = toStatusReport(input.reportId, stored);
  return { report, status: await liveStatus(deps.progress, report.briefId) };
}
