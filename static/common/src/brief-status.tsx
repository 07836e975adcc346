import Lozenge from '@atlaskit/lozenge';
import type { BriefSummary } from '../../../src/shared/brief';

type Status = BriefSummary['status'];

export const BRIEF_STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

const APPEARANCE = { draft: 'default', 'in-review': 'inprogress', approved: 'success' } as const;

export function BriefStatusLozenge({ status }: { status: Status }) {
  return (
    <Lozenge appearance={APPEARANCE[status]} testId="brief-status">
      {BRIEF_STATUS_LABELS[status]}
    </Lozenge>
  );
}
