// Every handler manifest.yml names, one line each (test/wiring.test.ts keeps the two in step).
export { rolesResolver } from './forge/resolvers/roles-resolver';
export { macroResolver } from './forge/resolvers/macro-resolver';
export { briefExport } from './forge/resolvers/brief-export';
export { raciMatrixExport } from './forge/resolvers/raci-export';
export { projectResolver } from './forge/resolvers/project-resolver';
export { overviewResolver } from './forge/resolvers/overview-resolver';
export { adminResolver } from './forge/resolvers/admin-resolver';
export { onIssueUpdated } from './forge/triggers/issue-updated';
export { runBlockedSweep } from './forge/scheduled/blocked-sweep';
export { applyRolesInBulk } from './forge/consumers/bulk-apply';
export { takeProgressSnapshots } from './forge/scheduled/progress-snapshot';
export { statusReportExport } from './forge/resolvers/status-report-export';
export { runEscalationSweep } from './forge/scheduled/escalation-sweep';
export { continueEscalationSweep } from './forge/consumers/escalation-sweep';
export { escalationPathExport } from './forge/resolvers/escalation-path-export';
export { decisionExport, stakeholderExport } from './forge/resolvers/decision-export';
export { decisionLogExport } from './forge/resolvers/decision-log-export';
