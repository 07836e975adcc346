import { router, view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { getStatusReport, jiraAsViewer } from './api';
import { StatusReportMacro, type StatusReportDeps } from './status-report-macro';

const deps: StatusReportDeps = {
  getContext: () => view.getContext(),
  getReport: getStatusReport,
  now: () => new Date(),
  jira: jiraAsViewer,
  openPage: (path) => void router.navigate(path),
};

mountApp(<StatusReportMacro deps={deps} />);
