import type { SaveStatusReportPayload, StatusReportView } from '../shared/progress';
import { AppError } from './errors';
import { liveStatus, toStatusReport } from './get-status-report';
import type { ProgressDeps } from './get-overview';
import { RevisionConflict, type Clock, type DocumentStore, type IdGenerator, type Wiki } from './ports';
import { STATUS_REPORT_SECTION_LIMIT, type StoredStatusReport } from './status-report-record';
import { requirePageAccess } from './page-access';

const SECTIONS = [
  ['problemAndImpact', 'Problem and business impact'],
  ['rootCauseAndOptions', 'Root cause and options considered'],
  ['recommendation', 'Recommended path'],
] as const;

/**
 * Creates or updates a Status report. Only people who can edit the page may; an update names the revision it
 * was based on (a stale one is CONFLICT); a report of another page is NOT_FOUND; the chosen initiative must
 * be one the writer may see.
 */
export async function saveStatusReport(
  deps: {
    reports: DocumentStore<StoredStatusReport>;
    wiki: Wiki;
    clock: Clock;
    ids: IdGenerator;
    progress: ProgressDeps;
  },
  input: SaveStatusReportPayload & { pageId: string },
): Promise<StatusReportView> {
  const problems = SECTIONS.filter(([key]) => input[key].length > STATUS_REPORT_SECTION_LIMIT).map(
    ([, label]) => `Keep "${label}" to ${STATUS_REPORT_SECTION_LIMIT} characters; link longer material.`,
  );
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '), { problems });
  await requirePageAccess(
    deps.wiki,
    input.pageId,
    'edit',
    'Only people who can edit this page can change its status report. Ask the page owner.',
  );
  if (input.reportId !== undefined) {
    const current = await deps.reports.get(input.reportId);
    if (!current || current.value.pageId !== input.pageId) {
      throw new AppError('NOT_FOUND', 'This status report does not exist on this page. Reload the page.');
    }
  } else if (input.revision !== 0) {
    throw new AppError(
      'INVALID_INPUT',
      'A new status report starts at revision 0. Reload the page and try again.',
    );
  }
  if (input.briefId !== null && (await liveStatus(deps.progress, input.briefId)) === null) {
    throw new AppError(
      'INVALID_INPUT',
      'Pick an initiative you can see; this one does not exist or is hidden from you.',
    );
  }
  const id = input.reportId ?? deps.ids.next('status');
  const next: StoredStatusReport = {
    ...(input.briefId !== null ? { briefId: input.briefId } : {}),
    pageId: input.pageId,
    updatedAt: deps.clock.now().toISOString(),
    body: {
      problemAndImpact: input.problemAndImpact,
      rootCauseAndOptions: input.rootCauseAndOptions,
      recommendation: input.recommendation,
    },
  };
  try {
    const report = toStatusReport(id, await deps.reports.put(id, next, input.revision));
    return { report, status: await liveStatus(deps.progress, report.briefId) };
  } catch (e) {
    if (e instanceof RevisionConflict) {
      throw new AppError(
        'CONFLICT',
        'Someone changed this status report while you were editing. Reload to see their version.',
        {
          currentRevision: e.currentRevision,
        },
      );
    }
    throw e;
  }
}
