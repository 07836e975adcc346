/** The pure rules of RACI / DACI roles: validation, findings, the stored property, inheritance, history, CSV. */
export type { Assignment, DaciRole, Finding, Framework, RaciRole, Role } from '../../shared/roles';
export * from './account-id';
export * from './assignment-diff';
export * from './csv-text';
export * from './default-framework';
export * from './effective-roles';
export * from './findings';
export * from './hard-rules';
export * from './people-names';
export * from './raci-csv';
export * from './revision';
export * from './role-catalog';
export * from './roles-property';
