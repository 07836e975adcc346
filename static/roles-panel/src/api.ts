/** The roles panel's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { RolesView } from '../../../src/shared/roles';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getRoles = (issueKey: string): Promise<RolesView> => call('roles/get', { issueKey });
