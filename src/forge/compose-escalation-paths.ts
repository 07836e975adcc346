/** Composition of the Escalation Path macro's storage and use-case deps (shared singletons from composition-root). */
import { createKvsEscalationPathStore, escalationDefaultsKeys } from '../adapters/kvs-escalation-paths';
import { createRevisionedRecordStore } from '../adapters/kvs-revisioned-record';
import type { EscalationDefaultsRecord } from '../app/escalation-ports';
import { asUserPageDirectory, asUserSiteAdministration, asUserWiki, clock, ids } from './composition-root';

/** Entity `escalation-path`: the engine reads enabled paths from it, the macro and admin page write it. */
export const escalationPathStore = () => createKvsEscalationPathStore();
/** The admin page's escalation defaults (site calendar, site default path id). */
export const escalationDefaultsStore = () =>
  createRevisionedRecordStore<EscalationDefaultsRecord>(
    escalationDefaultsKeys.record,
    escalationDefaultsKeys.claim,
  );

export const pathReadDeps = () => ({ paths: escalationPathStore(), wiki: asUserWiki() });
export const pathWriteDeps = () => ({ paths: escalationPathStore(), clock, ids });
export const pathAdminDeps = () => ({
  paths: escalationPathStore(),
  admin: asUserSiteAdministration(),
  pages: asUserPageDirectory(),
});
export const defaultsDeps = () => ({
  defaults: escalationDefaultsStore(),
  admin: asUserSiteAdministration(),
});
export { asUserWiki };
