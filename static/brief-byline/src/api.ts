/** The page byline's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { BylineView } from '../../../src/shared/progress';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getByline = (): Promise<BylineView> => call('progress/byline', {});
