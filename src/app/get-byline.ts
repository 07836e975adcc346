import type { BylineView } from '../shared/progress';
import { statusFor, visibleBriefs, type ProgressDeps } from './get-overview';

/**
 * The page byline: the status of the brief on the current page, as the viewer sees it. The brief is found by
 * its page among the briefs the viewer may see (the `by-updated` index, no extra index); none: null.
 */
export async function getByline(deps: ProgressDeps, input: { pageId: string }): Promise<BylineView> {
  const { briefs } = await visibleBriefs(deps);
  for (const brief of briefs.filter((b) => b.pageId === input.pageId)) {
    const status = await statusFor(deps, brief);
    if (status) return { status };
  }
  return { status: null };
}
