import { describePath } from '../../domain/escalation';
import type { EscalationPathView } from '../../shared/escalation';
import type { StoredPath } from '../escalation-ports';
import type { Versioned } from '../ports';
import { AppError } from '../errors';

/** A stored path as the macro and the admin page show it (names of people are resolved by the browser). */
export function toPathView(
  pathId: string,
  { value, revision }: Versioned<StoredPath>,
  canEdit: boolean,
): EscalationPathView {
  return {
    pathId,
    path: value.path,
    description: describePath(value.path),
    enabled: value.enabled,
    pageId: value.pageId,
    ownerAccountId: value.ownerAccountId,
    revision,
    updatedAt: value.updatedAt,
    canEdit,
  };
}

export const pathNotOnPage = () =>
  new AppError(
    'NOT_FOUND',
    'This escalation path does not exist on this page. Edit the macro to write a new path here.',
  );

export const siteDefaultPathMissing = () =>
  new AppError(
    'NOT_FOUND',
    'This is not the site default escalation path. Reload the admin page to see the current one.',
  );

export const pathConflict = (currentRevision: number | null) =>
  new AppError(
    'CONFLICT',
    'Someone saved this escalation path while you were editing. Reload to see their version, then make your change again.',
    { currentRevision },
  );
