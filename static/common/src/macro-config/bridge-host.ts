/** The config screens' host, through `@forge/bridge`: the macro's context, submitting its config, closing. */
import { view } from '@forge/bridge';
import type { MacroContext } from './use-macro-config';

export interface MacroConfigHost {
  getContext: () => Promise<MacroContext>;
  submit: (config: Record<string, string>) => Promise<void>;
  close: () => Promise<void>;
}

export const bridgeHost: MacroConfigHost = {
  getContext: () => view.getContext(),
  submit: async (config) => {
    await view.submit({ config });
  },
  close: () => view.close(),
};
