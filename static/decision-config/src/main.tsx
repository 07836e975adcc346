import { mountApp } from '../../common/src/mount';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { fetchNames } from '../../common/src/user-picker-people';
import { getDecision, jiraAsViewer, saveDecision } from './api';
import { DecisionConfig, type DecisionConfigDeps } from './decision-config';

const deps: DecisionConfigDeps = {
  ...bridgeHost,
  getDecision,
  save: saveDecision,
  names: (ids) => fetchNames(jiraAsViewer, ids),
  request: jiraAsViewer,
};

mountApp(<DecisionConfig deps={deps} />);
