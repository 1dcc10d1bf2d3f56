/**
 * Compression of every response that benefits, against the built server (src/server.ts and
 * src/lib/server/compression.ts): each compressible type is sent in Brotli or gzip when the
 * client asks, as it is when it does not, decoded once it is byte for byte the plain body
 * (nothing compressed twice), with `Vary: Accept-Encoding`, a weak ETag that still gets a 304,
 * and no body on HEAD. Partial content, small bodies and images are left alone.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompressibleType, varyWithAcceptEncoding, weakEtag } from '../../src/lib/server/compression';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A response's raw bytes and headers as sent (node:http does not decode), on a connection of its own. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(response: Raw): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  expect(encoding).toBeUndefined();
  return response.body;
}

function varies(response: Raw): boolean {
  return String(response.headers.vary ?? '').toLowerCase().split(/\s*,\s*/).includes('accept-encoding');
}

const pastDay = '2025-12-31';

/** One route per compressible type; dynamic ones have a query string, so that the page cache does not answer them. */
const ROUTES: { name: string; path: string; type: RegExp }[] = [
  { name: 'HTML page (rendered, streamed)', path: `/parties/tha?as_of=${pastDay}`, type: /^text\/html/ },
  { name: 'Thai HTML page', path: `/th/parties/tha?as_of=${pastDay}`, type: /^text\/html/ },
  { name: 'HTML page from the page cache', path: '/parties/tha', type: /^text\/html/ },
  { name: 'JSON list', path: '/api/v1/assessments?limit=100', type: /^application\/json/ },
  { name: 'JSON from the page cache', path: '/api/v1/parties/tha', type: /^application\/json/ },
  { name: 'OpenAPI document', path: '/api/v1/openapi.json', type: /^application\/json/ },
  { name: 'CSV download', path: '/data/assessments.csv', type: /^text\/csv/ },
  { name: 'Atom feed', path: '/feed.xml', type: /^application\/atom\+xml/ },
  { name: 'HTML 404 page', path: '/no-such-page', type: /^text\/html/ },
];

/** A static script of the build (stylesheets are inlined into pages; only the Convention's progress chart carries an island, hydrated on interaction). */
let staticScript: string;

beforeAll(async () => {
  server = await startServer();
  const page = (await raw('/instruments/un-convention-against-cybercrime', { 'accept-encoding': 'identity' })).body.toString();
  // The largest of the page's scripts (React's runtime, loaded on interaction), so that it is worth compressing.
  const scripts = [...new Set(page.match(/\/_astro\/[\w.-]+\.js/g) ?? [])];
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = await Promise.all(scripts.map(async (path) => ({ path, size: (await raw(path, { 'accept-encoding': 'identity' })).body.length })));
  staticScript = sizes.sort((a, b) => b.size - a.size)[0]!.path;
});
afterAll(async () => {
  await server?.stop();
});

describe.each(ROUTES)('$name', ({ path, type }) => {
  it('is compressed with Brotli or gzip when asked, and decodes once to the plain body', async () => {
    const plain = await raw(path, { 'accept-encoding': 'identity' });
    expect(String(plain.headers['content-type'])).toMatch(type);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain)).toBe(true);
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [asked, sent] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ] as const) {
      const packed = await raw(path, { 'accept-encoding': asked });
      expect(packed.status).toBe(plain.status);
      expect(packed.headers['content-encoding']).toBe(sent);
      expect(varies(packed)).toBe(true);
      expect(packed.body.length).toBeLessThan(plain.body.length);
      if (packed.headers['content-length'] !== undefined) expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
      // Decoded once, it is exactly the plain body: a second layer would not be HTML/JSON/CSV.
      expect(decode(packed).toString()).toBe(plain.body.toString());
      if (packed.headers.etag) expect(String(packed.headers.etag)).toMatch(/^W\//);
    }
  });

  it('answers HEAD with the headers of the compressed GET and no body', async () => {
    const head = await raw(path, { 'accept-encoding': 'br, gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(varies(head)).toBe(true);
    expect(head.body.length).toBe(0);
  });

  it('answers a conditional request for the compressed variant with 304 and no body', async () => {
    const first = await raw(path, { 'accept-encoding': 'br' });
    if (first.status !== 200) return;
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\//);
    const again = await raw(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
    // The 304 names the variant the client holds.
    expect(again.headers.etag).toBe(etag);
  });
});

describe('static files', () => {
  it('compresses a static script and keeps a 304 for its weak ETag', async () => {
    const plain = await raw(staticScript, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    const packed = await raw(staticScript, { 'accept-encoding': 'gzip' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers['content-length']).toBeUndefined();
    expect(varies(packed)).toBe(true);
    expect(decode(packed).equals(plain.body)).toBe(true);
    const again = await raw(staticScript, { 'accept-encoding': 'gzip', 'if-none-match': String(packed.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('leaves a range request as it is (206, the exact bytes asked for)', async () => {
    const plain = await raw(staticScript, { 'accept-encoding': 'identity' });
    const part = await raw(staticScript, { 'accept-encoding': 'br, gzip', range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.equals(plain.body.subarray(0, 100))).toBe(true);
  });

  it('sends a file under 1 KB as it is', async () => {
    const icon = await raw('/favicon.svg', { 'accept-encoding': 'br, gzip' });
    expect(icon.status).toBe(200);
    expect(icon.body.length).toBeLessThan(1024);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(Number(icon.headers['content-length'])).toBe(icon.body.length);
  });
});

describe('small dynamic responses', () => {
  it('sends an SVG embed under 1 KB as it is, still saying it varies', async () => {
    const embed = await raw('/embed/parties/tha.svg', { 'accept-encoding': 'br, gzip' });
    expect(embed.status).toBe(200);
    expect(String(embed.headers['content-type'])).toMatch(/^image\/svg\+xml/);
    expect(embed.body.length).toBeLessThan(1024);
    expect(embed.headers['content-encoding']).toBeUndefined();
    expect(Number(embed.headers['content-length'])).toBe(embed.body.length);
    expect(varies(embed)).toBe(true);
  });

  it('sends a JSON error under 1 KB as it is, with its length', async () => {
    const missing = await raw('/api/v1/parties/zzz', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.body.length).toBeLessThan(1024);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(Number(missing.headers['content-length'])).toBe(missing.body.length);
    expect(JSON.parse(missing.body.toString())).toHaveProperty('error');
  });
});

describe('the rules', () => {
  it('compresses text, JSON, XML and SVG, not images, archives or event streams', () => {
    for (const type of ['text/html; charset=utf-8', 'application/json', 'text/csv; charset=utf-8; header=present', 'application/atom+xml', 'application/geo+json', 'image/svg+xml', 'text/css', 'text/javascript']) {
      expect(isCompressibleType(type)).toBe(true);
    }
    for (const type of ['image/png', 'font/woff2', 'application/zip', 'text/event-stream', 'application/octet-stream', undefined]) {
      expect(isCompressibleType(type)).toBe(false);
    }
  });

  it('adds Accept-Encoding to Vary once, and weakens ETags once', () => {
    expect(varyWithAcceptEncoding(undefined)).toBe('Accept-Encoding');
    expect(varyWithAcceptEncoding('Origin')).toBe('Origin, Accept-Encoding');
    expect(varyWithAcceptEncoding('origin, accept-encoding')).toBe('origin, accept-encoding');
    expect(weakEtag('"abc"')).toBe('W/"abc"');
    expect(weakEtag('W/"abc"')).toBe('W/"abc"');
  });
});
