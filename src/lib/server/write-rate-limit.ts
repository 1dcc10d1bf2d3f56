/**
 * A per-user limit on the staff write API, counted from the audit log, so that every app
 * server behind a load balancer sees the same count and no table is needed for it. Every
 * write and every refused authorisation already appends a row with the user's id as
 * `actor_id`, so a user's recent rows are their recent write attempts (sign-ins, token
 * changes and imports they made count too: all are writes). A user is held back while
 * `WRITE_LIMIT` or more of their rows fall within the last `WRITE_WINDOW_MS`; requests held
 * back add no row, so the block ends one window after the write that filled it, whatever
 * the client keeps sending. Requests refused before the audit (malformed bodies) are not
 * counted: they write nothing.
 *
 * The check reads the user's rows through the `actor_id` index and counts distinct write
 * times (one request's rows share one), so its cost grows with that user's rows only.
 */
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import type { Executor } from './audit';

/** Audited actions one user may make within the window. */
export const WRITE_LIMIT = 120;
/** The sliding window, in milliseconds. */
export const WRITE_WINDOW_MS = 60 * 1000;

export type WriteRateCheck = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Whether this user must wait before writing again, and for how many seconds. */
export async function checkWriteRateLimit(db: Executor, userId: string, now = Date.now(), limit = WRITE_LIMIT): Promise<WriteRateCheck> {
  // One write is one request, however many rows it audits: the rows of one transaction share
  // their timestamp, so a 5,000-row CSV apply counts once, not 5,000 times.
  const recent = await db.selectDistinct({ at: auditLog.at }).from(auditLog).where(eq(auditLog.actorId, userId)).orderBy(desc(auditLog.at)).limit(limit);
  if (recent.length < limit) return { limited: false };
  // Below the limit again once the limit-th most recent row leaves the window.
  const freeAt = Date.parse(recent[limit - 1]!.at) + WRITE_WINDOW_MS;
  if (!(freeAt > now)) return { limited: false };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
}
