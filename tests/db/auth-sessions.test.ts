/** Sessions and API tokens on a temp-file database: create, validate, expire, invalidate. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { apiTokens, sessions } from '../../db/schema';
import { createApiToken, revokeApiToken, validateApiToken } from '../../src/lib/server/auth/api-tokens';
import { createSession, invalidateSession, invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import { changePassword, CLI_ACTOR, createUser, disableUser, enableUser, resetPassword, UserInputError } from '../../src/lib/server/auth/users';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { createTempDatabase } from '../helpers/temp-db';

const MINUTE = 60_000;
const PASSWORD = 'purple-lantern-harbour';
let db: Database;
let userId: string;

beforeEach(async () => {
  ({ db } = await createTempDatabase());
  userId = (await createUser(db, { email: 'Somchai@MFA.example', name: 'Somchai', roles: ['editor', 'viewer'], password: PASSWORD }, CLI_ACTOR)).id;
});

describe('createSession and validateSessionToken', () => {
  it('store only the id and the SHA-256 of the secret, and find the user with roles', async () => {
    const t0 = Date.UTC(2026, 2, 1, 9);
    const { token, session } = await createSession(db, userId, t0);
    const [id, secret] = token.split('.');
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row).toEqual({ id, secretHash: hashSecret(secret!), userId, createdAt: t0, lastActiveAt: t0 });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(session.expiresAt).toBe(t0 + 30 * MINUTE);

    const result = await validateSessionToken(db, token, t0 + 10_000);
    expect(result?.user).toEqual({ id: userId, email: 'somchai@mfa.example', name: 'Somchai', roles: ['editor', 'viewer'], parties: [] });
    expect(result?.refreshed).toBe(false);
  });

  it('refuse a wrong secret, an unknown id and garbage', async () => {
    const { token } = await createSession(db, userId);
    const [id, secret] = token.split('.');
    const flipped = secret!.slice(0, -1) + (secret!.endsWith('a') ? 'b' : 'a');
    expect(await validateSessionToken(db, `${id}.${flipped}`)).toBeNull();
    expect(await validateSessionToken(db, `${'a'.repeat(32)}.${secret}`)).toBeNull();
    expect(await validateSessionToken(db, 'nonsense')).toBeNull();
    // A wrong secret does not end the real session.
    expect(await validateSessionToken(db, token)).not.toBeNull();
  });

  it('write activity at most once a minute', async () => {
    const t0 = Date.UTC(2026, 2, 1, 9);
    const { token, session } = await createSession(db, userId, t0);
    const last = async () => (await db.select().from(sessions).where(eq(sessions.id, session.id)))[0]!.lastActiveAt;
    expect((await validateSessionToken(db, token, t0 + 59_000))?.refreshed).toBe(false);
    expect(await last()).toBe(t0);
    const later = await validateSessionToken(db, token, t0 + 61_000);
    expect(later?.refreshed).toBe(true);
    expect(later?.session.expiresAt).toBe(t0 + 61_000 + 30 * MINUTE);
    expect(await last()).toBe(t0 + 61_000);
  });

  it('expire after 30 idle minutes and delete the row', async () => {
    const t0 = Date.UTC(2026, 2, 1, 9);
    const { token, session } = await createSession(db, userId, t0);
    expect(await validateSessionToken(db, token, t0 + 29 * MINUTE)).not.toBeNull();
    expect(await validateSessionToken(db, token, t0 + 59 * MINUTE)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
  });

  it('expire 12 hours after sign-in however active', async () => {
    const t0 = Date.UTC(2026, 2, 1, 9);
    const { token } = await createSession(db, userId, t0);
    for (let t = t0 + 20 * MINUTE; t < t0 + 12 * 60 * MINUTE; t += 20 * MINUTE) {
      expect(await validateSessionToken(db, token, t), new Date(t).toISOString()).not.toBeNull();
    }
    expect(await validateSessionToken(db, token, t0 + 12 * 60 * MINUTE)).toBeNull();
  });
});

describe('invalidation', () => {
  it('invalidateSession ends one session, invalidateUserSessions all of a user', async () => {
    const a = await createSession(db, userId);
    const b = await createSession(db, userId);
    const c = await createSession(db, userId);
    await invalidateSession(db, a.session.id);
    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await validateSessionToken(db, b.token)).not.toBeNull();
    expect(await invalidateUserSessions(db, userId)).toBe(2);
    expect(await validateSessionToken(db, b.token)).toBeNull();
    expect(await validateSessionToken(db, c.token)).toBeNull();
  });

  it('a password reset ends every session of the user', async () => {
    const a = await createSession(db, userId);
    const b = await createSession(db, userId);
    const { sessionsEnded } = await resetPassword(db, 'somchai@mfa.example', 'a-brand-new-passphrase', CLI_ACTOR);
    expect(sessionsEnded).toBe(2);
    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await validateSessionToken(db, b.token)).toBeNull();
  });

  it('a password change ends every session, and needs the current password', async () => {
    const a = await createSession(db, userId);
    await expect(changePassword(db, userId, 'not-the-password', 'another-good-passphrase', CLI_ACTOR)).rejects.toThrow(UserInputError);
    expect(await validateSessionToken(db, a.token)).not.toBeNull();
    await changePassword(db, userId, PASSWORD, 'another-good-passphrase', CLI_ACTOR);
    expect(await validateSessionToken(db, a.token)).toBeNull();
  });

  it('disabling the account ends every session, and enabling it does not bring them back', async () => {
    const a = await createSession(db, userId);
    await disableUser(db, 'SOMCHAI@mfa.example', CLI_ACTOR);
    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
    await enableUser(db, 'somchai@mfa.example', CLI_ACTOR);
    expect(await validateSessionToken(db, a.token)).toBeNull();
  });

  it('a session whose user was disabled behind its back is refused and deleted', async () => {
    const a = await createSession(db, userId);
    await db.run(`UPDATE users SET disabled = 1 WHERE id = '${userId}'`);
    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, a.session.id))).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('authenticate as their user until revoked; only the hash is stored', async () => {
    const { id, token } = await createApiToken(db, userId, 'import script', CLI_ACTOR);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.secretHash).toBe(hashSecret(token.split('.')[1]!));
    expect((await validateApiToken(db, token))?.email).toBe('somchai@mfa.example');
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt).not.toBeNull();
    expect(await validateApiToken(db, `${id}.${'a'.repeat(32)}`)).toBeNull();
    expect(await revokeApiToken(db, id, CLI_ACTOR)).toBe(true);
    expect(await revokeApiToken(db, id, CLI_ACTOR)).toBe(false);
    expect(await validateApiToken(db, token)).toBeNull();
  });

  it('stop working while their user is disabled', async () => {
    const { token } = await createApiToken(db, userId, 'ci', CLI_ACTOR);
    await disableUser(db, 'somchai@mfa.example', CLI_ACTOR);
    expect(await validateApiToken(db, token)).toBeNull();
  });
});
