/**
 * Personal API tokens for programs: `Authorization: Bearer id.secret`. The same design as
 * sessions (only the SHA-256 of the secret is stored). A token is accepted on `/api/v1`
 * only (the middleware ignores it elsewhere, so it cannot sign in to the workspace, call its
 * actions, mint tokens or change a password); it expires after the days chosen at creation
 * ({@link DEFAULT_TOKEN_DAYS} by default, at most {@link MAX_TOKEN_DAYS}), and is revoked
 * when its user's password is changed or reset or the account is disabled. Creation and
 * revocation are audited.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { apiTokens } from '../../../../db/schema';
import { appendAudit, writeTransaction, type Executor } from '../audit';
import { checkSecret, generateToken, hashSecret, parseToken } from './tokens';
import { loadAuthUser, type AuthUser } from './auth-user';
import { UserInputError, type Actor } from './users';

/** A token's lifetime when its creator does not choose one, in days. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The longest lifetime a token may have, in days. */
export const MAX_TOKEN_DAYS = 365;

/** How stale `last_used_at` may get before a request writes it again. */
const LAST_USED_INTERVAL_MS = 60 * 1000;

export type ApiTokenRecord = Omit<typeof apiTokens.$inferSelect, 'secretHash'>;

/** Creates a token for a user; the returned `token` is shown once and never stored. */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
  actor: Actor,
  options: { expiresInDays?: number; now?: Date } = {},
): Promise<{ id: string; token: string; expiresAt: string }> {
  const label = name.trim();
  if (!label || label.length > 100) throw new UserInputError('Give the token a name of 1 to 100 characters.', { code: 'token.name' });
  const days = options.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw new UserInputError(`A token lasts from 1 to ${MAX_TOKEN_DAYS} days.`, { code: 'token.days', params: { max: MAX_TOKEN_DAYS } });
  const expiresAt = new Date((options.now ?? new Date()).getTime() + days * 86_400_000).toISOString();
  const { id, secret, token } = generateToken();
  await writeTransaction(db, async (tx) => {
    await tx.insert(apiTokens).values({ id, userId, name: label, secretHash: hashSecret(secret), expiresAt });
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      after: { userId, name: label, expiresAt },
      ip: actor.ip,
    });
  });
  return { id, token, expiresAt };
}

/** Revokes a token (idempotent); returns false when there is no such live token. */
export async function revokeApiToken(db: Database, tokenId: string, actor: Actor, now = new Date()): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const result = await tx
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
    if (result.rowsAffected === 0) return false;
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
      after: { revokedAt: now.toISOString() },
      ip: actor.ip,
    });
    return true;
  });
}

/** A user's tokens, newest first, without their hashes. */
export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenRecord[]> {
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** One token by id (any user's), without its hash, or null. */
export async function getApiToken(db: Executor, tokenId: string): Promise<ApiTokenRecord | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1);
  if (!row) return null;
  const { secretHash: _secret, ...record } = row;
  return record;
}

/** The user a bearer token stands for, or null when it is malformed, unknown, revoked, expired or its user disabled. */
export async function validateApiToken(db: Executor, token: string, now = Date.now()): Promise<AuthUser | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, parts.id)).limit(1);
  if (!row || row.revokedAt !== null || !checkSecret(parts.secret, row.secretHash)) return null;
  if (!row.expiresAt || !(Date.parse(row.expiresAt) > now)) return null;
  const user = await loadAuthUser(db, row.userId);
  if (!user) return null;
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) >= LAST_USED_INTERVAL_MS) {
    await writeTransaction(db, (tx) => tx.update(apiTokens).set({ lastUsedAt: new Date(now).toISOString() }).where(eq(apiTokens.id, row.id)));
  }
  return user;
}

/** The token from an `Authorization: Bearer …` header, or null. */
export function readBearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}
