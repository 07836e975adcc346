import api, { route } from '@forge/api';
import { createJiraIssueTracker, type RouteBuilder } from '../adapters/jira-issue-tracker';
import { createConfluenceWiki } from '../adapters/confluence-wiki';
import { createEntityDocumentStore, createKvsRecordStore } from '../adapters/kvs-stores';
import { ENTITY, storageKeys } from '../adapters/storage-keys';
import { platformClock, randomIds } from '../adapters/clock';
import { createConfluencePageDirectory } from '../adapters/confluence-page-directory';
import {
  createJiraCallerProjectPermissions,
  createJiraSiteAdministration,
} from '../adapters/jira-site-administration';
import { createEntityIndexFeed } from '../adapters/kvs-index-feed';
import { createRevisionedRecordStore } from '../adapters/kvs-revisioned-record';
import { BRIEF_BY_UPDATED_INDEX, settingsKeys } from '../adapters/storage-keys';
import type { SettingsValues } from '../domain/settings';
import { createJiraIssueActions } from '../adapters/jira-issue-actions';
import { createKvsRolesAuditLog } from '../adapters/kvs-roles-audit';
import type { SetRolesDeps } from '../app/set-roles';
import { loadSettings } from '../app/load-settings';
import type { Brief } from '../domain/brief/brief';
import type { StatusChange } from '../app/record-status-change';
import type { BlockedSweep } from '../app/sweep-blocked-issues';
import { createJiraBulkReader } from '../adapters/jira-bulk-reader';
import { createKvsBulkJobStore } from '../adapters/kvs-bulk-job-store';
import { createJiraRolesBatch } from '../adapters/jira-roles-batch';
import { BULK_APPLY_QUEUE, createForgeQueue } from '../adapters/forge-queue';
import { setRoles } from '../app/set-roles';
import type { WriteRoles } from '../app/role-writer';
import type { BulkBatchMessage } from '../app/start-bulk-apply';
import {
  createJiraIssueDueDates,
  createJiraIssueKeySearch,
  createJiraProgressCounter,
} from '../adapters/jira-progress-counter';
import { createJiraExpressionRollup } from '../adapters/jira-expression-rollup';
import { createKvsDecisionStore } from '../adapters/kvs-decision-store';
import {
  createKvsEpochStore,
  createKvsExpiringStore,
  createKvsSnapshotStore,
} from '../adapters/kvs-progress-stores';
import { progressKeys, STATUS_REPORT_ENTITY } from '../adapters/storage-keys';
import type { InitiativeRecord } from '../app/ports';
import type { ProgressDeps } from '../app/get-overview';
import type { CachedPages, CachedStatus } from '../app/progress-cache';
import type { StoredStatusReport } from '../app/status-report-record';
import { STATUS_CATEGORY_AGE } from '../domain/progress';

/**
 * The one place adapters are built. Product reads that show something to a person use `asUser()`,
 * so Jira and Confluence apply that person's permissions; `asApp()` is for the app's own work
 * (triggers, the sweep) and never for showing data to someone.
 */
const routeBuilder = route as unknown as RouteBuilder;

export const asUserJira = () => createJiraIssueTracker(api.asUser(), routeBuilder);
export const asAppJira = () => createJiraIssueTracker(api.asApp(), routeBuilder);
export const asUserWiki = () => createConfluenceWiki(api.asUser(), routeBuilder);

export const briefStore = () => createEntityDocumentStore<Brief>(ENTITY.brief, storageKeys.brief);
export const statusChangeStore = () => createKvsRecordStore<StatusChange>(storageKeys.statusChange);
export const blockedSweepStore = () => createKvsRecordStore<BlockedSweep>(() => storageKeys.blockedSweep());

export const clock = platformClock;
export const ids = randomIds;

// Roles. Writes to an issue's roles go through Jira AS THE CALLER, so Jira applies their permissions
// as well as Accord's own EDIT_ISSUES check.
export const asUserJiraActions = () => createJiraIssueActions(api.asUser(), routeBuilder);
export const asAppJiraActions = () => createJiraIssueActions(api.asApp(), routeBuilder);
export const rolesAuditLog = () => createKvsRolesAuditLog(randomIds);
/** The site's Consulted threshold (admin settings), read when a roles call builds its findings: one KVS read. */
export const rolesConsultedThreshold = async (): Promise<number> =>
  (await loadSettings(settingsStore())).consultedThreshold;

