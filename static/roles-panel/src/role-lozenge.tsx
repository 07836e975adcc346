import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import type { Role } from '../../../src/shared/roles';
import { ROLE_LABELS } from './role-labels';

/** One role as a lozenge: the letter, with the full word for screen readers and on hover/focus. */
export function RoleLozenge({ role }: { role: Role }) {
  const label = ROLE_LABELS[role];
  return (
    <Tooltip content={`${label.name}: ${label.meaning}`}>
      {(triggerProps) => (
        <span {...triggerProps} tabIndex={0} aria-label={label.name} data-role={role}>
          <Lozenge
            appearance={label.weight === 'subtle' ? 'default' : 'inprogress'}
            isBold={label.weight !== 'subtle'}
          >
            {label.weight === 'bold' ? <strong>{label.letter}</strong> : label.letter}
          </Lozenge>
        </span>
      )}
    </Tooltip>
  );
}
