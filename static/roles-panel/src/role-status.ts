/** The Status column: has a Consulted person signed off, has an Informed person acknowledged? */
import type { Role, RoleResponse } from '../../../src/shared/roles';
import { relativeTime } from '../../common/src/relative-time';

export interface RoleStatus {
  text: string;
  done: boolean;
}

const latest = (responses: readonly RoleResponse[], accountId: string, kind: RoleResponse['kind']) =>
  responses
    .filter((r) => r.accountId === accountId && r.kind === kind)
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0];

/** What the person's roles are waiting for, or what they have done; undefined when nothing applies. */
export function roleStatus(
  roles: readonly Role[],
  accountId: string,
  responses: readonly RoleResponse[],
  now: Date,
): RoleStatus | undefined {
  if (roles.includes('consulted') || roles.includes('contributor')) {
    const signOff = latest(responses, accountId, 'sign-off');
    return signOff
      ? { text: `signed off ${relativeTime(signOff.at, now)} ✓`, done: true }
      : { text: 'waiting', done: false };
  }
  if (roles.includes('informed')) {
    const ack = latest(responses, accountId, 'acknowledge');
    return ack ? { text: 'acknowledged ✓', done: true } : { text: 'not acknowledged yet', done: false };
  }
  return undefined;
}
