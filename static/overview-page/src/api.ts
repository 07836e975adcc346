/** The overview page's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { BriefList } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const listBriefs = (): Promise<BriefList> => call('overview/briefs', {});
