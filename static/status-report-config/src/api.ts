/** The Status report config's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type { SaveStatusReportPayload, StatusReportView } from '../../../src/shared/progress';
import type { BriefList } from '../../../src/shared/settings';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export const getStatusReport = (reportId: string): Promise<StatusReportView> =>
  call('status/get', { reportId });
export const saveStatusReport = (payload: SaveStatusReportPayload): Promise<StatusReportView> =>
  call('status/save', payload);
export const listBriefs = (): Promise<BriefList> => call('status/briefs', {});
