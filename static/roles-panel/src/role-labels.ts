/** Words for each role: the lozenge letter, the full name and what the role means. */
import type { Role } from '../../../src/shared/roles';

export interface RoleLabel {
  letter: string;
  name: string;
  meaning: string;
  /** Accountable/Approver stand out (bold); R/D are filled; C and I stay subtle. */
  weight: 'bold' | 'filled' | 'subtle';
}

export const ROLE_LABELS: Record<Role, RoleLabel> = {
  accountable: {
    letter: 'A',
    name: 'Accountable',
    meaning: 'Owns the outcome and signs it off.',
    weight: 'bold',
  },
  responsible: { letter: 'R', name: 'Responsible', meaning: 'Does the work.', weight: 'filled' },
  consulted: {
    letter: 'C',
    name: 'Consulted',
    meaning: 'Gives input before the work is done.',
    weight: 'subtle',
  },
  informed: {
    letter: 'I',
    name: 'Informed',
    meaning: 'Is told about progress and results.',
    weight: 'subtle',
  },
  driver: { letter: 'D', name: 'Driver', meaning: 'Drives the decision to a conclusion.', weight: 'filled' },
  approver: { letter: 'A', name: 'Approver', meaning: 'Makes the decision.', weight: 'bold' },
  contributor: {
    letter: 'C',
    name: 'Contributor',
    meaning: 'Gives input to the decision.',
    weight: 'subtle',
  },
};

/** Role order inside a row and for sorting rows: the one who answers for the work first. */
export const ROLE_ORDER: readonly Role[] = [
  'accountable',
  'approver',
  'responsible',
  'driver',
  'consulted',
  'contributor',
  'informed',
];
