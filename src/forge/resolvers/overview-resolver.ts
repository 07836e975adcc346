import { z } from 'zod';
import { listBriefs } from '../../app/list-briefs';
import { asUserPageDirectory, briefsByUpdated } from '../composition-root';
import { buildResolver } from '../resolver-kit';

/** The Jira global page (`accord-overview`): the briefs the caller may see, newest first. */
export const overviewResolver = buildResolver({
  'overview/briefs': {
    payload: z.object({}).strict(),
    run: () => listBriefs({ briefs: briefsByUpdated(), pages: asUserPageDirectory() }),
  },
});
