/**
 * The flow every macro config screen shares: read the id the macro config holds (or none, for a new macro), load
 * that record or a new empty draft, show loading and error states with a retry, save with the revision it was
 * loaded at, and hand the saved id back to the page (`view.submit({ config: { <idKey>: id } })`). A CONFLICT
 * says someone else changed it and offers a reload; any other error says what the server said (`describeError`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ResolverCallError, describeError } from '../resolver-client';

/** What the config screen needs of the host's context (`view.getContext()`). */
export interface MacroContext {
  extension: unknown;
  accountId?: string;
}

export interface MacroConfigSpec<T, K extends string = string> {
  /** The macro config's key that holds the record's id (`briefId`, `reportId`, …). */
  idKey: K;
  getContext: () => Promise<MacroContext>;
  /** The record with this id, or the new empty draft when the macro has none yet. */
  load: (id: string | undefined, context: MacroContext) => Promise<T>;
  /** Hands the config back to the page; needed by `save`. */
  submit?: (config: Record<K, string>) => Promise<void>;
  /** What a CONFLICT on save says (the screen shows its own title above it). */
  conflictMessage?: string;
}

export type MacroConfigState<T> =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `loads` counts finished loads: key a form on it so a reload starts it afresh. */
  | { kind: 'ready'; value: T; loads: number };

export interface SaveError {
  kind: 'conflict' | 'forbidden' | 'other';
  message: string;
}

export const CONFLICT_MESSAGE =
  'Reload to see their version, then make your change again. Copy anything you want to keep first.';

/** The record id a macro config holds under `idKey`, or undefined for a new macro (or an empty id). */
export function configIdOf(extension: unknown, idKey: string): string | undefined {
  const config = (extension as { config?: Record<string, unknown> } | null)?.config;
  const id = config?.[idKey];
  return typeof id === 'string' && id ? id : undefined;
}

export function saveErrorOf(error: unknown, conflictMessage = CONFLICT_MESSAGE): SaveError {
  const code = error instanceof ResolverCallError ? error.code : undefined;
  if (code === 'CONFLICT') return { kind: 'conflict', message: conflictMessage };
  return { kind: code === 'FORBIDDEN' ? 'forbidden' : 'other', message: describeError(error) };
}

export interface MacroConfig<T> {
  state: MacroConfigState<T>;
  /** Loads again (the Retry of the error state and the Reload of a conflict); clears the save error. */
  reload: () => void;
  /** Changes the loaded value in place (for screens that keep their draft in it). */
  update: (change: (value: T) => T) => void;
  saving: boolean;
  saveError: SaveError | null;
  clearSaveError: () => void;
  /** Runs `write` (which saves with the loaded revision and answers the saved id), then submits the id. */
  save: (write: () => Promise<string>) => Promise<void>;
}

/** The spec is read when used, so a screen may pass a new object each render; it loads once when mounted. */
export function useMacroConfig<T, K extends string = string>(spec: MacroConfigSpec<T, K>): MacroConfig<T> {
  const latest = useRef(spec);
  latest.current = spec;
  const loads = useRef(0);
  const [state, setState] = useState<MacroConfigState<T>>({ kind: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);

  const load = useCallback(async () => {
    setSaveError(null);
    const { getContext, idKey, load: read } = latest.current;
    try {
      const context = await getContext();
      const value = await read(configIdOf(context.extension, idKey), context);
      loads.current += 1;
      setState({ kind: 'ready', value, loads: loads.current });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const reload = useCallback(() => void load(), [load]);
  const update = useCallback(
    (change: (value: T) => T) => setState((s) => (s.kind === 'ready' ? { ...s, value: change(s.value) } : s)),
    [],
  );
  const clearSaveError = useCallback(() => setSaveError(null), []);

  const save = useCallback(async (write: () => Promise<string>) => {
    const { idKey, submit, conflictMessage } = latest.current;
    setSaving(true);
    setSaveError(null);
    try {
      const id = await write();
      if (submit) await submit({ [idKey]: id } as Record<K, string>);
    } catch (error) {
      setSaveError(saveErrorOf(error, conflictMessage));
    } finally {
      setSaving(false);
    }
  }, []);

  return { state, reload, update, saving, saveError, clearSaveError, save };
}
