import { view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { getStatusReport, listBriefs, saveStatusReport } from './api';
import { StatusReportConfig, type StatusReportConfigDeps } from './status-report-config';

const deps: StatusReportConfigDeps = {
  getContext: () => view.getContext(),
  getReport: getStatusReport,
  listBriefs,
  save: saveStatusReport,
  submit: async (config) => {
    await view.submit({ config });
  },
  close: () => view.close(),
};

mountApp(<StatusReportConfig deps={deps} />);
