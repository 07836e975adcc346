// Every handler manifest.yml names, one line each (test/wiring.test.ts keeps the two in step).
export { rolesResolver } from './forge/resolvers/roles-resolver';
export { macroResolver } from './forge/resolvers/macro-resolver';
export { briefExport } from './forge/resolvers/brief-export';
export { onIssueUpdated } from './forge/triggers/issue-updated';
export { runBlockedSweep } from './forge/scheduled/blocked-sweep';
