/**
 * When a session ends: 30 minutes without a request, or 12 hours after sign-in, whichever
 * comes first. Activity is written back at most once a minute, to spare the database a
 * write on every request. Pure: times are Unix milliseconds passed in, never read here.
 */

export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Activity younger than this is not written back. */
export const SESSION_ACTIVITY_INTERVAL_MS = 60 * 1000;

export interface SessionTimes {
  /** Unix milliseconds of sign-in. */
  createdAt: number;
  /** Unix milliseconds of the last recorded request. */
  lastActiveAt: number;
}

export type SessionCheck =
  | { state: 'expired'; reason: 'idle' | 'absolute' }
  | {
      state: 'active';
      /** True when `lastActiveAt` should be written back as `now`. */
      refresh: boolean;
      /** When the session ends if no further request comes (Unix milliseconds). */
      expiresAt: number;
    };

/** Whether a session is still usable at `now`, and whether its activity should be recorded. */
export function checkSessionTimes(session: SessionTimes, now: number): SessionCheck {
  const absoluteEnd = session.createdAt + SESSION_ABSOLUTE_TIMEOUT_MS;
  if (now >= absoluteEnd) return { state: 'expired', reason: 'absolute' };
  if (now >= session.lastActiveAt + SESSION_IDLE_TIMEOUT_MS) return { state: 'expired', reason: 'idle' };
  const refresh = now - session.lastActiveAt >= SESSION_ACTIVITY_INTERVAL_MS;
  const lastActiveAt = refresh ? now : session.lastActiveAt;
  return { state: 'active', refresh, expiresAt: Math.min(lastActiveAt + SESSION_IDLE_TIMEOUT_MS, absoluteEnd) };
}
