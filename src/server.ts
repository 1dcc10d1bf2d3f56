/**
 * The production HTTP server: `npm run serve` runs it with Node 24 (which runs TypeScript
 * directly), after `npm run build`.
 *
 * It serves the build's static files (lib/server/static-files.ts: only paths under the client
 * folder's own entries are looked for on disk) and hands everything else to Astro (the Node
 * adapter's handler in middleware mode), with one thing ahead of Astro: a public page already in the page cache and still current
 * is written straight to the socket, without building a Fetch request, routing, running the
 * middleware and streaming the response back (src/lib/server/page-cache.ts decides, with the
 * same rules and the same stored bytes as the middleware). That pipeline costs about a
 * millisecond of CPU per request, which is what a spike of readers on one scorecard pays.
 *
 * Every response is compressed when it benefits and the client asks (lib/server/compression.ts).
 * One worker process per core serves (lib/server/cluster.ts; WEB_CONCURRENCY overrides, 1 runs
 * no cluster); SIGTERM lets requests in flight finish before exiting.
 *
 * Environment: HOST and PORT (as Astro's server), SERVER_CERT_PATH and SERVER_KEY_PATH for
 * TLS, WEB_CONCURRENCY, BUILD_DIR (the build to serve, dist/ by default; `npm start` sets it),
 * REQUEST_CPU_LOG (benchmarks only: a file to which each request's CPU time is appended), and
 * everything the app reads (README, Configuration).
 */
import cluster from 'node:cluster';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runPrimary, stopGracefullyOnSignal, workerCount } from './lib/server/cluster.ts';
import { compressResponse } from './lib/server/compression.ts';
import { bodyLimitFor, bodyTooLargeMessage, KNOWN_METHODS } from './lib/server/body-limit.ts';
import { baselineSecurityHeaders } from './lib/server/security-headers.ts';
import { staticFiles, type StaticFiles } from './lib/server/static-files.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;
type CachedAnswer = { status: number; headers: [string, string][]; body: Buffer };
type AnswerFromPageCache = (request: { method?: string | undefined; url?: string | undefined; headers: IncomingMessage['headers']; encrypted: boolean }) => Promise<CachedAnswer | null>;

/** Where the app offers its page cache once loaded (spelled the same in page-cache.ts). */
const PAGE_CACHE_HOOK = Symbol.for('bangkok-monitor.answer-from-page-cache');

/** The build to serve: BUILD_DIR (set by `npm start`, src/start.ts), else dist/ beside src/. */
/** How long the rest of a refused body is read and thrown away (so that the client sees the 413) before the connection is cut. */
const DISCARD_MS = 2000;

const buildDir = process.env.BUILD_DIR ? pathToFileURL(`${resolve(process.env.BUILD_DIR)}/`) : new URL('../dist/', import.meta.url);

const workers = workerCount();
if (workers > 1 && cluster.isPrimary) {
  // The primary only forks and supervises; each worker runs this file again and serves.
  runPrimary(workers, fileURLToPath(import.meta.url));
} else {
  await serveHere();
}

function answerFromPageCache(): AnswerFromPageCache | undefined {
  return (globalThis as Record<symbol, AnswerFromPageCache | undefined>)[PAGE_CACHE_HOOK];
}

/** A short refusal written by this server itself: `{"error":{"message","field"}}` under /api, a sentence elsewhere. */
function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}, pathname = ''): void {
  const api = pathname.startsWith('/api/');
  res.writeHead(status, { 'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(api ? JSON.stringify({ error: { message, field: null } }) : `${message}\n`);
}


/**
 * Answers 413, then closes the connection. What the client still sends is read and dropped
 * (never kept) for up to {@link DISCARD_MS}, so that it stops writing on seeing the answer
 * rather than on a reset that hides the answer; then the socket is destroyed.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, pathname: string): void {
  // No `Connection: close` here: Node would then destroy the socket as soon as the answer is
  // written, and a client still sending would see a reset instead of the answer.
  refuse(res, 413, bodyTooLargeMessage(limit), {}, pathname);
  req.removeAllListeners('data');
  req.on('error', () => undefined);
  const cut = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  cut.unref();
  req.on('end', () => clearTimeout(cut));
  req.resume();
}

/**
 * Every request: the security headers are set before anything answers (static files and
 * errors included; Astro's own headers replace them where it sets them), unknown methods get
 * 405, and a body is counted against its route's limit before any of it reaches Astro. A
 * declared `Content-Length` over the limit is refused at once; a chunked body is read here,
 * counted as it arrives, refused as soon as it passes the limit, and handed on whole (it is
 * at most the limit in size).
 */
function guard(handler: NodeHandler, files: StaticFiles, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  for (const [name, value] of Object.entries(baselineSecurityHeaders(url.pathname))) res.setHeader(name, value);
  // A 304 has no body, and browsers merge its headers into the page they kept: the baseline
  // policy (it allows nothing) would replace the page's own and leave it without its styles,
  // fonts and scripts when revisited. A 304 carries no policy; the kept one stays.
  const writeHead = res.writeHead.bind(res) as (statusCode: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (statusCode === 304) res.removeHeader('content-security-policy');
    return writeHead(statusCode, ...rest);
  }) as typeof res.writeHead;
  const method = (req.method ?? 'GET').toUpperCase();
  if (!KNOWN_METHODS.has(method)) {
    req.resume();
    return refuse(res, 405, `The method ${method.slice(0, 20)} is not allowed here.`, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' }, url.pathname);
  }
  const limit = bodyLimitFor(url.pathname, url.search);
  const declared = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined) {
    if (declared !== undefined && Number(declared) > limit) return refuseTooLarge(req, res, limit, url.pathname);
    return serveRequest(handler, files, req, res);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > limit) {
      chunks.length = 0;
      refuseTooLarge(req, res, limit, url.pathname);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (received > limit) return;
    // The Node adapter reads `req.body` when it is set, instead of the consumed stream.
    (req as IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks, received);
    serveRequest(handler, files, req, res);
  });
}

