import { decisionToAdf } from '../../domain/decision';
import { stakeholderGridToAdf } from '../../domain/stakeholders';
import { decisionStore, stakeholderStore } from '../compose-decisions';
import { recordOnExportedPage, type ExportContext, type ExportPayload } from './export-place';

const DECISION_ID = /^decision-[A-Za-z0-9-]{1,80}$/;
const GRID_ID = /^grid-[A-Za-z0-9-]{1,80}$/;

/** `adfExport` of the Decision macro: PDF and Word exports carry the roles, options, outcome and log. */
export async function decisionExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const stored = await recordOnExportedPage(payload, context, 'decisionId', DECISION_ID, (id) =>
    decisionStore().get(id),
  );
  return decisionToAdf(stored?.value.body);
}

/** `adfExport` of the Stakeholder grid macro: one section per quadrant with its plan and people. */
export async function stakeholderExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const stored = await recordOnExportedPage(payload, context, 'gridId', GRID_ID, (id) =>
    stakeholderStore().get(id),
  );
  return stakeholderGridToAdf(stored?.value.body);
}
