/**
 * Every KVS key and entity name Accord uses is built here, from validated ids only.
 * Forge KVS keys must match /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ and be at most 500 characters.
 */
const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;

function part(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`"${id}" cannot be part of a storage key.`);
  return id;
}

export const ENTITY = {
  brief: 'brief',
  rolesAudit: 'roles-audit',
} as const;

export const storageKeys = {
  brief: (briefId: string) => part(briefId),
  statusChange: (issueId: string) => `status-change:${part(issueId)}`,
  blockedSweep: () => 'blocked-sweep:last',
  /** One roles audit line: the issue key and a generated id, so lines never overwrite each other. */
  rolesAudit: (issueKey: string, entryId: string) => `${part(issueKey)}:${part(entryId)}`,
};

/** Bulk-apply jobs and their batch results (entity `bulk-job`). */
export const BULK_JOB_ENTITY = 'bulk-job';
export const bulkJobKeys = {
  job: (jobId: string) => `job.${part(jobId)}`,
  batch: (jobId: string, index: number) => `job.${part(jobId)}.b${String(index).padStart(4, '0')}`,
};

/** The brief entity's index of every brief by `updatedAt` (manifest `app.storage.entities`). */
export const BRIEF_BY_UPDATED_INDEX = 'by-updated';

/** Accord's site settings: one key, and a short-lived claim per revision so two saves cannot both win. */
export const settingsKeys = {
  settings: (id: string) => `settings:${part(id)}`,
  claim: (id: string, revision: number) => `settings-claim:${part(id)}:${String(Math.trunc(revision))}`,
};

/** Executive view: initiatives beside briefs, per-viewer caches, per-project change epochs, the trend, reports. */
export const PROGRESS_SNAPSHOT_ENTITY = 'progress-snapshot';
export const PROGRESS_SNAPSHOT_BY_BRIEF_INDEX = 'by-brief';
export const STATUS_REPORT_ENTITY = 'status-report';
/** Account ids hold ':' (e.g. `712020:…`), which a key part may not: each other character becomes `_hex`. */
const viewerPart = (accountId: string) =>
  part(accountId.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`));
export const progressKeys = {
  initiative: (briefId: string) => `initiative:${part(briefId)}`,
  epoch: (project: string) => `progress-epoch:${project === '*' ? 'any' : part(project)}`,
  /** `viewer|briefId`, as the use case names a cache entry. */
  status: (cacheKey: string) => {
    const at = cacheKey.lastIndexOf('|');
    return `progress-status:${viewerPart(cacheKey.slice(0, at))}:${part(cacheKey.slice(at + 1))}`;
  },
  pages: (viewer: string) => `progress-pages:${viewerPart(viewer)}`,
  snapshot: (briefId: string, date: string) => `${part(briefId)}.${part(date)}`,
  statusReport: (reportId: string) => part(reportId),
};

/** Escalation engine: episodes per issue and path, per-level firing claims, audit lines (entities in manifest.yml). */
export const ESCALATION_EPISODE_ENTITY = 'escalation-episode';
export const ESCALATION_AUDIT_ENTITY = 'escalation-audit';
export const escalationKeys = {
  episode: (issueKey: string, pathId: string) => `${part(issueKey)}.${part(pathId)}`,
  claim: (issueKey: string, pathId: string, episodeId: string, level: number) =>
    `esc-claim:${part(issueKey)}:${part(pathId)}:${part(episodeId)}:L${String(Math.trunc(level))}`,
  audit: (issueKey: string, entryId: string) => `${part(issueKey)}.${part(entryId)}`,
};
