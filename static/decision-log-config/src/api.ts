/** The Decision log config's only door to its resolvers. */
import { invoke } from '@forge/bridge';
import type { BriefList } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

/** The briefs the viewer may see (the same listing the Status report config picks from). */
export const listBriefs = (): Promise<BriefList> => call('status/briefs', {});
