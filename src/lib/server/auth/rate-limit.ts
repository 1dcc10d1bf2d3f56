/**
 * Sign-in rate limits, kept in the database (table `login_failures`) so that every app
 * server behind a load balancer counts the same failures. Each failed attempt (a sign-in, or
 * a wrong current password when changing it) adds one row under each of three keys:
 *
 *  - the account from this address (`account-ip:EMAIL|IP`): blocked at {@link ACCOUNT_FAILURE_LIMIT};
 *  - the address (`ip:IP`), over any accounts: blocked at {@link IP_FAILURE_LIMIT};
 *  - the account from anywhere (`account:EMAIL`): the global ceiling, {@link ACCOUNT_CEILING},
 *    high enough that a stranger guessing from a few addresses cannot lock the owner out,
 *    low enough to stop a distributed guess.
 *
 * The e-mail is counted as typed, lower-cased, whether or not it has an account, so that the
 * limit tells nothing about which accounts exist. A key is blocked while it has its limit or
 * more failures in the last 15 minutes (a sliding window); refused attempts are not counted,
 * so the block ends 15 minutes after the failure that filled the window. An admin lifts an
 * account's block with `npm run user -- unlock --email E`.
 *
 * Counting and deciding happen in one write transaction ({@link reserveLoginAttempt}): the
 * attempt is counted as a failure before the password is checked and forgiven if it was
 * right, so parallel attempts cannot all pass one check.
 */
import { and, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { loginFailures } from '../../../../db/schema';
import { writeTransaction, type Executor } from '../audit';
import { normaliseEmail } from './auth-user';

export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account from one address within the window before that pair is blocked. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failures from one client address within the window before it is blocked. */
export const IP_FAILURE_LIMIT = 50;
/** Failures for one account from all addresses together within the window before it is blocked everywhere. */
export const ACCOUNT_CEILING = 100;

export interface LoginSource {
  email: string;
  /** The client address, when the adapter knows it. */
  ip: string | null;
}

export type LimitedBy = 'account' | 'ip' | 'account_ceiling';
export type RateLimitCheck = { limited: false } | { limited: true; by: LimitedBy; retryAfterSeconds: number };

function keysFor(source: LoginSource): { key: string; limit: number; by: LimitedBy }[] {
  const email = normaliseEmail(source.email);
  const keys: { key: string; limit: number; by: LimitedBy }[] = [
    { key: `account-ip:${email}|${source.ip ?? 'unknown'}`, limit: ACCOUNT_FAILURE_LIMIT, by: 'account' },
    { key: `account:${email}`, limit: ACCOUNT_CEILING, by: 'account_ceiling' },
  ];
  if (source.ip) keys.push({ key: `ip:${source.ip}`, limit: IP_FAILURE_LIMIT, by: 'ip' });
  return keys;
}

/** Whether an attempt from this source must be refused now, and for how many more seconds. */
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

/** Counts one failed attempt against the account, the pair and the address; drops rows older than the window. Returns the rows' ids. */
export async function recordLoginFailure(db: Executor, source: LoginSource, now = Date.now()): Promise<number[]> {
  return writeTransaction(db, async (tx) => {
    await tx.delete(loginFailures).where(lte(loginFailures.at, now - LOGIN_FAILURE_WINDOW_MS));
    const rows = await tx
      .insert(loginFailures)
      .values(keysFor(source).map(({ key }) => ({ key, at: now })))
      .returning({ id: loginFailures.id });
    return rows.map((r) => r.id);
  });
}

/** An attempt counted in advance: `forgive` it once the password turned out right. */
export type Reservation = { limited: false; ids: number[] } | Extract<RateLimitCheck, { limited: true }>;

/**
 * Decides and counts in one write transaction: refused when a key is at its limit, else the
 * attempt is recorded as a failure now (forgiven later with {@link forgiveLoginAttempt}).
 */
export async function reserveLoginAttempt(db: Executor, source: LoginSource, now = Date.now()): Promise<Reservation> {
  return writeTransaction(db, async (tx) => {
    const check = await checkLoginRateLimit(tx, source, now);
    if (check.limited) return check;
    return { limited: false, ids: await recordLoginFailure(tx, source, now) };
  });
}

/** Forgives a reserved attempt that succeeded, and the account's failures from this address. */
export async function forgiveLoginAttempt(db: Executor, source: LoginSource, ids: readonly number[]): Promise<void> {
  const email = normaliseEmail(source.email);
  await writeTransaction(db, (tx) =>
    tx.delete(loginFailures).where(or(inArray(loginFailures.id, [...ids]), eq(loginFailures.key, `account-ip:${email}|${source.ip ?? 'unknown'}`))),
  );
}

/** Forgets an account's failures from this address after it signs in (the address's own count stays). */
export async function clearAccountFailures(db: Executor, email: string, ip: string | null = null): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(loginFailures).where(eq(loginFailures.key, `account-ip:${normaliseEmail(email)}|${ip ?? 'unknown'}`)));
}

/** Lifts every block on an account, from every address (`npm run user -- unlock`); returns the rows removed. */
export async function unlockAccount(db: Executor, email: string): Promise<number> {
  const address = normaliseEmail(email);
  const pairs = `account-ip:${address}|`;
  const result = await writeTransaction(db, (tx) =>
    tx.delete(loginFailures).where(or(eq(loginFailures.key, `account:${address}`), sql`substr(${loginFailures.key}, 1, ${pairs.length}) = ${pairs}`)),
  );
  return result.rowsAffected;
}
