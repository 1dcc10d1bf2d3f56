/**
 * Compression of every response that benefits from it, whatever produced it: Astro's pages
 * and endpoints (streamed), the static files, the error pages. `compressResponse(req, res)`
 * is called by src/server.ts on each request before anything writes to `res`; it wraps
 * `res.writeHead`, `res.write` and `res.end`, and decides when the status and headers are
 * known:
 *
 * - compressed: a text type (HTML, JSON, CSV, XML, SVG, CSS, JavaScript, plain text) over
 *   1 KB, in the encoding the client prefers (Brotli, then gzip), streamed through node:zlib
 *   as the body is written. A body of unknown length is held until 1 KB has been written (or
 *   it ends, shorter, and goes out as it is with its Content-Length).
 * - left alone: a response that already has a Content-Encoding (the page cache's, kept
 *   compressed), partial content (206, Content-Range), 1xx/204/304, `Cache-Control:
 *   no-transform`, server-sent events, and every other type (images, fonts, archives).
 *
 * A compressible response always says `Vary: Accept-Encoding`. A compressed one loses its
 * Content-Length and its ETag becomes weak (`"x"` → `W/"x"`): the bytes differ, the content
 * does not, and If-None-Match is compared weakly everywhere here (lib/api/http.ts, and `send`
 * for static files), so a 304 still answers the compressed variant. This module imports only
 * Node and `negotiator`, so that src/server.ts runs it unbundled and the app shares it.
 */
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants as zlib, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import Negotiator from 'negotiator';

/** Bodies shorter than this are sent as they are: compressing them saves less than the headers cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** The encodings offered, the server's preference first. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The encoding to send for an `Accept-Encoding` header: the client's choice, Brotli on a tie. */
export function chooseEncoding(acceptEncoding: string | string[] | null | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(', ') : (acceptEncoding ?? undefined);
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } });
  // Negotiator 1 breaks ties by `preferred` (its published types predate the option).
  const encodings = negotiator.encodings.bind(negotiator) as (available: string[], options: { preferred: string[] }) => string[];
  const accepted = encodings([...ENCODINGS], { preferred: [...ENCODINGS] });
  return (accepted[0] as Encoding | undefined) ?? 'identity';
}

/** Media types worth compressing: text of every kind (but an event stream) and SVG. */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:json|xml|javascript|x-javascript|ecmascript|[\w.-]+\+(?:json|xml))|image\/svg\+xml)\s*(?:;|$)/i;

/** Whether a Content-Type names a type worth compressing. */
export function isCompressibleType(contentType: string | number | string[] | undefined): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType.trim());
}

/** Adds `Accept-Encoding` to a Vary header value unless it is already there (or `*`). */
export function varyWithAcceptEncoding(vary: string | number | string[] | undefined): string {
  const current = (Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary)).trim();
  if (current === '') return 'Accept-Encoding';
  const names = current.split(',').map((name) => name.trim().toLowerCase());
  return names.includes('accept-encoding') || names.includes('*') ? current : `${current}, Accept-Encoding`;
}

