import type { Envelope } from './envelope';
import type {
  AskPayload,
  GetRolesPayload,
  RespondPayload,
  RevisionedIssuePayload,
  RolesHistory,
  RolesView,
  SetRolesPayload,
  TellPayload,
} from './roles';
import type { BriefDetail, GetBriefPayload, SaveBriefPayload } from './brief';
import type {
  GetRaciPayload,
  ImportRaciPayload,
  ImportRaciResult,
  RaciMatrixView,
  RaciRowView,
  SaveRaciPayload,
  SetRaciRowPayload,
} from './raci';
import type {
  BulkApplyPayload,
  BulkJob,
  ImportCsvPayload,
  ImportCsvResult,
  MatrixPage,
  MatrixPayload,
} from './matrix';
import type { BriefList, SaveSettingsPayload, SettingsView } from './settings';
import type {
  BylineView,
  InitiativeDetail,
  Overview,
  SaveStatusReportPayload,
  StatusReportView,
} from './progress';
import type {
  AcknowledgePayload,
  AuditPage,
  AuditPayload,
  DryRunPayload,
  DryRunResult,
  EscalationDefaults,
  EscalationPathView,
  GetPathPayload,
  IssueEscalations,
  IssueEscalationsPayload,
  PathList,
  SaveDefaultsPayload,
  SavePathPayload,
} from './escalation';
import type {
  ActOnDecisionPayload,
  DecisionLog,
  DecisionLogPayload,
  DecisionView,
  GetDecisionPayload,
  SaveDecisionPayload,
} from './decision';
import type {
  GetStakeholderGridPayload,
  SaveStakeholderGridPayload,
  StakeholderGridView,
} from './stakeholders';

/** Every resolver key with its payload and result: the static apps' `invoke` is typed by this map. */
export interface ResolverContract {
  'roles/get': { payload: GetRolesPayload; result: RolesView };
  'roles/set': { payload: SetRolesPayload; result: RolesView };
  'roles/override': { payload: RevisionedIssuePayload; result: RolesView };
  'roles/reset': { payload: RevisionedIssuePayload; result: RolesView };
  'roles/history': { payload: GetRolesPayload; result: RolesHistory };
  'roles/ask': { payload: AskPayload; result: { commentId: string } };
  'roles/tell': { payload: TellPayload; result: { notified: number } };
  'roles/respond': { payload: RespondPayload; result: RolesView };
  'matrix/get': { payload: MatrixPayload; result: MatrixPage };
  'matrix/import': { payload: ImportCsvPayload; result: ImportCsvResult };
  'bulk/start': { payload: BulkApplyPayload; result: BulkJob };
  'bulk/status': { payload: { jobId: string }; result: BulkJob };
  'brief/get': { payload: GetBriefPayload; result: BriefDetail };
  'brief/save': { payload: SaveBriefPayload; result: BriefDetail };
  'raci/get': { payload: GetRaciPayload; result: RaciMatrixView };
  'raci/save': { payload: SaveRaciPayload; result: RaciMatrixView };
  'raci/set-row': { payload: SetRaciRowPayload; result: RaciRowView };
  'raci/import': { payload: ImportRaciPayload; result: ImportRaciResult };
  'overview/briefs': { payload: Record<string, never>; result: BriefList };
  'progress/overview': { payload: Record<string, never>; result: Overview };
  'progress/initiative': { payload: { briefId: string }; result: InitiativeDetail };
  'status/get': { payload: { reportId: string }; result: StatusReportView };
  'status/save': { payload: SaveStatusReportPayload; result: StatusReportView };
  'progress/byline': { payload: Record<string, never>; result: BylineView };
  'status/briefs': { payload: Record<string, never>; result: BriefList };
  'settings/get': { payload: Record<string, never>; result: SettingsView };
  'settings/save': { payload: SaveSettingsPayload; result: SettingsView };
  'escalation/path-get': { payload: GetPathPayload; result: EscalationPathView };
  'escalation/path-save': { payload: SavePathPayload; result: EscalationPathView };
  'escalation/dry-run': { payload: DryRunPayload; result: DryRunResult };
  'escalation/issue': { payload: IssueEscalationsPayload; result: IssueEscalations };
  'escalation/acknowledge': { payload: AcknowledgePayload; result: IssueEscalations };
  'escalation/audit': { payload: AuditPayload; result: AuditPage };
  'escalation/paths': { payload: Record<string, never>; result: PathList };
  'escalation/defaults-get': { payload: Record<string, never>; result: EscalationDefaults };
  'escalation/defaults-save': { payload: SaveDefaultsPayload; result: EscalationDefaults };
  'decision/get': { payload: GetDecisionPayload; result: DecisionView };
  'decision/save': { payload: SaveDecisionPayload; result: DecisionView };
  'decision/act': { payload: ActOnDecisionPayload; result: DecisionView };
  'decision/log': { payload: DecisionLogPayload; result: DecisionLog };
  'stakeholders/get': { payload: GetStakeholderGridPayload; result: StakeholderGridView };
  'stakeholders/save': { payload: SaveStakeholderGridPayload; result: StakeholderGridView };
}

export type ResolverKey = keyof ResolverContract;
export type ResolverResult<K extends ResolverKey> = Envelope<ResolverContract[K]['result']>;
