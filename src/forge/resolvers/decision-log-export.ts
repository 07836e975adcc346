import { exportDecisionLog } from '../../app/decisions/export-decision-log';
import type { DecisionScope } from '../../app/decisions/decision-ports';
import { decisionStore } from '../compose-decisions';
import { configId, exportedPlace, type ExportContext, type ExportPayload } from './export-place';

const BRIEF_ID = /^brief-[A-Za-z0-9-]{1,80}$/;

/**
 * `adfExport` of the Decision log macro. The page and space come from the export's platform context (the
 * extension payload, or the invocation context), never from the macro config, which any page editor can change.
 */
export async function decisionLogExport(payload: ExportPayload, context?: ExportContext): Promise<object> {
  const { pageId, spaceId } = exportedPlace(payload, context);
  const briefId = configId(payload, 'briefId', BRIEF_ID) ?? null;
  const scope: DecisionScope | undefined =
    briefId !== null
      ? { kind: 'brief', briefId }
      : spaceId !== undefined
        ? { kind: 'space', spaceId }
        : undefined;
  return exportDecisionLog({ decisions: decisionStore() }, { pageId, scope });
}
