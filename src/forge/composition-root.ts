import api, { route } from '@forge/api';
import { createJiraIssueTracker, type RouteBuilder } from '../adapters/jira-issue-tracker';
import { createConfluenceWiki } from '../adapters/confluence-wiki';
import { createEntityDocumentStore, createKvsRecordStore } from '../adapters/kvs-stores';
import { ENTITY, storageKeys } from '../adapters/storage-keys';
import { platformClock, randomIds } from '../adapters/clock';
import type { Brief } from '../domain/brief/brief';
import type { StatusChange } from '../app/record-status-change';
import type { BlockedSweep } from '../app/sweep-blocked-issues';

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
