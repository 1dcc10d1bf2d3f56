/**
 * The server sends the build's static files itself (src/lib/server/static-files.ts) and
 * looks on disk only for paths under the client folder's own entries: hashed assets are
 * cached for a year, the favicons revalidated, anything else under those names (a missing
 * asset, a folder, a way out of the folder, a dot-file) is the site's 404 page, and every
 * other path goes to Astro without a file-system lookup.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { staticFiles } from '../../src/lib/server/static-files';
import { TMP_DIR } from '../helpers/paths';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

describe('which paths may name a static file', () => {
  const dir = mkdtempSync(join(TMP_DIR, 'static-files-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'a.1234.js'), 'export {};');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, '.hidden'), 'no');
  const files = staticFiles(dir);

  it('claims the client folder’s own entries and what is under them, percent-encoded or not', () => {
    for (const path of ['/favicon.svg', '/_astro/a.1234.js', '/_astro/missing.js', '/_astro', '/%5Fastro/a.1234.js', '/favicon.svg/x']) expect(files.claims(path), path).toBe(true);
  });

  it('leaves everything else to the app, dot-files and broken encodings included', () => {
    for (const path of ['/', '/parties/tha', '/th', '/favicon.ico', '/.hidden', '/%E0%A4', '/_astr', '/api/v1/parties', 'http://example.org/favicon.svg']) expect(files.claims(path), path).toBe(false);
  });

  it('claims nothing when the folder is missing', () => {
    expect(staticFiles(join(dir, 'nothing-here')).claims('/favicon.svg')).toBe(false);
  });
});

/** The status of a GET with `headers` as given (fetch would add `Cache-Control: no-cache` to a conditional request). */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    })
      .on('error', reject)
      .end();
  });
}

describe('static files from the built server', () => {
  let server: TestServer;
  let db: Database;
  let asset: string;
  beforeAll(async () => {
    ({ server, db } = await startServerWithDatabase());
    asset = `/_astro/${readdirSync('dist/client/_astro').find((name) => name.endsWith('.js'))!}`;
  });
  afterAll(() => stopServerWithDatabase(server, db));

  it('sends a hashed asset as immutable for a year, and answers 304 to its validator', async () => {
    const response = await server.get(asset);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = response.headers.get('etag')!;
    expect((await response.text()).length).toBeGreaterThan(0);
    expect(await statusOf(`${server.origin}${asset}`, { 'if-none-match': etag, 'accept-encoding': 'br, gzip' })).toBe(304);
    expect(await statusOf(`${server.origin}${asset}`, { 'if-none-match': 'W/"other"' })).toBe(200);
  });

  it('sends the favicons to be revalidated, and HEAD without a body', async () => {
    const icon = await server.get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=0');
    expect((await icon.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const head = await server.get('/favicon.svg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/svg+xml');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers the site’s 404 page for what is not a file under those names', async () => {
    for (const path of ['/_astro/no-such-file.js', '/_astro', '/_astro/', '/_astro/..%2F..%2Fpackage.json', '/favicon.svg/x']) {
      const response = await server.get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).not.toContain('"name": "bangkok-joint-statement-monitor"');
    }
  });

  it('refuses a broken percent-encoding with 400 in words, and still renders pages', async () => {
    const broken = await server.get('/parties/%E0%A4');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/broken percent-encoding/);
    const page = await server.get('/parties/tha');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1');
  });
});
