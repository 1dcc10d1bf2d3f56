/** Sign-in rate limits counted in the database over a sliding 15-minute window. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { signIn } from '../../src/lib/server/auth/login';
import {
  ACCOUNT_FAILURE_LIMIT,
  checkLoginRateLimit,
  clearAccountFailures,
  IP_FAILURE_LIMIT,
  LOGIN_FAILURE_WINDOW_MS,
  recordLoginFailure,
} from '../../src/lib/server/auth/rate-limit';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import { createTempDatabase } from '../helpers/temp-db';

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 2, 1, 9);
let db: Database;

beforeEach(async () => {
  ({ db } = await createTempDatabase());
});

describe('checkLoginRateLimit', () => {
  it('blocks an account at its 10th failure within 15 minutes, until the window has passed', async () => {
    expect(ACCOUNT_FAILURE_LIMIT).toBe(10);
    expect(LOGIN_FAILURE_WINDOW_MS).toBe(15 * MINUTE);
    const source = { email: 'a@x.example', ip: '192.0.2.1' };
    // Ten failures one minute apart: t0 … t0+9 min.
    for (let i = 0; i < 10; i++) {
      expect((await checkLoginRateLimit(db, source, t0 + i * MINUTE)).limited, `before failure ${i + 1}`).toBe(false);
      await recordLoginFailure(db, source, t0 + i * MINUTE);
    }
    // Blocked until the oldest of the ten leaves the window: t0 + 15 min.
    const blocked = await checkLoginRateLimit(db, source, t0 + 10 * MINUTE);
    expect(blocked).toEqual({ limited: true, by: 'account', retryAfterSeconds: 5 * 60 });
    expect((await checkLoginRateLimit(db, source, t0 + 15 * MINUTE - 1000)).limited).toBe(true);
    expect((await checkLoginRateLimit(db, source, t0 + 15 * MINUTE)).limited).toBe(false);
  });

  it('counts the e-mail in any case, and unknown accounts alike', async () => {
    for (let i = 0; i < 10; i++) await recordLoginFailure(db, { email: i % 2 ? 'Nobody@X.example' : 'nobody@x.example ', ip: null }, t0);
    expect((await checkLoginRateLimit(db, { email: 'NOBODY@x.example', ip: null }, t0 + 1)).limited).toBe(true);
    expect((await checkLoginRateLimit(db, { email: 'somebody@x.example', ip: null }, t0 + 1)).limited).toBe(false);
  });

  it('blocks a client address after 50 failures over any accounts', async () => {
    expect(IP_FAILURE_LIMIT).toBe(50);
    for (let i = 0; i < 50; i++) await recordLoginFailure(db, { email: `user${i}@x.example`, ip: '198.51.100.7' }, t0 + i * 1000);
    const blocked = await checkLoginRateLimit(db, { email: 'fresh@x.example', ip: '198.51.100.7' }, t0 + 60_000);
    expect(blocked).toMatchObject({ limited: true, by: 'ip' });
    expect((await checkLoginRateLimit(db, { email: 'fresh@x.example', ip: '198.51.100.8' }, t0 + 60_000)).limited).toBe(false);
  });

  it('drops failures older than the window, and forgets an account’s from this address on sign-in', async () => {
    const source = { email: 'a@x.example', ip: '192.0.2.1' };
    for (let i = 0; i < 5; i++) await recordLoginFailure(db, source, t0);
    await recordLoginFailure(db, source, t0 + 16 * MINUTE);
    // One row per key: the account from this address, the account anywhere (the ceiling), the address.
    expect(await db.select().from(loginFailures)).toHaveLength(3);
    await clearAccountFailures(db, 'A@x.example', '192.0.2.1');
    expect((await db.select().from(loginFailures)).map((r) => r.key).sort()).toEqual(['account:a@x.example', 'ip:192.0.2.1']);
  });
});

describe('signIn', () => {
  it('refuses the 11th attempt within 15 minutes even with the right password, and audits every attempt', async () => {
    await createUser(db, { email: 'editor@mfa.example', name: 'Editor', roles: ['editor'], password: 'purple-lantern-harbour' }, CLI_ACTOR);
    for (let i = 0; i < 10; i++) {
      expect(await signIn(db, { email: 'editor@mfa.example', password: `wrong-${i}-guess`, ip: '192.0.2.9' }, t0 + i * 1000)).toEqual({ ok: false, reason: 'invalid' });
    }
    const refused = await signIn(db, { email: 'editor@mfa.example', password: 'purple-lantern-harbour', ip: '192.0.2.9' }, t0 + 11_000);
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    const after = await signIn(db, { email: 'editor@mfa.example', password: 'purple-lantern-harbour', ip: '192.0.2.9' }, t0 + 15 * MINUTE);
    expect(after.ok).toBe(true);
    const actions = (await db.query.auditLog.findMany()).map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.login.failure')).toHaveLength(10);
    expect(actions.filter((a) => a === 'auth.login.refused')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login.success')).toHaveLength(1);
  });
});
