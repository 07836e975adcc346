import { mountApp } from '../../common/src/mount';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { fetchNames } from '../../common/src/user-picker-people';
import { getGrid, jiraAsViewer, saveGrid } from './api';
import { StakeholdersConfig, type StakeholdersConfigDeps } from './stakeholders-config';

const deps: StakeholdersConfigDeps = {
  ...bridgeHost,
  getGrid,
  saveGrid,
  names: (ids) => fetchNames(jiraAsViewer, ids),
  request: jiraAsViewer,
  newId: () => `sh-${crypto.randomUUID().slice(0, 8)}`,
};

mountApp(<StakeholdersConfig deps={deps} />);
