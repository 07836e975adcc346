/** The project page's only door to its resolvers (see static/common/src/resolver-client.ts). */
import { invoke } from '@forge/bridge';
import type {
  BulkApplyPayload,
  BulkJob,
  ImportCsvPayload,
  ImportCsvResult,
  MatrixPage,
  MatrixPayload,
} from '../../../src/shared/matrix';
import { createResolverClient } from '../../common/src/resolver-client';

const call = createResolverClient((key, payload) => invoke(key, payload));

export interface ProjectApi {
  getMatrix(payload: MatrixPayload): Promise<MatrixPage>;
  importCsv(payload: ImportCsvPayload): Promise<ImportCsvResult>;
  startBulk(payload: BulkApplyPayload): Promise<BulkJob>;
  bulkStatus(jobId: string): Promise<BulkJob>;
}

export const projectApi: ProjectApi = {
  getMatrix: (payload) => call('matrix/get', payload),
  importCsv: (payload) => call('matrix/import', payload),
  startBulk: (payload) => call('bulk/start', payload),
  bulkStatus: (jobId) => call('bulk/status', { jobId }),
};
