import { view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { fetchPeople } from '../../common/src/user-picker-people';
import { actOnDecision, getDecision, jiraAsViewer } from './api';
import { DecisionMacro, type DecisionMacroDeps } from './decision-macro';

const deps: DecisionMacroDeps = {
  getContext: () => view.getContext(),
  getDecision,
  act: ({ decisionId, action, text, optionId }) =>
    actOnDecision({ decisionId, action, text, ...(optionId !== undefined ? { optionId } : {}) }),
  names: async (ids) => {
    const people = await fetchPeople(jiraAsViewer, ids);
    return new Map([...people].map(([id, p]) => [id, p.displayName]));
  },
  now: () => new Date(),
};

mountApp(<DecisionMacro deps={deps} />);
