import { router, view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { dryRun, getPath, jiraAsViewer } from './api';
import { EscalationPathMacro, type EscalationPathMacroDeps } from './escalation-path-macro';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

const deps: EscalationPathMacroDeps = {
  getContext: () => view.getContext(),
  getPath,
  dryRun,
  jira: jiraAsViewer,
  openSearch: (path) => void router.open(path),
  download,
};

mountApp(<EscalationPathMacro deps={deps} />);
