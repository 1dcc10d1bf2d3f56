/**
 * Issue 10, items 4, 5, 7, 8, 9 and 13, against the built server: redirects after sign-in,
 * API token scope, expiry and revocation, password-change guessing, lockout per account and
 * address (with the global ceiling and the admin's unlock), atomic counting, and the
 * password policy's context words.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { ACCOUNT_FAILURE_LIMIT } from '../../src/lib/server/auth/rate-limit';
import { CLI_ACTOR, resetPassword } from '../../src/lib/server/auth/users';
import { runCli } from '../helpers/cli';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { apiToken, createStaff, sessionCookie, STAFF_PASSWORD, type StaffUser } from '../helpers/staff';

let server: TestServer;
let db: Database;
let admin: StaffUser;
let adminCookie: string;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  admin = await createStaff(db, 'admin@example.org', ['admin']);
  adminCookie = await sessionCookie(db, admin);
});
afterAll(() => stopServerWithDatabase(server, db));

/** A urlencoded POST from a given loopback address (127.0.0.x), read whole. */
function postFrom(localAddress: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, server.origin);
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: server.origin, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const login = (email: string, password: string, from = '127.0.0.1', next?: string) => postFrom(from, '/login', { email, password, ...(next ? { next } : {}) });
const formPost = (path: string, fields: Record<string, string>, cookie: string) => postFrom('127.0.0.1', path, fields, { cookie });
const auditCount = async (action: string, entityId?: string) =>
  Number((await db.$client.execute({ sql: `SELECT count(*) AS n FROM audit_log WHERE action = ?${entityId ? ' AND entity_id = ?' : ''}`, args: entityId ? [action, entityId] : [action] })).rows[0]!.n);
const me = (token: string) => server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });

describe('redirect after sign-in (item 4)', () => {
  it.each(['/.//evil.example/phish', '/..//evil.example/phish', '/%2e%2e//evil.example/phish', '/workspace/../..//evil.example/phish'])('sends next=%s to /workspace', async (next) => {
    await createStaff(db, `r${Math.random().toString(36).slice(2)}@example.org`, ['viewer']).then(async (user) => {
      const answer = await login(user.email, STAFF_PASSWORD, '127.0.0.1', next);
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toBe('/workspace');
    });
    const signedIn = await server.get(`/login?next=${encodeURIComponent(next)}`, { headers: { cookie: adminCookie } });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('location')).toBe('/workspace');
  });
});

