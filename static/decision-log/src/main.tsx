import { requestJira, router, view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { downloadCsv } from '../../common/src/download';
import { fetchPeople } from '../../common/src/user-picker-people';
import { listDecisionLog } from './api';
import { DecisionLogMacro, type DecisionLogDeps } from './decision-log-macro';

const deps: DecisionLogDeps = {
  getContext: () => view.getContext(),
  list: listDecisionLog,
  names: async (ids) => {
    const people = await fetchPeople((path, init) => requestJira(path, init), ids);
    return new Map([...people].map(([id, p]) => [id, p.displayName]));
  },
  openPage: (pageId) => void router.navigate({ target: 'contentView', contentId: pageId }),
  now: () => new Date().toISOString(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  download: downloadCsv,
};

mountApp(<DecisionLogMacro deps={deps} />);
