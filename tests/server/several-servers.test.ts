/**
 * Several app servers on one database: two server processes started on the same database
 * file, as two machines behind a load balancer would share a remote libSQL server. A session
 * made on one is valid on the other, the sign-in limit counts attempts made on both, a
 * publication through one re-renders exactly the affected pages on the other, and the audit
 * chain verifies after writes through both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { runCli } from '../helpers/cli';
import { startServer, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie, signInOverHttp, STAFF_PASSWORD } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let a: TestServer;
let b: TestServer;
let db: Database;

/** Pages the publication below (Thailand, BJS-2, a law-enforcement commitment) changes, and cached pages it does not. */
const CHANGED = ['/parties/tha', '/th/parties/tha', '/api/v1/parties/tha', '/instruments/bangkok-joint-statement-2025', `/themes/${THEME_SLUGS.law_enforcement}`];
const UNCHANGED = ['/parties/bgd', '/th/parties/npl', '/api/v1/parties/bgd', '/instruments/un-convention-against-cybercrime'];

async function read(server: TestServer, path: string) {
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
  return { status: response.status, cache: response.headers.get('x-page-cache'), etag: response.headers.get('etag'), body: await response.text() };
}

function postLogin(server: TestServer, email: string, password: string) {
  return server.get('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, 'accept-encoding': 'identity' },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

beforeAll(async () => {
  a = await startServer();
  b = await startServer({}, a.databasePath);
  db = await openDatabase({ url: a.databaseUrl, embedded: true });
}, 240_000);
afterAll(async () => {
  db?.$client.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two app servers on one database', () => {
  it('serve the same database', () => {
    expect(b.databasePath).toBe(a.databasePath);
    expect(b.pid).not.toBe(a.pid);
  });

  it('accept on one a session signed in on the other', async () => {
    await createStaff(db, 'roaming@mfa.go.th', ['editor'], ['THA']);
    const cookie = await signInOverHttp(a, 'roaming@mfa.go.th', STAFF_PASSWORD);
    const me = await callApi(b, 'GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'roaming@mfa.go.th' });
    // Signed out through B, the session is gone on A too.
    const out = await b.get('/logout', { method: 'POST', headers: { cookie, origin: b.origin } });
    expect(out.status).toBeLessThan(400);
    await out.arrayBuffer();
    expect((await callApi(a, 'GET', '/api/v1/me', { cookie })).status).toBe(401);
  });

  it('count sign-in attempts made on both towards one limit', async () => {
    await createStaff(db, 'target@mfa.go.th', ['viewer']);
    for (let i = 1; i <= 10; i++) {
      const response = await postLogin(i % 2 ? a : b, 'target@mfa.go.th', `guess-number-${i}`);
      expect(response.status, `attempt ${i}`).toBe(401);
      await response.arrayBuffer();
    }
    for (const server of [a, b]) {
      const refused = await postLogin(server, 'target@mfa.go.th', STAFF_PASSWORD);
      expect(refused.status).toBe(429);
      await refused.arrayBuffer();
    }
  });

  it('re-render on one exactly the pages a publication through the other changed', async () => {
    for (const path of [...CHANGED, ...UNCHANGED]) {
      await read(b, path);
      expect((await read(b, path)).cache, path).toMatch(/^hit/);
    }
    const before = Object.fromEntries(await Promise.all([...CHANGED, ...UNCHANGED].map(async (path) => [path, await read(b, path)] as const)));

    const editor = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
    const reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
    const editorCookie = await sessionCookie(db, editor);
    const created = await callApi(a, 'POST', '/api/v1/assessments', { cookie: editorCookie, body: newAssessment({ commitment: 'BJS-2', status: 'complete', narrative: 'Published through server A.' }) });
    expect(created.status).toBe(201);
    expect((await callApi(a, 'POST', `/api/v1/assessments/${created.body.id}/submit`, { cookie: editorCookie })).status).toBe(200);
    // Submitting changed nothing public: B still answers every page from its cache.
    for (const path of CHANGED) expect((await read(b, path)).cache, path).toMatch(/^hit/);
    const published = await callApi(a, 'POST', `/api/v1/assessments/${created.body.id}/review`, { cookie: await sessionCookie(db, reviewer), body: { decision: 'publish' } });
    expect(published.status).toBe(200);

    for (const path of CHANGED) {
      const page = await read(b, path);
      expect(page.cache, path).toBe('miss');
      expect(page.etag, path).not.toBe(before[path]!.etag);
      // What B serves now is what it renders afresh (a request with a cookie bypasses the cache).
      const fresh = await b.get(path, { headers: { 'accept-encoding': 'identity', cookie: 'unrelated=1' } });
      expect(page.body, path).toBe(await fresh.text());
      // A reader holding the old page is sent the new one, not a 304.
      const revalidated = await b.get(path, { headers: { 'if-none-match': before[path]!.etag! } });
      expect(revalidated.status, path).toBe(200);
      await revalidated.arrayBuffer();
    }
    expect(await (await b.get(`/parties/tha?assessment=${created.body.id}`, { headers: { cookie: 'unrelated=1' } })).text()).toContain(`id="assessment-${created.body.id}"`);
    for (const path of UNCHANGED) {
      const page = await read(b, path);
      expect(page.cache, path).toMatch(/^hit/);
      expect(page.etag, path).toBe(before[path]!.etag);
      const revalidated = await b.get(path, { headers: { 'if-none-match': before[path]!.etag! } });
      expect(revalidated.status, path).toBe(304);
    }
  });

  it('keep the audit chain whole under writes through both', async () => {
    const editor = await createStaff(db, 'busy@mfa.go.th', ['editor'], ['THA']);
    const cookie = await sessionCookie(db, editor);
    // Interleaved, concurrent writes through both servers.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        callApi(i % 2 ? a : b, 'POST', '/api/v1/assessments', { cookie, body: newAssessment({ commitment: i % 3 ? 'BJS-1' : 'BJS-3', narrative: `Draft ${i} through server ${i % 2 ? 'A' : 'B'}.` }) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const verify = await runCli('db/audit-verify-cli.ts', [], a.databaseUrl);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^ok: \d+ rows/);
  });
});
