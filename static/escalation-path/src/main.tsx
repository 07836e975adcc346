import { router, view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { downloadCsv } from '../../common/src/download';
import { dryRun, getPath, jiraAsViewer } from './api';
import { EscalationPathMacro, type EscalationPathMacroDeps } from './escalation-path-macro';

const deps: EscalationPathMacroDeps = {
  getContext: () => view.getContext(),
  getPath,
  dryRun,
  jira: jiraAsViewer,
  openSearch: (path) => void router.open(path),
  download: downloadCsv,
};

mountApp(<EscalationPathMacro deps={deps} />);
