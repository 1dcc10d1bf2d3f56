/**
 * The page cache against the built server: a publication (made by another process on the
 * server's database, as a second app server or the CLI would) re-renders exactly the pages
 * that show it, and every page still served from the cache is byte for byte what a fresh
 * render gives.
 */
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { startServer, type TestServer } from '../helpers/server';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor', roles: ['editor'], parties: ['tha'] };
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

/** The same page rendered afresh: a request with a cookie is never answered from the cache. */
async function fresh(path: string) {
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity', cookie: 'unrelated=1' } });
  expect(response.headers.get('x-page-cache')).toBeNull();
  return response.text();
}

beforeAll(async () => {
  server = await startServer();
  db = await openDatabase({ url: server.databaseUrl, embedded: true });
});
afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

describe('page cache', () => {
  it('renders a page once and then serves it, identical to a fresh render, gzipped when asked', async () => {
    for (const path of [...CHANGED, ...UNCHANGED]) {
      const first = await read(path);
      expect(first.status, path).toBe(200);
      const second = await read(path);
      expect(second.cache, path).toBe('hit');
      expect(second.body, path).toBe(await fresh(path));
    }
    // Raw bytes (node:http does not decode): a gzip body of the stated length that unpacks to the page.
    const gzipped = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      get(`${server.origin}/parties/tha`, { headers: { 'accept-encoding': 'gzip' }, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe((await read('/parties/tha')).body);
  });

  it('is never used for a signed-in, conditional or query-string request, nor for a 404', async () => {
    expect((await server.get('/parties/tha', { headers: { cookie: 'session=whatever' } })).headers.get('x-page-cache')).toBeNull();
    expect((await server.get('/api/v1/parties/tha', { headers: { 'if-none-match': '"x"' } })).headers.get('x-page-cache')).toBeNull();
    expect((await server.get('/parties/tha?as_of=2026-01-01')).headers.get('x-page-cache')).toBeNull();
    const missing = await server.get('/parties/nowhere');
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    const again = await server.get('/parties/nowhere');
    expect(again.status).toBe(404);
    expect(again.headers.get('x-page-cache')).toBeNull();
    await again.arrayBuffer();
  });

  it('after a publication, re-renders exactly the pages that show it', async () => {
    for (const path of [...CHANGED, ...UNCHANGED]) expect((await read(path)).cache, path).toBe('hit');
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
    for (const path of CHANGED) expect((await read(path)).cache, path).toBe('hit');
    const published = await reviewAssessment(db, reviewer, draft.id, 'publish', null);

    for (const path of CHANGED) {
      const page = await read(path);
      expect(page.cache, path).toBe('miss');
      expect(page.body, path).toBe(await fresh(path));
    }
    expect((await read('/parties/tha')).body).toContain(`id="assessment-${published.id}"`);
    expect(homeBefore).not.toBe((await read('/')).body);
    for (const path of UNCHANGED) {
      const page = await read(path);
      expect(page.cache, path).toBe('hit');
      expect(page.body, path).toBe(await fresh(path));
    }
  });
});
