/**
 * Sign-in rate limits, kept in the database (table `login_failures`) so that every app
 * server behind a load balancer counts the same failures. Each failed sign-in adds one row
 * for the account (the e-mail as typed, lower-cased, whether or not it has an account, so
 * that the limit tells nothing about which accounts exist) and one for the client address.
 * A key is blocked while it has `limit` or more failures in the last 15 minutes (a sliding
 * window); attempts refused while blocked are not counted, so the block ends 15 minutes
 * after the failure that filled the window, whatever an attacker keeps sending.
 */
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import { loginFailures } from '../../../../db/schema';
import { writeTransaction, type Executor } from '../audit';
import { normaliseEmail } from './auth-user';

export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account within the window before it is blocked. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failures from one client address within the window before it is blocked. */
export const IP_FAILURE_LIMIT = 50;

export interface LoginSource {
  email: string;
  /** The client address, when the adapter knows it. */
  ip: string | null;
}

export type RateLimitCheck = { limited: false } | { limited: true; by: 'account' | 'ip'; retryAfterSeconds: number };

function keysFor(source: LoginSource): { key: string; limit: number; by: 'account' | 'ip' }[] {
  const keys: { key: string; limit: number; by: 'account' | 'ip' }[] = [
    { key: `account:${normaliseEmail(source.email)}`, limit: ACCOUNT_FAILURE_LIMIT, by: 'account' },
  ];
  if (source.ip) keys.push({ key: `ip:${source.ip}`, limit: IP_FAILURE_LIMIT, by: 'ip' });
  return keys;
}

/** Whether a sign-in from this source must be refused now, and for how many more seconds. */
export async function checkLoginRateLimit(db: Executor, source: LoginSource, now = Date.now()): Promise<RateLimitCheck> {
  let worst: RateLimitCheck = { limited: false };
  for (const { key, limit, by } of keysFor(source)) {
    const recent = await db
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, now - LOGIN_FAILURE_WINDOW_MS)))
      .orderBy(desc(loginFailures.at))
      .limit(limit);
    if (recent.length < limit) continue;
    // The count falls below the limit once the limit-th most recent failure leaves the window.
    const freeAt = recent[limit - 1]!.at + LOGIN_FAILURE_WINDOW_MS;
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
    if (!worst.limited || retryAfterSeconds > worst.retryAfterSeconds) worst = { limited: true, by, retryAfterSeconds };
  }
  return worst;
}

/** Counts one failed sign-in against the account and the address; drops rows older than the window. */
export async function recordLoginFailure(db: Executor, source: LoginSource, now = Date.now()): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.delete(loginFailures).where(lte(loginFailures.at, now - LOGIN_FAILURE_WINDOW_MS));
    await tx.insert(loginFailures).values(keysFor(source).map(({ key }) => ({ key, at: now })));
  });
}

/** Forgets an account's failures after it signs in (the address's failures stay counted). */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(loginFailures).where(eq(loginFailures.key, `account:${normaliseEmail(email)}`)));
}
