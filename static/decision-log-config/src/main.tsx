import { mountApp } from '../../common/src/mount';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { listBriefs } from './api';
import { DecisionLogConfig, type DecisionLogConfigDeps } from './decision-log-config';

const deps: DecisionLogConfigDeps = { ...bridgeHost, listBriefs };

mountApp(<DecisionLogConfig deps={deps} />);
