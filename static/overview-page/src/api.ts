/** The overview page's only door to its resolver (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { Overview } from '../../../src/shared/progress';
import type { BriefList } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const listBriefs = (): Promise<BriefList> => call('overview/briefs', {});
export const loadOverview = (): Promise<Overview> => call('progress/overview', {});
