/** Composition of the escalation engine: Jira as the app for triggers and the sweep, as the caller for people. */
import api, { route } from '@forge/api';
import { createJiraEscalationActions } from '../adapters/jira-escalation-actions';
import { createJiraEscalationReader } from '../adapters/jira-escalation-reader';
import type { RouteBuilder } from '../adapters/jira-issue-tracker';
import { createKvsEscalationAudit } from '../adapters/kvs-escalation-audit';
import { createKvsEpisodeStore } from '../adapters/kvs-escalation-episodes';
import { createForgeQueue } from '../adapters/forge-queue';
import type { BriefOwners } from '../app/escalation/engine-ports';
import type { PersonEscalationDeps } from '../app/escalation/get-issue-escalations';
import type { EventDeps } from '../app/escalation/handle-issue-event';
import type { SweepDeps, SweepMessage } from '../app/escalation/sweep-escalations';
import type { DryRunDeps } from '../app/escalation/dry-run-path';
import { escalationPathStore } from './compose-escalation-paths';
import {
  asUserJiraActions,
  asUserSiteAdministration,
  asUserWiki,
  briefStore,
  clock,
  ids,
  progressEpochs,
} from './composition-root';

const routeBuilder = route as unknown as RouteBuilder;

/** The queue of the manifest's `consumer` module that continues a large sweep. */
export const ESCALATION_SWEEP_QUEUE = 'accord-escalation-sweep';

const briefOwners = (): BriefOwners => ({
  async ownerOf(briefId) {
    return (await briefStore().get(briefId))?.value.ownerAccountId;
  },
});

const engineDeps = () => ({
  source: createJiraEscalationReader(api.asApp(), routeBuilder),
  jira: createJiraEscalationActions(api.asApp(), routeBuilder),
  episodes: createKvsEpisodeStore(),
  audit: createKvsEscalationAudit(ids),
  briefs: briefOwners(),
  clock,
  epochs: progressEpochs(),
});

export const escalationEventDeps = (): EventDeps => ({ ...engineDeps(), paths: escalationPathStore() });

export const escalationSweepDeps = (): SweepDeps => ({
  ...engineDeps(),
  paths: escalationPathStore(),
  queue: createForgeQueue<SweepMessage>(ESCALATION_SWEEP_QUEUE),
});

/** The Roles panel's escalation calls: the permission check as the caller, the engine's reads as the app. */
export const escalationPersonDeps = (): PersonEscalationDeps => ({
  ...engineDeps(),
  paths: escalationPathStore(),
  userActions: asUserJiraActions(),
});

/** The dry run searches AS THE CALLER; only group members are read as the app. */
export const escalationDryRunDeps = (): DryRunDeps => ({
  paths: escalationPathStore(),
  userSource: createJiraEscalationReader(api.asUser(), routeBuilder),
  jira: createJiraEscalationActions(api.asApp(), routeBuilder),
  episodes: createKvsEpisodeStore(),
  briefs: briefOwners(),
  wiki: asUserWiki(),
  admin: asUserSiteAdministration(),
  clock,
});

export const escalationAuditDeps = () => ({
  audit: createKvsEscalationAudit(ids),
  admin: asUserSiteAdministration(),
});
