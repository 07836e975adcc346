/** Composition for the Project Brief and RACI matrix macros: adapters built from the shared singletons. */
import api, { route } from '@forge/api';
import type { RouteBuilder } from '../adapters/jira-issue-tracker';
import { createJiraRaciRows } from '../adapters/jira-raci-rows';
import { decisionStore, stakeholderStore } from './compose-decisions';
import { escalationPathStore } from './compose-escalation-paths';
import {
  asUserJiraActions,
  asUserPageDirectory,
  asUserWiki,
  briefStore,
  clock,
  ids,
  initiativeStore,
  setRolesDeps,
} from './composition-root';
import type { BriefReadDeps } from '../app/get-brief';
import type { SaveBriefDeps } from '../app/save-brief';
import type { RaciMatrixDeps } from '../app/raci-matrix/raci-ports';
import { createEntityDocumentStore } from '../adapters/kvs-stores';
import { RACI_MATRIX_ENTITY, raciMatrixKey } from '../adapters/kvs-raci-keys';
import type { StoredRaciMatrix } from '../app/raci-matrix/raci-ports';

/** `brief/get`: the page checked as the caller, the brief and its initiative record from KVS. */
export const briefReadDeps = (): BriefReadDeps => ({
  briefs: briefStore(),
  wiki: asUserWiki(),
  initiatives: initiativeStore(),
});

/** `brief/get` also names the linked grid, matrix, decisions and path (pages checked as the caller). */
export const briefReadWithNamesDeps = (): BriefReadDeps => ({
  ...briefReadDeps(),
  references: {
    grids: stakeholderStore(),
    matrices: raciMatrixStore(),
    decisions: decisionStore(),
    paths: escalationPathStore(),
    pages: asUserPageDirectory(),
  },
});

/** `brief/save`: as above, plus the caller's Jira for the linked epics' `accord-brief` property. */
export const briefSaveDeps = (): SaveBriefDeps => ({
  ...briefReadDeps(),
  clock,
  ids,
  actions: asUserJiraActions(),
});

export const raciMatrixStore = () =>
  createEntityDocumentStore<StoredRaciMatrix>(RACI_MATRIX_ENTITY, raciMatrixKey);

/** The RACI matrix: issue rows go through the Roles panel's own use cases, as the caller. */
export const raciMatrixDeps = (): RaciMatrixDeps => ({
  matrices: raciMatrixStore(),
  briefs: briefStore(),
  wiki: asUserWiki(),
  roles: setRolesDeps(),
  issueRows: createJiraRaciRows(api.asUser(), route as unknown as RouteBuilder),
  clock,
  ids,
});
