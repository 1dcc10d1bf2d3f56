/**
 * The page cache against the built server: a publication (made by another process on the
 * server's database, as a second app server or the CLI would) re-renders exactly the pages
 * that show it, and every page still served from the cache is byte for byte what a fresh
 * render gives.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { chooseEncoding } from '../../src/lib/server/page-cache';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie } from '../helpers/staff';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor', roles: ['editor', 'analyst'], parties: ['tha'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };

/** The pages the publication below (Thailand, BJS-2, a law-enforcement commitment of the Bangkok Joint Statement) changes. */
const CHANGED = ['/', '/th', '/parties/tha', '/th/parties/tha', '/api/v1/parties/tha', '/instruments/bangkok-joint-statement-2025', `/themes/${THEME_SLUGS.law_enforcement}`];
/** Cached pages it does not change. */
const UNCHANGED = ['/parties/bgd', '/th/parties/npl', '/api/v1/parties/bgd', '/instruments/un-convention-against-cybercrime', `/themes/${THEME_SLUGS.victim_protection}`];

let server: TestServer;
let db: Database;

/** A page as an anonymous reader gets it, uncompressed. */
async function read(path: string) {
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
  return { status: response.status, cache: response.headers.get('x-page-cache'), body: await response.text() };
}

/** A page's raw bytes and headers, as sent (node:http does not decode). */
function rawGet(path: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${server.origin}${path}`, { headers: { 'accept-encoding': acceptEncoding }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** The same page rendered afresh: a request with a cookie is never answered from the cache. */
async function fresh(path: string) {
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity', cookie: 'unrelated=1' } });
  expect(response.headers.get('x-page-cache')).toBeNull();
  return response.text();
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

describe('page cache', () => {
  it('renders a page once and then serves it, identical to a fresh render, compressed as asked', async () => {
    for (const path of [...CHANGED, ...UNCHANGED]) {
      const first = await read(path);
      expect(first.status, path).toBe(200);
      const second = await read(path);
      expect(second.cache, path).toMatch(/^hit/);
      expect(second.body, path).toBe(await fresh(path));
    }
    // Raw bytes (node:http does not decode): a compressed body of the stated length that unpacks to the page.
    const plain = (await read('/parties/tha')).body;
    for (const [acceptEncoding, encoding, unpack] of [
      ['gzip', 'gzip', gunzipSync],
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['br;q=0.5, gzip', 'gzip', gunzipSync],
    ] as const) {
      const raw = await rawGet('/parties/tha', acceptEncoding);
      expect(raw.headers['content-encoding'], acceptEncoding).toBe(encoding);
      expect(raw.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
      expect(unpack(raw.body).toString('utf8')).toBe(plain);
    }
  });

  it('sends the encoding the client prefers, Brotli on a tie, nothing it refuses', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(null)).toBe('identity');
  });

  it('answers ahead of Astro with the very response the middleware gives from the cache', async () => {
    for (const path of ['/parties/tha', '/th/instruments/bangkok-joint-statement-2025', '/api/v1/parties/bgd']) {
      await read(path);
      const front = await server.get(path);
      // A proxy's header keeps the request from the front server's shortcut, not from the middleware's cache.
      const middleware = await server.get(path, { headers: { forwarded: 'for=192.0.2.1' } });
      expect(front.headers.get('x-page-cache'), path).toBe('hit-front');
      expect(middleware.headers.get('x-page-cache'), path).toBe('hit');
      const headersOf = (response: Response) => [...response.headers].filter(([name]) => !['date', 'x-page-cache'].includes(name));
      expect(headersOf(front), path).toEqual(headersOf(middleware));
      expect(front.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(await front.text(), path).toBe(await middleware.text());
    }
    // Anything but a plain anonymous GET of a page's one spelling goes to Astro.
    const others: RequestInit[] = [{ method: 'HEAD' }, { headers: { authorization: 'Bearer x' } }, { headers: { 'x-forwarded-proto': 'https' } }];
    for (const init of others) {
      expect((await server.get('/parties/tha', init)).headers.get('x-page-cache')).not.toBe('hit-front');
    }
    for (const path of ['/parties/tha/', '/parties/THA', '/parties/%74ha', '//parties/tha']) {
      const response = await server.get(path);
      expect(response.headers.get('x-page-cache'), path).not.toBe('hit-front');
      await response.arrayBuffer();
    }
  });

  it('is never used for a signed-in, conditional or query-string request, nor for a 404', async () => {
    expect((await server.get('/parties/tha', { headers: { cookie: 'session=whatever' } })).headers.get('x-page-cache')).toBeNull();
    expect((await server.get('/api/v1/parties/tha', { headers: { 'if-none-match': '"x"' } })).headers.get('x-page-cache')).toBeNull();
    // A query string other than a permalink's `?as_of=` a past day alone (tests/server/permalinks.test.ts).
    expect((await server.get('/parties/tha?as_of=2026-01-01&x=1')).headers.get('x-page-cache')).toBeNull();
    expect((await server.get('/parties/tha?view=print')).headers.get('x-page-cache')).toBeNull();
    const missing = await server.get('/parties/nowhere');
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    const again = await server.get('/parties/nowhere');
    expect(again.status).toBe(404);
    expect(again.headers.get('x-page-cache')).toBeNull();
    await again.arrayBuffer();
  });

  it('serves a signed-in reader the public page every reader gets, with nothing of theirs or anyone else’s in it', async () => {
    const alice = await createStaff(db, 'alice.cache@example.org', ['editor'], ['tha']);
    const bob = await createStaff(db, 'bob.cache@example.org', ['reviewer']);
    const [aliceCookie, bobCookie] = [await sessionCookie(db, alice), await sessionCookie(db, bob)];
    const signedIn = async (path: string, cookie: string) => {
      const response = await server.get(path, { headers: { 'accept-encoding': 'identity', cookie } });
      return { status: response.status, cache: response.headers.get('x-page-cache'), setCookie: response.headers.get('set-cookie'), body: await response.text() };
    };
    // Both sessions are valid: the workspace, private and never cached, shows each their own name.
    for (const [cookie, name] of [[aliceCookie, 'alice.cache'], [bobCookie, 'bob.cache']] as const) {
      const workspace = await server.get('/workspace', { headers: { cookie } });
      expect(workspace.status).toBe(200);
      expect(workspace.headers.get('x-page-cache')).toBeNull();
      expect(await workspace.text()).toContain(name);
    }

    // A page already kept: the same bytes as the anonymous reader's, from the cache.
    const anonymous = await read('/parties/tha');
    const alicePage = await signedIn('/parties/tha', aliceCookie);
    expect(alicePage).toMatchObject({ status: 200, cache: 'hit', setCookie: null });
    expect(alicePage.body).toBe(anonymous.body);

    // A page rendered first for a signed-in reader is rendered as the public page, then kept for everyone.
    const first = await signedIn('/th/parties/bgd?as_of=2026-01-31', bobCookie);
    expect(first).toMatchObject({ status: 200, cache: 'miss', setCookie: null });
    const afterwards = await read('/th/parties/bgd?as_of=2026-01-31');
    expect(afterwards.cache).toBe('hit-front');
    expect(afterwards.body).toBe(first.body);
    expect((await signedIn('/th/parties/bgd?as_of=2026-01-31', aliceCookie)).body).toBe(first.body);
    for (const page of [alicePage.body, first.body, afterwards.body]) {
      for (const own of ['alice.cache', 'bob.cache', alice.id, bob.id]) expect(page).not.toContain(own);
      expect(page).not.toContain('account-name');
    }

    // An answer that refreshes the session cookie is rendered for its reader and kept by no one.
    await db.update(sessions).set({ lastActiveAt: Date.now() - 10 * 60 * 1000 }).where(eq(sessions.userId, alice.id));
    const refreshed = await signedIn('/parties/tha', aliceCookie);
    expect(refreshed.cache).toBeNull();
    expect(refreshed.setCookie).toMatch(/^session=/);
    expect(refreshed.body).toBe(anonymous.body);
  });

  it('after a publication, re-renders exactly the pages that show it', async () => {
    for (const path of [...CHANGED, ...UNCHANGED]) expect((await read(path)).cache, path).toMatch(/^hit/);
    const homeBefore = (await read('/')).body;

    const input = assessmentInputSchema.parse({
      party: 'tha',
      commitment: 'BJS-2',
      status: 'complete',
      assessor: 'independent',
      asOf: '2026-11-01',
      narrative: 'The specialised unit is staffed and running joint operations.',
      evidence: [{ url: 'https://www.mfa.go.th/en/unit', title: 'Unit report', publisher: 'Royal Thai Police', grade: 'official' }],
    });
    const draft = await createAssessment(db, editor, input);
    await submitAssessment(db, editor, draft.id);
    // Submitting changed nothing public: every page is still served from the cache.
    for (const path of CHANGED) expect((await read(path)).cache, path).toMatch(/^hit/);
    const published = await reviewAssessment(db, reviewer, draft.id, 'publish', null);

    for (const path of CHANGED) {
      const page = await read(path);
      expect(page.cache, path).toBe('miss');
      expect(page.body, path).toBe(await fresh(path));
    }
    // The new assessment heads the timeline (its full entry is on a later page of the assessed list).
    expect((await read('/parties/tha')).body).toContain(`href="/assessments/${published.id}"`);
    expect(homeBefore).not.toBe((await read('/')).body);
    for (const path of UNCHANGED) {
      const page = await read(path);
      expect(page.cache, path).toMatch(/^hit/);
      expect(page.body, path).toBe(await fresh(path));
    }
  });
});
