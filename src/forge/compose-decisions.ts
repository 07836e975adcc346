import api, { route } from '@forge/api';
import { createJiraDecisionLinks } from '../adapters/jira-issue-links-property';
import { createKvsDecisionStore } from '../adapters/kvs-decision-store';
import { createKvsStakeholderStore } from '../adapters/kvs-stakeholder-store';
import type { RouteBuilder } from '../adapters/jira-issue-tracker';
import { asUserJiraActions, asUserPageDirectory, asUserWiki, clock, ids } from './composition-root';

/**
 * Adapters of the Decision, Decision log and Stakeholder grid macros. Page access and EDIT_ISSUES are always
 * checked as the caller; the `accord-decisions` issue property is written as the app, because it mirrors
 * Accord's own record: the caller's right to link each issue was checked when the link was made, and an
 * Approver who only views the issue must still be able to move the decision to "decided".
 */
const routeBuilder = route as unknown as RouteBuilder;

export const decisionStore = () => createKvsDecisionStore();
export const stakeholderStore = () => createKvsStakeholderStore();
export const asAppDecisionLinks = () => createJiraDecisionLinks(api.asApp(), routeBuilder);

export const saveDecisionDeps = () => ({
  decisions: decisionStore(),
  wiki: asUserWiki(),
  actions: asUserJiraActions(),
  links: asAppDecisionLinks(),
  clock,
  ids,
});
export const actOnDecisionDeps = () => ({
  decisions: decisionStore(),
  wiki: asUserWiki(),
  links: asAppDecisionLinks(),
  clock,
});
export const decisionLogDeps = () => ({ decisions: decisionStore(), pages: asUserPageDirectory(), clock });
export const stakeholderDeps = () => ({ grids: stakeholderStore(), wiki: asUserWiki(), clock, ids });
