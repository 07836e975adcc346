/** The Decision log macro's only door to its resolvers. */
import { invoke } from '@forge/bridge';
import type { DecisionLog, DecisionLogPayload } from '../../../src/shared/decision';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const listDecisionLog = (payload: DecisionLogPayload): Promise<DecisionLog> =>
  call('decision/log', payload);
