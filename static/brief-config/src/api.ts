/** The brief config's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { BriefSummary, SaveBriefPayload } from '../../../src/shared/brief';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getBrief = (briefId: string): Promise<BriefSummary> => call('brief/get', { briefId });
export const saveBrief = (payload: SaveBriefPayload): Promise<BriefSummary> => call('brief/save', payload);
