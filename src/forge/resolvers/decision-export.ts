import { decisionToAdf } from '../../domain/decision';
import { stakeholderGridToAdf } from '../../domain/stakeholders';
import { decisionStore, stakeholderStore } from '../compose-decisions';

interface ExportPayload {
  exportType?: string;
  extensionPayload?: { config?: Record<string, unknown>; macro?: { config?: Record<string, unknown> } };
}

const DECISION_ID = /^decision-[A-Za-z0-9-]{1,80}$/;
const GRID_ID = /^grid-[A-Za-z0-9-]{1,80}$/;

const configOf = (payload: ExportPayload) =>
  payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config ?? {};

/** `adfExport` of the Decision macro: PDF and Word exports carry the roles, options, outcome and log. */
export async function decisionExport(payload: ExportPayload): Promise<object> {
  const id = configOf(payload).decisionId;
  if (typeof id !== 'string' || !DECISION_ID.test(id)) return decisionToAdf(undefined);
  const stored = await decisionStore().get(id);
  return decisionToAdf(stored?.value.body);
}

/** `adfExport` of the Stakeholder grid macro: one section per quadrant with its plan and people. */
export async function stakeholderExport(payload: ExportPayload): Promise<object> {
  const id = configOf(payload).gridId;
  if (typeof id !== 'string' || !GRID_ID.test(id)) return stakeholderGridToAdf(undefined);
  const stored = await stakeholderStore().get(id);
  return stakeholderGridToAdf(stored?.value.body);
}
