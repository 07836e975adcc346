import type { Database } from 'better-sqlite3';
import { Duration } from 'luxon';
import type { SiteClock } from './product-service';

/**
 * The site's clock: real time plus an offset that tests and demos move (`POST /forge/clock`).
 * The offset is kept in the database so a restart keeps the demo's "today".
 */
export interface SiteClockControl extends SiteClock {
  set(iso: string): Date;
  advance(isoDuration: string): Date;
}

export class ClockInputError extends Error {}

export function createSiteClock(db: Database, realNow: () => number = Date.now): SiteClockControl {
  db.exec('CREATE TABLE IF NOT EXISTS site_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const read = db.prepare<[], { value: string }>("SELECT value FROM site_meta WHERE key = 'clock_offset_ms'");
  const write = db.prepare("INSERT OR REPLACE INTO site_meta (key, value) VALUES ('clock_offset_ms', ?)");
  let offset = Number(read.get()?.value ?? 0);
  const persist = (next: number): Date => {
    offset = next;
    write.run(String(offset));
    return new Date(realNow() + offset);
  };
  return {
    now: () => new Date(realNow() + offset),
    set(iso) {
      const target = Date.parse(iso);
      if (typeof iso !== 'string' || Number.isNaN(target)) {
        throw new ClockInputError(
          `"${String(iso)}" is not an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z.`,
        );
      }
      return persist(target - realNow());
    },
    advance(isoDuration) {
      const d =
        typeof isoDuration === 'string' ? Duration.fromISO(isoDuration) : Duration.invalid('not a string');
      if (!d.isValid || d.toMillis() < 0) {
        throw new ClockInputError(
          `"${String(isoDuration)}" is not a positive ISO 8601 duration, e.g. PT48H or P2D.`,
        );
      }
      return persist(offset + d.toMillis());
    },
  };
}
