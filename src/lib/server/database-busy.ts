/**
 * A database whose write lock another process holds (a long import, a migration, a second
 * server, someone's `BEGIN IMMEDIATE` in a shell). Writes retry for a while
 * (`writeTransaction`); when the lock is still taken they give up with a
 * {@link DatabaseBusyError}, which the middleware answers with 503 and `Retry-After`: the
 * request was not applied, nothing was half-written, and the client may send it again.
 */

/** How many seconds a client is told to wait before sending a refused write again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** A write that found the database locked by another process for longer than the app waits. */
export class DatabaseBusyError extends Error {
  readonly code = 'DATABASE_BUSY';
  constructor(waitedMs: number, options?: { cause?: unknown }) {
    super(`the database is locked by another process (write lock still held after ${waitedMs} ms); nothing was written, try again in a few seconds`, options);
    this.name = 'DatabaseBusyError';
  }
}

/** True for SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED) however deeply a driver wrapped it, and for a DatabaseBusyError. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof DatabaseBusyError) return true;
    if (typeof e.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(e.code)) return true;
  }
  return false;
}
