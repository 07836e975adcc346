import type { Envelope } from './envelope';
import type { GetRolesPayload, RolesView } from './roles';
import type { BriefSummary, GetBriefPayload, SaveBriefPayload } from './brief';

/** Every resolver key with its payload and result: the static apps' `invoke` is typed by this map. */
export interface ResolverContract {
  'roles/get': { payload: GetRolesPayload; result: RolesView };
  'brief/get': { payload: GetBriefPayload; result: BriefSummary };
  'brief/save': { payload: SaveBriefPayload; result: BriefSummary };
}

export type ResolverKey = keyof ResolverContract;
export type ResolverResult<K extends ResolverKey> = Envelope<ResolverContract[K]['result']>;
