import { AsyncLocalStorage } from 'node:async_hooks';

/** What the platform knows about the function invocation a product or KVS call comes from. */
export interface Invocation {
  kind: 'resolver' | 'trigger' | 'scheduled' | 'consumer' | 'export';
  functionKey: string;
  /** The person on whose behalf a resolver runs (`asUser()` acts as them); none for triggers. */
  accountId?: string;
}

export const invocationStore = new AsyncLocalStorage<Invocation>();

export const currentInvocation = (): Invocation | undefined => invocationStore.getStore();