/** The ETag of a compressed variant: the same tag, weak. */
export function weakEtag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`;
}

/** Brotli at quality 4 costs about as much CPU as gzip's default and sends a fifth less. */
function createEncoder(encoding: 'br' | 'gzip'): BrotliCompress | Gzip {
  return encoding === 'br' ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
}

/** Whether an If-None-Match header lists the weak form of the strong `etag`. */
function holdsWeakVariant(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? '').split(',').some((tag) => tag.trim() === `W/${etag}`);
}

type Callback = (error?: Error | null) => void;
type WriteHead = ServerResponse['writeHead'];

/** Puts the headers given to writeHead onto `res`, as Node would merge them. */
function applyHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined): void {
  if (!headers) return;
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return;
  }
  // A raw list, flat ([name, value, name, value]) or of pairs.
  const pairs: [string, string][] = [];
  if (headers.every((item) => !Array.isArray(item))) {
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
  } else {
    for (const item of headers) if (Array.isArray(item)) pairs.push([String(item[0]), String(item[1])]);
  }
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    // The first value replaces what setHeader put there; the next ones are appended (Set-Cookie).
    if (seen.has(lower)) res.appendHeader(name, value);
    else res.setHeader(name, value);
    seen.add(lower);
  }
}

/** Why a response with `status` and the headers on `res` is not compressed, or null when it may be. */
function refusal(res: ServerResponse, status: number): 'type' | 'other' | null {
  if (!isCompressibleType(res.getHeader('content-type'))) return 'type';
  if (status < 200 || status === 204 || status === 206 || status === 304) return 'other';
  if (res.hasHeader('content-encoding') || res.hasHeader('content-range')) return 'other';
  if (/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''))) return 'other';
  const length = res.getHeader('content-length');
  if (length !== undefined && Number(length) < COMPRESSION_THRESHOLD_BYTES) return 'other';
  return null;
}

/**
 * Compresses what is written to `res` when the response and the client allow it (see the
 * module comment). Call before anything is written.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const isHead = req.method === 'HEAD';
  const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown, encoding?: BufferEncoding, callback?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, encoding?: BufferEncoding, callback?: () => void) => ServerResponse;

  /** undecided: headers not sent yet; holding: a compressible body of unknown length, under the threshold so far. */
  let state: 'undecided' | 'holding' | 'plain' | 'encoding' = 'undecided';
  let status = 200;
  let reason: string | undefined;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let encoder: BrotliCompress | Gzip | null = null;

  const startEncoding = (as: 'br' | 'gzip'): void => {
    res.setHeader('content-encoding', as);
    res.removeHeader('content-length');
    const etag = res.getHeader('etag');
    if (typeof etag === 'string') res.setHeader('etag', weakEtag(etag));
    writeHead(status, reason);
    state = 'encoding';
    if (isHead) return;
    const stream = createEncoder(as);
    encoder = stream;
    let relaying = false;
    stream.on('data', (chunk: Buffer) => {
      if (!write(chunk)) stream.pause();
    });
    // The socket drained: let the encoder go on. The encoder drained: whoever writes may go on.
    res.on('drain', () => {
      if (!relaying) stream.resume();
    });
    stream.on('drain', () => {
      relaying = true;
      res.emit('drain');
      relaying = false;
    });
    stream.on('error', (error) => res.destroy(error));
    // The client went away mid-body: stop compressing for nobody.
    res.once('close', () => stream.destroy());
  };

  /** Sends the headers now (state undecided → plain, holding or encoding). */
  const decide = (): void => {
    if (state !== 'undecided') return;
    const why = refusal(res, status);
    if (why !== 'type') res.setHeader('vary', varyWithAcceptEncoding(res.getHeader('vary')));
    if (why === null && encoding !== 'identity' && isHead) {
      // What a GET would send, without the body.
      startEncoding(encoding);
      return;
    }
    if (why === null && encoding !== 'identity') {
      if (res.hasHeader('content-length')) startEncoding(encoding);
      else state = 'holding';
      return;
    }
    const etag = res.getHeader('etag');
    if (status === 304 && encoding !== 'identity' && typeof etag === 'string' && !etag.startsWith('W/') && holdsWeakVariant(req.headers['if-none-match'], etag)) {
      // The client holds the compressed variant (a 304 carries no type to tell): name that one.
      res.setHeader('etag', weakEtag(etag));
      res.setHeader('vary', varyWithAcceptEncoding(res.getHeader('vary')));
    }
    state = 'plain';
    writeHead(status, reason);
  };

  const toBuffer = (chunk: unknown, chunkEncoding?: BufferEncoding): Buffer =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk), chunkEncoding);

  /** Writes what was held through the encoder once past the threshold, or as it is at the end. */
  const release = (ending: boolean): void => {
    const body = Buffer.concat(held);
    held = [];
    if (ending && heldBytes < COMPRESSION_THRESHOLD_BYTES) {
      res.setHeader('content-length', String(body.length));
      state = 'plain';
      writeHead(status, reason);
      if (body.length > 0) write(body);
      return;
    }
    startEncoding(encoding as 'br' | 'gzip');
    if (encoder && body.length > 0) encoder.write(body);
  };

  res.writeHead = function (this: ServerResponse, code: number, reasonOrHeaders?: unknown, headers?: unknown) {
    if (state !== 'undecided') return writeHead(code, typeof reasonOrHeaders === 'string' ? reasonOrHeaders : undefined);
    status = code;
    res.statusCode = code;
    if (typeof reasonOrHeaders === 'string') reason = reasonOrHeaders;
    applyHeaders(res, (typeof reasonOrHeaders === 'string' ? headers : reasonOrHeaders) as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined);
    decide();
    return res;
  } as WriteHead;

  res.write = function (this: ServerResponse, chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    const chunkEncoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as Callback | undefined;
    if (state === 'undecided') {
      status = res.statusCode;
      decide();
    }
    if (state === 'holding') {
      const buffer = toBuffer(chunk, chunkEncoding);
      held.push(buffer);
      heldBytes += buffer.length;
      if (heldBytes >= COMPRESSION_THRESHOLD_BYTES) release(false);
      if (done) process.nextTick(done);
      return true;
    }
    if (state === 'encoding') {
      if (!encoder) {
        if (done) process.nextTick(done);
        return true;
      }
      return encoder.write(toBuffer(chunk, chunkEncoding), done);
    }
    return write(chunk, chunkEncoding, done);
  } as ServerResponse['write'];

  res.end = function (this: ServerResponse, chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    const chunkEncoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as (() => void) | undefined;
    if (state === 'undecided') {
      status = res.statusCode;
      // A body given whole to end() has a known length.
      if (chunk !== undefined && chunk !== null && !res.hasHeader('content-length') && !res.headersSent) {
        res.setHeader('content-length', String(toBuffer(chunk, chunkEncoding).length));
      }
      decide();
    }
    if (state === 'holding') {
      if (chunk !== undefined && chunk !== null) {
        const buffer = toBuffer(chunk, chunkEncoding);
        held.push(buffer);
        heldBytes += buffer.length;
      }
      release(true);
      chunk = undefined;
    }
    if (state === 'encoding' && encoder) {
      const stream: BrotliCompress | Gzip = encoder;
      stream.once('end', () => end(done));
      if (chunk !== undefined && chunk !== null) stream.end(toBuffer(chunk, chunkEncoding));
      else stream.end();
      return res;
    }
    return chunk === undefined || chunk === null ? end(done) : end(chunk, chunkEncoding, done);
  } as ServerResponse['end'];
}
