import { requestJira, view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { downloadCsv } from '../../common/src/download';
import { fetchPeople } from '../../common/src/user-picker-people';
import { getGrid, saveGrid } from './api';
import { StakeholdersMacro, type StakeholdersDeps } from './stakeholders-macro';

const deps: StakeholdersDeps = {
  getContext: () => view.getContext(),
  getGrid,
  saveGrid,
  names: async (ids) => {
    const people = await fetchPeople((path, init) => requestJira(path, init), ids);
    return new Map([...people].map(([id, p]) => [id, p.displayName]));
  },
  download: downloadCsv,
};

mountApp(<StakeholdersMacro deps={deps} />);
