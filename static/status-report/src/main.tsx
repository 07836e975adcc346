import { view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { getStatusReport } from './api';
import { StatusReportMacro, type StatusReportDeps } from './status-report-macro';

const deps: StatusReportDeps = {
  getContext: () => view.getContext(),
  getReport: getStatusReport,
  now: () => new Date(),
};

mountApp(<StatusReportMacro deps={deps} />);