/** The deps of `setRoles` (and override/reset): the caller's Jira; tests and jobs may pass their own adapters. */
export const setRolesDeps = (overrides: Partial<SetRolesDeps> = {}): SetRolesDeps => ({
  jira: asUserJira(),
  actions: asUserJiraActions(),
  audit: rolesAuditLog(),
  clock: platformClock,
  consultedThreshold: rolesConsultedThreshold,
  ...overrides,
});

// Overview and admin pages (briefs listing, site settings).
export const asUserPageDirectory = () => createConfluencePageDirectory(api.asUser(), routeBuilder);
export const asUserSiteAdministration = () => createJiraSiteAdministration(api.asUser(), routeBuilder);
export const asUserProjectPermissions = () => createJiraCallerProjectPermissions(api.asUser(), routeBuilder);
export const briefsByUpdated = () =>
  createEntityIndexFeed<Brief>(ENTITY.brief, BRIEF_BY_UPDATED_INDEX, 'DESC');
export const settingsStore = () =>
  createRevisionedRecordStore<SettingsValues>(settingsKeys.settings, settingsKeys.claim);

// Project page (matrix, CSV import, bulk apply). `accountId` is for the bulk consumer, which has no caller:
// it acts as the job's owner (`asUser(accountId)`), so their permissions decide what is written.
export const asUserBulkReader = (accountId?: string) =>
  createJiraBulkReader(api.asUser(accountId), routeBuilder);
export const writeRolesAs =
  (accountId?: string): WriteRoles =>
  (input) =>
    setRoles(
      setRolesDeps(
        accountId
          ? {
              jira: createJiraIssueTracker(api.asUser(accountId), routeBuilder),
              actions: createJiraIssueActions(api.asUser(accountId), routeBuilder),
            }
          : {},
      ),
      input,
    );
export const bulkJobStore = () => createKvsBulkJobStore();
/** Jira for one bulk-apply batch as the job's owner: one search, one bulk permission check, the property PUTs. */
export const rolesBatchJiraAs = (accountId: string) =>
  createJiraRolesBatch(api.asUser(accountId), routeBuilder);
export const bulkApplyQueue = () => createForgeQueue<BulkBatchMessage>(BULK_APPLY_QUEUE);

// Executive view. Every number a person sees is counted by Jira AS THAT PERSON; the daily snapshot counts as
// the app. Initiatives (epics, JQL, baseline) live in `initiative:<briefId>` beside the brief entity, whose
// manifest attributes do not declare them.
export const asUserProgressCounter = () => createJiraProgressCounter(api.asUser(), routeBuilder);
export const asAppProgressCounter = () => createJiraProgressCounter(api.asApp(), routeBuilder);
export const initiativeStore = () => createKvsRecordStore<InitiativeRecord>(progressKeys.initiative);
export const progressEpochs = () => createKvsEpochStore();
export const snapshotStore = () => createKvsSnapshotStore();
export const statusReportStore = () =>
  createEntityDocumentStore<StoredStatusReport>(STATUS_REPORT_ENTITY, progressKeys.statusReport);
/** The local emulator's JQL has no `status CHANGED AFTER`; the category age is the documented approximation. */
export const blockedAgeClause = STATUS_CATEGORY_AGE;
/** The executive view's reads for one viewer (`accountId` is the caller; caches are kept per viewer). */
export const progressDeps = (accountId: string): ProgressDeps => ({
  viewer: accountId,
  briefs: briefsByUpdated(),
  pages: asUserPageDirectory(),
  pageCache: createKvsExpiringStore<CachedPages>(progressKeys.pages),
  initiatives: initiativeStore(),
  counter: asUserProgressCounter(),
  rollup: createJiraExpressionRollup(api.asUser(), routeBuilder),
  keySearch: createJiraIssueKeySearch(api.asUser(), routeBuilder),
  dueDates: createJiraIssueDueDates(api.asUser(), routeBuilder),
  keySets: 'auto',
  epochs: progressEpochs(),
  statusCache: createKvsExpiringStore<CachedStatus>(progressKeys.status),
  clock: platformClock,
  blockedAgeClause,
  decisions: createKvsDecisionStore(),
});
