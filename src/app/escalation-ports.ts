/** Ports of the escalation engine and the Escalation Path macro (implemented by KVS adapters in src/adapters). */
import type { EscalationPath } from '../domain/escalation';
import type { BusinessCalendar } from '../domain/escalation';
import type { Versioned } from './ports';

/** One stored Escalation Path: the document plus who owns it and where it is written. */
export interface StoredPath {
  path: EscalationPath;
  /** Only enabled paths run; a PM may keep a draft. */
  enabled: boolean;
  /** The Confluence page whose macro holds the path, or null for the site default path (admin page). */
  pageId: string | null;
  ownerAccountId: string;
  updatedAt: string;
}

/** Entity `escalation-path` (keys built in src/adapters/storage-keys.ts). */
export interface EscalationPathStore {
  get(pathId: string): Promise<Versioned<StoredPath> | undefined>;
  /** Writes as revision `basedOn + 1` only when the stored revision is still `basedOn` (0: must not exist). */
  put(pathId: string, value: StoredPath, basedOn: number): Promise<Versioned<StoredPath>>;
  /** Every enabled path (the engine's configuration), read through an index, at most `limit`. */
  listEnabled(limit: number): Promise<StoredPath[]>;
  /** Every stored path, newest first, for the admin page. */
  listAll(limit: number): Promise<Array<Versioned<StoredPath>>>;
}

/** Site defaults kept by the admin page (one record). */
export interface EscalationDefaultsRecord {
  calendar: BusinessCalendar;
  sitePathId: string | null;
}
