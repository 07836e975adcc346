import type { EscalationPathDocument } from '../../src/shared/escalation';
import type { EscalationPathStore, StoredPath } from '../../src/app/escalation-ports';
import {
  RevisionConflict,
  type CallerProjectPermissions,
  type PageDirectory,
  type SiteAdministration,
  type Versioned,
} from '../../src/app/ports';

/** An in-memory `escalation-path` entity with the port's revision rule, counting writes. */
export function memoryPathStore(): EscalationPathStore & {
  data: Map<string, Versioned<StoredPath>>;
  writes: number;
} {
  const data = new Map<string, Versioned<StoredPath>>();
  const store = {
    data,
    writes: 0,
    async get(id: string) {
      return data.get(id);
    },
    async put(id: string, value: StoredPath, basedOn: number) {
      const current = data.get(id);
      if ((current?.revision ?? 0) !== basedOn) throw new RevisionConflict(current?.revision ?? null);
      store.writes++;
      const next = { value, revision: basedOn + 1 };
      data.set(id, next);
      return next;
    },
    async listEnabled(limit: number) {
      return [...data.values()]
        .filter((v) => v.value.enabled)
        .sort((a, b) => b.value.updatedAt.localeCompare(a.value.updatedAt))
        .slice(0, limit)
        .map((v) => v.value);
    },
    async listAll(limit: number) {
      return [...data.values()]
        .sort((a, b) => b.value.updatedAt.localeCompare(a.value.updatedAt))
        .slice(0, limit);
    },
  };
  return store;
}

export const adminIs = (isAdmin: boolean): SiteAdministration => ({
  callerIsJiraAdmin: async () => isAdmin,
});

/** The caller may edit and comment in `projects` (every permission asked), and nowhere else. */
export const projectRightsIn = (
  projects: readonly string[],
): CallerProjectPermissions & { asked: string[][] } => {
  const asked: string[][] = [];
  return {
    asked,
    async lacking(keys, permissions) {
      asked.push([...keys, ...permissions]);
      return keys.filter((k) => !projects.includes(k));
    },
  };
};

/** Confluence's bulk page lookup: the pages the person may view, with their addresses. */
export const pageDirectoryWith = (viewable: readonly string[]): PageDirectory & { calls: string[][] } => {
  const calls: string[][] = [];
  return {
    batchSize: 250,
    calls,
    async viewablePages(ids) {
      calls.push([...ids]);
      return new Map(
        ids
          .filter((id) => viewable.includes(id))
          .map((id) => [id, { id, title: `Page ${id}`, url: `/wiki/spaces/S/pages/${id}` }]),
      );
    },
  };
};

export const ERIK = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02';
export const PRIYA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e01';

/** The demo's path as a PM writes it: LAUNCH, Blocked, Berlin calendar, two levels. */
export const launchBlockedDocument = (
  over: Partial<EscalationPathDocument> = {},
): EscalationPathDocument => ({
  name: 'Blocked launch work',
  scope: { projects: ['LAUNCH'] },
  match: 'all',
  conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
  calendar: {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    hours: { start: '09:00', end: '17:00' },
    holidays: { country: 'DE', region: 'BE' },
    pausedStatuses: ['Waiting for vendor'],
  },
  levels: [
    {
      name: 'Team lead',
      after: 'P1D',
      targets: [{ kind: 'role', role: 'issue-accountable' }],
      actions: ['comment', 'notify'],
    },
    {
      name: 'Director',
      after: 'P3D',
      targets: [
        { kind: 'person', accountId: ERIK },
        { kind: 'group', name: 'directors' },
      ],
      actions: ['comment', 'add-label'],
      label: 'escalated',
    },
  ],
  ...over,
});
