/** Limits of the project page's bulk work, in one place. */

/** Jira's `issue/bulkfetch` takes at most 100 issues a call. */
export const BULK_FETCH_LIMIT = 100;
/** Issues per queue event of a bulk apply: small enough that one consumer run stays well inside 25 s. */
export const BULK_BATCH_SIZE = 25;
/** The most issues one bulk apply may touch. */
export const BULK_MAX_ISSUES = 5000;
/** The most rows one CSV import may have. */
export const IMPORT_MAX_ROWS = 500;
/** Role writes of one batch running at once. */
export const WRITE_CONCURRENCY = 5;
