/** Escalation contract between the static apps (Escalation Path macro, Roles panel, admin page) and resolvers. Type-only. */
import type { BusinessCalendar, EscalationPath, PathDescription } from '../domain/escalation';

export type { BusinessCalendar, EscalationPath, PathDescription };

/** The path document as a PM writes it: everything but the id, which the app assigns. */
export type EscalationPathDocument = Omit<EscalationPath, 'id'>;

/** What an Escalation Path macro's config stores: only the id. */
export interface EscalationMacroConfig {
  pathId: string;
}

/** One stored path with its document rendered as plain language. */
export interface EscalationPathView {
  pathId: string;
  path: EscalationPath;
  description: PathDescription;
  /** False while the PM keeps it as a draft: the engine runs only enabled paths. */
  enabled: boolean;
  pageId: string | null;
  ownerAccountId: string;
  revision: number;
  updatedAt: string;
  /** True when the caller may save (edit permission on the page, or Jira admin for the site default). */
  canEdit: boolean;
}

/** `escalation/path-get`. */
export interface GetPathPayload {
  pathId: string;
}

/** `escalation/path-save`: create (no pathId, revision 0) or update (pathId and the revision it was based on). */
export interface SavePathPayload {
  pathId?: string;
  revision: number;
  enabled: boolean;
  path: EscalationPathDocument;
}

/** A person a level resolves to; `accountId` is absent for a group or an unresolved role. */
export interface ResolvedTarget {
  accountId?: string;
  group?: string;
  /**
   * Who this is, in words the server knows without reading people: "the issue's Accountable", "the group
   * directors", "a named person". The screens put the display name (read in the browser as the viewer with
   * `user/bulk`) before it: "Erik Lindqvist (the issue's Accountable)".
   */
  label: string;
}

/** `escalation/dry-run`: what the path would do now, without acting. */
export interface DryRunPayload {
  pathId: string;
}

export interface DryRunIssue {
  issueKey: string;
  summary: string;
  /** The level that would fire now (the highest due and not fired), 1-based. */
  level: number;
  levelName: string;
  dueAt: string;
  targets: ResolvedTarget[];
  actions: string[];
  /** Why the issue meets the path, as sentences. */
  reasons: string[];
}

export interface DryRunResult {
  pathId: string;
  now: string;
  /** The server-side JQL that selected the candidates (open it in Jira search). */
  candidateJql: string;
  candidates: number;
  issues: DryRunIssue[];
  truncated: boolean;
}

/** One step of the audit log. */
export interface EscalationAuditEntry {
  at: string;
  issueKey: string;
  pathId: string;
  pathName: string;
  episodeId: string;
  kind: 'episode-started' | 'level-fired' | 'level-failed' | 'episode-ended' | 'acknowledged';
  level?: number;
  targets?: ResolvedTarget[];
  /** Each action with its result: `ok`, or the failure sentence. */
  actions?: Array<{ action: string; ok: boolean; detail?: string }>;
  /** Why an episode ended (conditions-cleared, resolved, acknowledged, path-removed, deleted). */
  reason?: string;
  /** Who acknowledged, for `acknowledged`. */
  accountId?: string;
}

export interface IssueEpisodeView {
  pathId: string;
  pathName: string;
  episodeId: string;
  startedAt: string;
  /** Highest fired level, 0 before level 1 fires. */
  currentLevel: number;
  levels: Array<{ level: number; name: string; dueAt: string | null; firedAt: string | null }>;
  acknowledgedBy: string | null;
  endedAt: string | null;
  endReason: string | null;
  /** True when the caller is among the current level's targets and the episode is open. */
  canAcknowledge: boolean;
}

/** `escalation/issue`: the issue's escalation state and history, for the Roles panel. */
export interface IssueEscalationsPayload {
  issueKey: string;
}

export interface IssueEscalations {
  issueKey: string;
  episodes: IssueEpisodeView[];
  history: EscalationAuditEntry[];
}

/** `escalation/acknowledge`: the current level's target says "I have this"; the ladder stops. */
export interface AcknowledgePayload {
  issueKey: string;
  pathId: string;
  episodeId: string;
}

/** `escalation/audit`: the site's audit log, newest first, for the admin page. */
export interface AuditPayload {
  cursor?: string;
  issueKey?: string;
}

export interface AuditPage {
  entries: EscalationAuditEntry[];
  cursor: string | null;
}

/** `escalation/paths`: every stored path (enabled or not), for the admin page. */
export interface PathList {
  paths: Array<
    Pick<EscalationPathView, 'pathId' | 'enabled' | 'pageId' | 'ownerAccountId' | 'updatedAt'> & {
      name: string;
      pageUrl: string | null;
    }
  >;
}

/** Site defaults on the admin page: the calendar new paths start from, and an optional site-wide path. */
export interface EscalationDefaults {
  calendar: BusinessCalendar;
  /** The site-wide default path's id (stored like any path, with no page), when the admin made one. */
  sitePathId: string | null;
  revision: number;
}

export interface SaveDefaultsPayload {
  calendar: BusinessCalendar;
  revision: number;
}
