import { exportDecisionLog } from '../../app/decisions/export-decision-log';
import type { DecisionScope } from '../../app/decisions/decision-ports';
import { decisionStore } from '../compose-decisions';

/** Where the platform says the exported macro is: the extension context (content = the page, its space). */
interface ExportPlace {
  content?: { id?: unknown };
  space?: { id?: unknown };
}

interface ExportPayload {
  exportType?: string;
  extensionPayload?: ExportPlace & {
    config?: { briefId?: unknown; scope?: unknown };
    macro?: { config?: { briefId?: unknown; scope?: unknown } };
  };
  context?: { extension?: ExportPlace };
}

const BRIEF_ID = /^brief-[A-Za-z0-9-]{1,80}$/;
const PLATFORM_ID = /^[0-9A-Za-z]{1,40}$/;

const idOf = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && PLATFORM_ID.test(String(value))
    ? String(value)
    : undefined;

/**
 * `adfExport` of the Decision log macro. The page and space come from the export's platform context (the
 * extension payload, or the invocation context), never from the macro config, which any page editor can change.
 */
export async function decisionLogExport(
  payload: ExportPayload,
  context?: { extension?: ExportPlace },
): Promise<object> {
  const places = [payload.extensionPayload, payload.context?.extension, context?.extension];
  const pageId = places.map((p) => idOf(p?.content?.id)).find((id) => id !== undefined);
  const spaceId = places.map((p) => idOf(p?.space?.id)).find((id) => id !== undefined);
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config ?? {};
  const briefId = typeof config.briefId === 'string' && BRIEF_ID.test(config.briefId) ? config.briefId : null;
  const scope: DecisionScope | undefined =
    briefId !== null
      ? { kind: 'brief', briefId }
      : spaceId !== undefined
        ? { kind: 'space', spaceId }
        : undefined;
  return exportDecisionLog({ decisions: decisionStore() }, { pageId, scope });
}
