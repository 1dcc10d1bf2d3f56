/**
 * One sign-in attempt, from e-mail and password to a session. Unknown e-mail, wrong
 * password and disabled account end alike (same result, same work: an unknown e-mail still
 * costs one Argon2 verification), and are told apart only in the audit log. Every attempt,
 * refused ones included, is audited.
 */
import type { Database } from '../../../../db/client';
import { appendAudit, writeTransaction } from '../audit';
import { getUserByEmail, loadAuthUser, normaliseEmail, type AuthUser } from './auth-user';
import { PASSWORD_MAX_LENGTH, verifyDummyPassword, verifyPassword } from './password';
import { forgiveLoginAttempt, reserveLoginAttempt } from './rate-limit';
import { createSession, type Session } from './session';

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client address, when known. */
  ip: string | null;
}

export type SignInResult =
  | { ok: true; user: AuthUser; token: string; session: Session }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Checks the rate limits and the password; on success starts a session. */
export async function signIn(db: Database, attempt: SignInAttempt, now = Date.now()): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email).slice(0, 320);
  const label = email || 'anonymous';
  const source = { email, ip: attempt.ip };
  // Counted (as a failure) and decided in one transaction; forgiven below if the password is right.
  const limit = await reserveLoginAttempt(db, source, now);
  if (limit.limited) {
    await appendAudit(
      db,
      {
        actorId: null,
        actorLabel: label,
        action: 'auth.login.refused',
        entityType: 'user',
        after: { reason: 'rate_limited', by: limit.by, retryAfterSeconds: limit.retryAfterSeconds },
        ip: attempt.ip,
      },
      new Date(now),
    );
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  }

  const user = email ? await getUserByEmail(db, email) : null;
  // A password far beyond the policy's maximum is never right; do not spend Argon2 on it.
  const plausible = [...attempt.password].length <= PASSWORD_MAX_LENGTH;
  const passwordOk = user && plausible ? await verifyPassword(user.passwordHash, attempt.password) : await verifyDummyPassword(plausible ? attempt.password : '');
  const authUser = user && passwordOk && !user.disabled ? await loadAuthUser(db, user.id) : null;

  if (authUser) {
    const { token, session } = await writeTransaction(db, async (tx) => {
      await forgiveLoginAttempt(tx, source, limit.ids);
      const created = await createSession(tx, authUser.id, now);
      await appendAudit(
        tx,
        { actorId: authUser.id, actorLabel: authUser.email, action: 'auth.login.success', entityType: 'user', entityId: authUser.id, after: { sessionId: created.session.id }, ip: attempt.ip },
        new Date(now),
      );
      return created;
    });
    return { ok: true, user: authUser, token, session };
  }

  const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
  await writeTransaction(db, async (tx) => {
    await appendAudit(
      tx,
      { actorId: user?.id ?? null, actorLabel: label, action: 'auth.login.failure', entityType: 'user', entityId: user?.id ?? null, after: { reason }, ip: attempt.ip },
      new Date(now),
    );
  });
  return { ok: false, reason: 'invalid' };
}
