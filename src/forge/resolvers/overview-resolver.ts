import { z } from 'zod';
import { listBriefs } from '../../app/list-briefs';
import { getOverview } from '../../app/get-overview';
import { getInitiative } from '../../app/get-initiative';
import { asUserPageDirectory, briefsByUpdated, progressDeps, snapshotStore } from '../composition-root';
import { buildResolver } from '../resolver-kit';

const BRIEF_ID = z.string().regex(/^brief-[A-Za-z0-9-]{1,80}$/, 'a brief id such as brief-3f2a…');

/** The Jira global page (`accord-overview`) and the initiative gadget: briefs and initiatives the caller may see. */
export const overviewResolver = buildResolver({
  'overview/briefs': {
    payload: z.object({}).strict(),
    run: () => listBriefs({ briefs: briefsByUpdated(), pages: asUserPageDirectory() }),
  },
  'progress/overview': {
    payload: z.object({}).strict(),
    run: (_payload, ctx) => getOverview({ ...progressDeps(ctx.accountId ?? ''), snapshots: snapshotStore() }),
  },
  'progress/initiative': {
    payload: z.object({ briefId: BRIEF_ID }).strict(),
    run: (payload, ctx) =>
      getInitiative({ ...progressDeps(ctx.accountId ?? ''), snapshots: snapshotStore() }, payload),
  },
});
