/**
 * Sessions, after Lucia's guide (lucia-auth.com, "Basic session implementation"): the client
 * holds `id.secret`; the row keeps the id, the hex SHA-256 of the secret, and two Unix
 * millisecond times, `created_at` and `last_active_at`, from which session-policy.ts decides
 * expiry (30 minutes idle, 12 hours in all). Expired sessions are deleted when they are next
 * seen, and a user's stale ones whenever that user signs in.
 */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { apiTokens, sessions } from '../../../../db/schema';
import { writeTransaction, type Executor } from '../audit';
import { checkSessionTimes, SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS } from './session-policy';
import { checkSecret, generateToken, hashSecret, parseToken } from './tokens';
import { loadAuthUser, type AuthUser } from './auth-user';

/** A live session as pages see it (`Astro.locals.session`). */
export interface Session {
  id: string;
  userId: string;
  /** Unix milliseconds. */
  createdAt: number;
  /** Unix milliseconds of the last recorded request. */
  lastActiveAt: number;
  /** When it ends if no other request comes (Unix milliseconds). */
  expiresAt: number;
}

export interface SessionValidation {
  session: Session;
  user: AuthUser;
  /** True when activity was written back: the cookie's expiry should move too. */
  refreshed: boolean;
}

/** Starts a session for a user; returns the token for the cookie (never stored) and the session. */
export async function createSession(db: Executor, userId: string, now = Date.now()): Promise<{ token: string; session: Session }> {
  const { id, secret, token } = generateToken();
  await writeTransaction(db, async (tx) => {
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          or(lte(sessions.createdAt, now - SESSION_ABSOLUTE_TIMEOUT_MS), lte(sessions.lastActiveAt, now - SESSION_IDLE_TIMEOUT_MS)),
        ),
      );
    await tx.insert(sessions).values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastActiveAt: now });
  });
  const expiresAt = Math.min(now + SESSION_IDLE_TIMEOUT_MS, now + SESSION_ABSOLUTE_TIMEOUT_MS);
  return { token, session: { id, userId, createdAt: now, lastActiveAt: now, expiresAt } };
}

/**
 * The session and user for a token, or null when the token is malformed, unknown, wrong,
 * expired (the row is then deleted) or its user disabled. Records activity at most once a
 * minute.
 */
export async function validateSessionToken(db: Executor, token: string, now = Date.now()): Promise<SessionValidation | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, parts.id)).limit(1);
  if (!row || !checkSecret(parts.secret, row.secretHash)) return null;
  const check = checkSessionTimes(row, now);
  if (check.state === 'expired') {
    await invalidateSession(db, row.id);
    return null;
  }
  const user = await loadAuthUser(db, row.userId);
  if (!user) {
    await invalidateSession(db, row.id);
    return null;
  }
  if (check.refresh) await writeTransaction(db, (tx) => tx.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, row.id)));
  const lastActiveAt = check.refresh ? now : row.lastActiveAt;
  return {
    session: { id: row.id, userId: row.userId, createdAt: row.createdAt, lastActiveAt, expiresAt: check.expiresAt },
    user,
    refreshed: check.refresh,
  };
}

/** Ends one session (sign-out). */
export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Ends every session of a user (password change or reset, account disabled); returns how many. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<number> {
  const result = await writeTransaction(db, (tx) => tx.delete(sessions).where(eq(sessions.userId, userId)));
  return result.rowsAffected;
}

/** Revokes every live API token of a user (on a password change or reset, and when the account is disabled); returns how many. */
export async function revokeUserApiTokens(db: Executor, userId: string, now = new Date()): Promise<number> {
  const result = await writeTransaction(db, (tx) =>
    tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
  );
  return result.rowsAffected;
}
