/** Roles contract between the static apps and the resolvers. Type-only. */
export type Framework = 'RACI' | 'DACI';
export type RaciRole = 'responsible' | 'accountable' | 'consulted' | 'informed';
export type DaciRole = 'driver' | 'approver' | 'contributor' | 'informed';
export type Role = RaciRole | DaciRole;

export interface Assignment {
  accountId: string;
  role: Role;
}

export interface Finding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export interface RolesView {
  issueKey: string;
  framework: Framework;
  assignments: Assignment[];
  source: 'issue' | 'inherited' | 'none';
  inheritedFrom?: string;
  findings: Finding[];
  /** The revision a later `roles/set` must be based on; 0 when the issue has no roles of its own. */
  revision: number;
}

export interface GetRolesPayload {
  issueKey: string;
}
