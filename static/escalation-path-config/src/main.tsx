import { mountApp } from '../../common/src/mount';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import {
  EscalationPathConfig,
  type EscalationPathConfigDeps,
} from '../../common/src/escalation/escalation-path-config';
import { getPath, jiraAsViewer, savePath } from './api';

const deps: EscalationPathConfigDeps = {
  ...bridgeHost,
  getPath,
  save: savePath,
  jira: jiraAsViewer,
};

mountApp(<EscalationPathConfig deps={deps} />);
