/** Reads what the dashboard tells the gadget: edit or view, and the stored configuration. */
export interface GadgetContext {
  mode: 'view' | 'edit';
  /** The chosen initiative, or null when the gadget is not configured yet. */
  briefId: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `extension.entryPoint === 'edit'` is the edit view; `extension.gadgetConfiguration` is the stored config. */
export function readGadgetContext(context: unknown): GadgetContext {
  const extension = isRecord(context) && isRecord(context.extension) ? context.extension : {};
  const config = isRecord(extension.gadgetConfiguration) ? extension.gadgetConfiguration : {};
  const briefId = typeof config.briefId === 'string' && config.briefId.trim() !== '' ? config.briefId : null;
  return { mode: extension.entryPoint === 'edit' ? 'edit' : 'view', briefId };
}