describe('API tokens (item 5)', () => {
  it('works on /api/v1 only: not on workspace pages or actions, so it cannot mint tokens, create users or change a password', async () => {
    const token = await apiToken(db, admin);
    expect((await me(token)).status).toBe(200);
    const bearer = { authorization: `Bearer ${token}`, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' };
    for (const [action, body] of [
      ['tokens.create', { name: 'more' }],
      ['users.create', { name: 'Evil', email: 'evil@example.org', roles: 'admin', parties: '', password: 'a long passphrase here' }],
      ['account.changePassword', { current: STAFF_PASSWORD, password: 'another long passphrase', confirm: 'another long passphrase' }],
    ] as const) {
      const answer = await server.get(`/_actions/${action}`, { method: 'POST', headers: bearer, body: new URLSearchParams(body).toString() });
      expect(answer.status, action).toBe(401);
      expect(answer.headers.getSetCookie()).toEqual([]);
      await answer.arrayBuffer();
    }
    const page = await server.get('/workspace/users', { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(await auditCount('api_token.create')).toBe(1);
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE email = 'evil@example.org'")).rows[0]!.n).toBe(0);
  });

  it('expires: 90 days by default, at most a year, and an expired token is refused', async () => {
    const user = await createStaff(db, 'program@example.org', ['viewer']);
    const old = await createApiToken(db, user.id, 'old', CLI_ACTOR, { now: new Date(Date.now() - 91 * 86_400_000) });
    expect((await me(old.token)).status).toBe(401);
    const fresh = await createApiToken(db, user.id, 'fresh', CLI_ACTOR);
    expect(Date.parse(fresh.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(Date.parse(fresh.expiresAt) - Date.now()).toBeLessThan(91 * 86_400_000);
    const cookie = await sessionCookie(db, user);
    const tooLong = await formPost('/workspace/account?_action=tokens.create', { name: 'forever', expiresInDays: '400' }, cookie);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toContain('Choose from 1 to 365 days.');
    const year = await formPost('/workspace/account?_action=tokens.create', { name: 'a year', expiresInDays: '365' }, cookie);
    expect([200, 303]).toContain(year.status);
  });

  it('is revoked by a password change, an admin reset and a disable (and stays revoked after enable)', async () => {
    const user = await createStaff(db, 'rotating@example.org', ['editor'], ['THA']);
    const first = await apiToken(db, user);
    const changed = await formPost('/workspace/account?_action=account.changePassword', { current: STAFF_PASSWORD, password: 'copper-kettle-meadow', confirm: 'copper-kettle-meadow' }, await sessionCookie(db, user));
    expect(changed.status).toBe(303);
    expect((await me(first)).status).toBe(401);
    const second = await apiToken(db, user);
    await resetPassword(db, user.email, 'silver-birch-orchard', CLI_ACTOR);
    expect((await me(second)).status).toBe(401);
    const third = await apiToken(db, user);
    for (const command of ['disable', 'enable']) {
      const run = await runCli('db/user-cli.ts', [command, '--email', user.email], server.databaseUrl);
      expect(run.status, run.stderr).toBe(0);
    }
    expect((await me(third)).status).toBe(401);
  });

  it("lets an admin revoke another user's token", async () => {
    const user = await createStaff(db, 'leaky@example.org', ['viewer']);
    const created = await createApiToken(db, user.id, 'leaked', CLI_ACTOR);
    expect((await me(created.token)).status).toBe(200);
    const revoked = await formPost('/workspace/account?_action=tokens.revoke', { id: created.id }, adminCookie);
    expect([200, 303]).toContain(revoked.status);
    expect((await me(created.token)).status).toBe(401);
  });
});

describe('password-change guessing (item 7)', () => {
  it('counts wrong current passwords against the sign-in limit (429) and audits each', async () => {
    const user = await createStaff(db, 'guessed@example.org', ['viewer']);
    const cookie = await sessionCookie(db, user);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT + 2; i++) {
      const answer = await formPost('/workspace/account?_action=account.changePassword', { current: `wrong-guess-${i}`, password: 'copper-kettle-meadow', confirm: 'copper-kettle-meadow' }, cookie);
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, ACCOUNT_FAILURE_LIMIT)).toEqual(Array(ACCOUNT_FAILURE_LIMIT).fill(400));
    expect(statuses.slice(ACCOUNT_FAILURE_LIMIT)).toEqual([429, 429]);
    expect(await auditCount('auth.password_change.failure', user.id)).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(await auditCount('auth.password_change.refused', user.id)).toBe(2);
    // Sign-in from the same address is blocked too: one count for both.
    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(429);
  });
});

describe('lockout per account and address (items 8 and 9)', () => {
  it('locks the account from the guessing address only; an admin unlocks it', async () => {
    const target = await createStaff(db, 'owner@example.org', ['admin']);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await login(target.email, `not-it-${i}`, '127.0.0.2')).status).toBe(401);
    expect((await login(target.email, STAFF_PASSWORD, '127.0.0.2')).status).toBe(429);
    expect((await login(target.email, STAFF_PASSWORD, '127.0.0.3')).status).toBe(303);
    const run = await runCli('db/user-cli.ts', ['unlock', '--email', target.email], server.databaseUrl);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('unlocked owner@example.org');
    expect((await login(target.email, STAFF_PASSWORD, '127.0.0.2')).status).toBe(303);
    expect(await auditCount('user.unlock', target.id)).toBe(1);
  });

  it('checks no more than the limit when 40 wrong passwords arrive at once', async () => {
    const target = await createStaff(db, 'raced@example.org', ['viewer']);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(target.email, `parallel-${i}`, '127.0.0.4')));
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(answers.filter((a) => a.status === 429).length).toBe(40 - ACCOUNT_FAILURE_LIMIT);
    expect(await auditCount('auth.login.failure', target.id)).toBe(ACCOUNT_FAILURE_LIMIT);
  });
});

describe('password policy (item 13)', () => {
  it.each(['        ', 'new.person@example.org', 'passwordpassword', 'qwertyuiop1', 'Thailand2026', 'bangkok2025', 'monitor2026!', 'New Person 2026'])('refuses %j for a new account', async (password) => {
    const answer = await formPost('/workspace/users?_action=users.create', { name: 'New Person', email: 'new.person@example.org', roles: 'viewer', parties: '', password }, adminCookie);
    expect(answer.status).toBe(400);
  });

  it('refuses eight NULs at the door (400), before any policy', async () => {
    const answer = await formPost('/workspace/users?_action=users.create', { name: 'New Person', email: 'new.person@example.org', roles: 'viewer', parties: '', password: '\u0000'.repeat(8) }, adminCookie);
    expect(answer.status).toBe(400);
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE email = 'new.person@example.org'")).rows[0]!.n).toBe(0);
  });
});