/** Sends a static file, writes a cached page, or hands the request to Astro. */
function serveRequest(handler: NodeHandler, files: StaticFiles, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  // Every route and file name decodes; a broken percent-encoding is the client's error.
  try {
    decodeURI(url);
  } catch {
    return refuse(res, 400, 'The address has a broken percent-encoding (a % not followed by a valid UTF-8 sequence).', {}, url);
  }
  const query = url.indexOf('?');
  const pathname = query === -1 ? url : url.slice(0, query);
  if (files.claims(pathname)) {
    compressResponse(req, res);
    return files.serve(req, res, pathname, () => handler(req, res));
  }
  // A cached page is already compressed in the client's encoding: only Astro's answers need the wrapper.
  const toAstro = () => {
    compressResponse(req, res);
    handler(req, res);
  };
  const answer = answerFromPageCache();
  if (!answer || req.method !== 'GET') return toAstro();
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  answer({ method: req.method, url: req.url, headers: req.headers, encrypted }).then(
    (cached) => {
      if (!cached) return toAstro();
      res.writeHead(cached.status, cached.headers.flat());
      res.end(cached.body);
    },
    // The cache could not tell (the database unreadable for a moment): Astro answers, or reports.
    toAstro,
  );
}

/** Loads the built app and serves it on HOST:PORT, stopping gracefully on SIGTERM. */
async function serveHere(): Promise<void> {
  // The built entry starts its own server unless told not to; this one takes its place.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = new URL('server/entry.mjs', buildDir);
  const { handler, options } = (await import(entry.href)) as { handler: NodeHandler; options: { host?: string | boolean; port?: number } };
  const files = staticFiles(fileURLToPath(new URL('client/', buildDir)));
  const cpuLog = requestCpuLog(process.env.REQUEST_CPU_LOG);
  const serve = cpuLog
    ? (req: IncomingMessage, res: ServerResponse) => {
        cpuLog(req, res);
        guard(handler, files, req, res);
      }
    : (req: IncomingMessage, res: ServerResponse) => guard(handler, files, req, res);
  const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : options.host ? '0.0.0.0' : 'localhost');
  const port = process.env.PORT ? Number(process.env.PORT) : (options.port ?? 8080);
  const tls = process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH ? { cert: readFileSync(process.env.SERVER_CERT_PATH), key: readFileSync(process.env.SERVER_KEY_PATH) } : null;
  const server = tls ? createHttpsServer(tls, serve) : createHttpServer(serve);
  stopGracefullyOnSignal(server);
  server.listen(port, host, () => {
    if (cluster.isPrimary) console.log(`Server listening on ${tls ? 'https' : 'http'}://${host}:${port}`);
  });
}

/**
 * For benchmarks (tests/bench/scorecard-render.ts): appends `microseconds<TAB>url` per request to
 * `file`, the process's CPU time (every thread: user and system) from the request's arrival to
 * the end of its response. Meaningful for requests sent one at a time; off unless REQUEST_CPU_LOG
 * is set.
 */
function requestCpuLog(file: string | undefined): ((req: IncomingMessage, res: ServerResponse) => void) | null {
  if (!file) return null;
  const out = createWriteStream(file, { flags: 'a' });
  return (req, res) => {
    const started = process.cpuUsage();
    res.once('finish', () => {
      const spent = process.cpuUsage(started);
      out.write(`${spent.user + spent.system}\t${req.url ?? ''}\n`);
    });
  };
}
