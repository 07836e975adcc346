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
import type { BriefSummary, GetBriefPayload, SaveBriefPayload } from './brief';
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
  'brief/get': { payload: GetBriefPayload; result: BriefSummary };
  'brief/save': { payload: SaveBriefPayload; result: BriefSummary };
  'overview/briefs': { payload: Record<string, never>; result: BriefList };
  'progress/overview': { payload: Record<string, never>; result: Overview };
  'progress/initiative': { payload: { briefId: string }; result: InitiativeDetail };
  'status/get': { payload: { reportId: string }; result: StatusReportView };
  'status/save': { payload: SaveStatusReportPayload; result: StatusReportView };
  'progress/byline': { payload: Record<string, never>; result: BylineView };
  'status/briefs': { payload: Record<string, never>; result: BriefList };
  'settings/get': { payload: Record<string, never>; result: SettingsView };
  'settings/save': { payload: SaveSettingsPayload; result: SettingsView };
}

export type ResolverKey = keyof ResolverContract;
export type ResolverResult<K extends ResolverKey> = Envelope<ResolverContract[K]['result']>;
