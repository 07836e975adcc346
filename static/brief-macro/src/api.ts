/** The brief macro's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { BriefDetail } from '../../../src/shared/brief';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getBrief = (briefId: string): Promise<BriefDetail> => call('brief/get', { briefId });
