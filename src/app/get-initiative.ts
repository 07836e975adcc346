import type { InitiativeDetail, InitiativeStatus } from '../shared/progress';
import { trendOf } from './initiative-trend';
import { AppError } from './errors';
import { statusFor, visibleBriefs, type ProgressDeps } from './get-overview';
import type { SnapshotStore } from './ports';

/** The status of one initiative the viewer may see; NOT_FOUND when it does not exist or is hidden from them. */
export async function visibleStatus(deps: ProgressDeps, briefId: string): Promise<InitiativeStatus> {
  const { briefs } = await visibleBriefs(deps);
  const brief = briefs.find((b) => b.id === briefId);
  const status = brief ? await statusFor(deps, brief) : null;
  if (!status) {
    throw new AppError(
      'NOT_FOUND',
      'This initiative does not exist or you cannot see its work. Pick another one, or ask its owner for access.',
    );
  }
  return status;
}

/** One initiative with its daily trend; the trend is only given for initiatives the viewer may see. */
export async function getInitiative(
  deps: ProgressDeps & { snapshots: SnapshotStore },
  input: { briefId: string },
): Promise<InitiativeDetail> {
  const status = await visibleStatus(deps, input.briefId);
  return { status, history: await trendOf(deps.snapshots, input.briefId) };
}
