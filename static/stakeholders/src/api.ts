/** The Stakeholder grid's only door to its resolvers. */
import { invoke } from '@forge/bridge';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../../src/shared/stakeholders';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getGrid = (gridId: string): Promise<StakeholderGridView> => call('stakeholders/get', { gridId });
export const saveGrid = (payload: SaveStakeholderGridPayload): Promise<StakeholderGridView> =>
  call('stakeholders/save', payload);
