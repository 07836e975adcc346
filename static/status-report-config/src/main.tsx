import { mountApp } from '../../common/src/mount';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { getStatusReport, listBriefs, saveStatusReport } from './api';
import { StatusReportConfig, type StatusReportConfigDeps } from './status-report-config';

const deps: StatusReportConfigDeps = {
  ...bridgeHost,
  getReport: getStatusReport,
  listBriefs,
  save: saveStatusReport,
};

mountApp(<StatusReportConfig deps={deps} />);
