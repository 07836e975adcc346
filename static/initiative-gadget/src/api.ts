/** The initiative gadget's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { InitiativeDetail, Overview } from '../../../src/shared/progress';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const loadInitiative = (briefId: string): Promise<InitiativeDetail> =>
  call('progress/initiative', { briefId });
export const loadOverview = (): Promise<Overview> => call('progress/overview', {});
