/**
 * Sign-in, sessions, sign-out and cross-site refusal against the built server, with users
 * made by the real CLI on the server's own database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createApiToken, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { getUserByEmail } from '../../src/lib/server/auth/auth-user';
import { CLI_ACTOR } from '../../src/lib/server/auth/users';
import { runCli } from '../helpers/cli';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

const PASSWORD = 'purple-lantern-harbour';
let server: TestServer;
let db: Database;

/** `npm run user -- …` against the server's database. */
async function userCli(args: string[], stdin = '') {
  const run = await runCli('db/user-cli.ts', args, server.databaseUrl, stdin);
  if (run.status !== 0) throw new Error(`user ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  for (const [email, extra] of [
    ['editor@mfa.go.th', ['--role', 'editor', '--role', 'viewer', '--party', 'THA']],
    ['limited@mfa.go.th', ['--role', 'viewer']],
    ['leaver@mfa.go.th', ['--role', 'reviewer']],
    ['logout@mfa.go.th', ['--role', 'viewer']],
  ] as const) {
    await userCli(['create', '--email', email, '--name', email.split('@')[0]!, ...extra, '--password-stdin'], PASSWORD);
  }
});
afterAll(() => stopServerWithDatabase(server, db));

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return server.get('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, ...headers },
    body: form(fields),
  });
}

/** Signs in and returns the `session=…` cookie pair to send back. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const response = await postLogin({ email, password });
  expect(response.status).toBe(303);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

const auditRows = () => db.query.auditLog.findMany({ orderBy: (a, { asc }) => [asc(a.id)] });

describe('sign-in', () => {
  it('shows a plain form that posts email and password to /login', async () => {
    const response = await server.get('/login');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/login"/);
    expect(html).toMatch(/<input[^>]*name="email"/);
    expect(html).toMatch(/<input[^>]*name="password"[^>]*type="password"/);
    expect(html).not.toMatch(/<script/);
    // Security headers are untouched; the sign-in page is cut off from whatever opened it.
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('succeeds with an HttpOnly, SameSite=Lax, Path=/ session cookie; /workspace then answers 200 with who I am', async () => {
    const t0 = performance.now();
    const response = await postLogin({ email: 'Editor@MFA.go.th', password: PASSWORD });
    const elapsed = performance.now() - t0;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/workspace');
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(setCookie).toMatch(/^session=[a-z2-7]{32}\.[a-z2-7]{32};/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/; Secure/i); // plain HTTP here; Secure is set on HTTPS
    const page = await server.get('/workspace', { headers: { cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('editor@mfa.go.th');
    expect(html).toMatch(/data-field="roles"[^>]*>editor, viewer</);
    expect(html).toContain('Thailand (THA)');
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/logout"/);
    console.info(`sign-in round trip: ${elapsed.toFixed(0)} ms`);
  });

  it('goes to a same-origin next path, never to another site', async () => {
    const ok = await postLogin({ email: 'limited@mfa.go.th', password: PASSWORD, next: '/workspace?tab=mine' });
    expect(ok.headers.get('location')).toBe('/workspace?tab=mine');
    const evil = await postLogin({ email: 'limited@mfa.go.th', password: PASSWORD, next: '//evil.example/x' });
    expect(evil.headers.get('location')).toBe('/workspace');
  });

  it('answers unknown user, wrong password and disabled account the same way', async () => {
    await userCli(['create', '--email', 'disabled@mfa.go.th', '--name', 'Gone', '--role', 'viewer', '--password-stdin'], PASSWORD);
    await userCli(['disable', '--email', 'disabled@mfa.go.th']);
    const answers = [];
    for (const fields of [
      { email: 'nobody@mfa.go.th', password: PASSWORD },
      { email: 'limited@mfa.go.th', password: 'not-the-password' },
      { email: 'disabled@mfa.go.th', password: PASSWORD },
    ]) {
      const response = await postLogin(fields);
      const html = await response.text();
      answers.push({ status: response.status, message: html.match(/role="alert"[^>]*>([^<]*)</)?.[1], cookie: response.headers.getSetCookie().some((c) => c.startsWith('session=')) });
    }
    expect(answers[0]).toEqual({ status: 401, message: expect.stringContaining('did not work'), cookie: false });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('refuses the 11th attempt for an account within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    await userCli(['create', '--email', 'target@mfa.go.th', '--name', 'Target', '--role', 'viewer', '--password-stdin'], PASSWORD);
    for (let i = 1; i <= 10; i++) {
      const response = await postLogin({ email: 'target@mfa.go.th', password: `guess-number-${i}` });
      expect(response.status, `attempt ${i}`).toBe(401);
    }
    const eleventh = await postLogin({ email: 'target@mfa.go.th', password: PASSWORD });
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await eleventh.text()).toMatch(/Too many failed sign-ins\. Try again in 15 minutes\./);
    expect(eleventh.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
    // Other accounts are not affected.
    await signIn('limited@mfa.go.th');
  });
});

describe('access to the workspace', () => {
  it('redirects a signed-out visitor to /login?next=/workspace, and audits the refusal', async () => {
    const response = await server.get('/workspace');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?next=/workspace');
    const last = (await auditRows()).filter((r) => r.action === 'auth.refused').at(-1)!;
    expect(last).toMatchObject({ actorLabel: 'anonymous', entityType: 'request', entityId: 'GET /workspace' });
    expect(JSON.parse(last.after!)).toMatchObject({ reason: 'signed_out' });
  });

  it('refuses a made-up or tampered cookie and deletes it', async () => {
    const cookie = await signIn('limited@mfa.go.th');
    const tampered = cookie.slice(0, -1) + (cookie.endsWith('a') ? 'b' : 'a');
    const response = await server.get('/workspace', { headers: { cookie: tampered } });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
  });

  it('works under /th too, with the same session', async () => {
    const cookie = await signIn('limited@mfa.go.th');
    expect((await server.get('/th/workspace', { headers: { cookie } })).status).toBe(200);
  });
});

describe('sign-out', () => {
  it('is POST only, and the old cookie no longer works afterwards', async () => {
    const cookie = await signIn('logout@mfa.go.th');
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(200);
    const get = await server.get('/logout', { headers: { cookie } });
    expect(get.status).toBe(405);
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(200);

    const response = await server.get('/logout', { method: 'POST', headers: { cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    expect(response.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    // Sending the old cookie again (as a copy kept elsewhere would) gets nowhere: the session is gone on the server.
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(302);
    expect((await auditRows()).some((r) => r.action === 'auth.logout')).toBe(true);
  });

  it('a disabled user’s session stops working at once', async () => {
    const cookie = await signIn('leaver@mfa.go.th');
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(200);
    await userCli(['disable', '--email', 'leaver@mfa.go.th']);
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(302);
  });

  it('a password reset ends the user’s sessions', async () => {
    const cookie = await signIn('limited@mfa.go.th');
    await userCli(['reset-password', '--email', 'limited@mfa.go.th', '--password-stdin'], 'another-long-passphrase');
    expect((await server.get('/workspace', { headers: { cookie } })).status).toBe(302);
    await signIn('limited@mfa.go.th', 'another-long-passphrase');
  });
});

describe('cross-site requests', () => {
  it('a form POST to /login from a foreign Origin gets 403 and no session', async () => {
    const response = await postLogin({ email: 'editor@mfa.go.th', password: PASSWORD }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
  });

  it('a JSON POST from a foreign Origin gets 403 and is audited; under /api/ the answer is JSON', async () => {
    const page = await server.get('/login', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/text\/plain/);
    const api = await server.get('/api/v1/anything', { method: 'DELETE', headers: { origin: 'https://evil.example', 'content-type': 'application/json' } });
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: { message: expect.any(String), field: null } });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const refusals = (await auditRows()).filter((r) => r.action === 'auth.refused' && JSON.parse(r.after!).reason === 'foreign_origin');
    expect(refusals.map((r) => r.entityId)).toEqual(expect.arrayContaining(['POST /login', 'DELETE /api/v1/anything']));
    expect(JSON.parse(refusals.at(-1)!.after!)).toMatchObject({ origin: 'https://evil.example' });
  });

  it('with no Origin, Sec-Fetch-Site cross-site is refused; a bearer-token program is let through', async () => {
    const browser = await server.get('/logout', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: '{}' });
    expect(browser.status).toBe(403);
    const user = await getUserByEmail(db, 'editor@mfa.go.th');
    const { id, token } = await createApiToken(db, user!.id, 'test program', CLI_ACTOR);
    const program = await server.get('/logout', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(program.status).toBe(303);
    await revokeApiToken(db, id, CLI_ACTOR);
  });
});

describe('API tokens', () => {
  it('authenticate a request to the API as their user until revoked, and never a workspace page', async () => {
    const user = await getUserByEmail(db, 'editor@mfa.go.th');
    const { id, token } = await createApiToken(db, user!.id, 'reader', CLI_ACTOR);
    expect((await server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // Tokens are for /api/v1 only (issue 10): a workspace page treats the caller as signed out.
    expect((await server.get('/workspace', { headers: { authorization: `Bearer ${token}` } })).status).toBe(302);
    await revokeApiToken(db, id, CLI_ACTOR);
    expect((await server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('audit log', () => {
  it('holds every sign-in attempt and refusal, and its chain verifies', async () => {
    const rows = await auditRows();
    const count = (action: string) => rows.filter((r) => r.action === action).length;
    expect(count('auth.login.success')).toBeGreaterThanOrEqual(8);
    expect(count('auth.login.failure')).toBeGreaterThanOrEqual(13);
    expect(count('auth.login.refused')).toBeGreaterThanOrEqual(1);
    expect(count('auth.refused')).toBeGreaterThanOrEqual(3);
    const reasons = rows.filter((r) => r.action === 'auth.login.failure').map((r) => JSON.parse(r.after!).reason);
    expect(new Set(reasons)).toEqual(new Set(['unknown_user', 'wrong_password', 'disabled']));
    for (const row of rows.filter((r) => r.action.startsWith('auth.login'))) expect(row.ip).toMatch(/127\.0\.0\.1/);
    const verify = await runCli('db/audit-verify-cli.ts', [], server.databaseUrl);
    expect(verify.stdout.trim()).toBe(`ok: ${(await auditRows()).length} rows`);
  });
});
