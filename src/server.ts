/**
 * The production HTTP server: `npm run serve` runs it with Node 24 (which runs TypeScript
 * directly), after `npm run build`.
 *
 * It is Astro's own standalone server (the Node adapter's handler: static files, then the
 * app) with one thing ahead of it: a public page already in the page cache and still current
 * is written straight to the socket, without building a Fetch request, routing, running the
 * middleware and streaming the response back (src/lib/server/page-cache.ts decides, with the
 * same rules and the same stored bytes as the middleware). That pipeline costs about a
 * millisecond of CPU per request, which is what a spike of readers on one scorecard pays.
 *
 * Every response is compressed when it benefits and the client asks (lib/server/compression.ts).
 * One worker process per core serves (lib/server/cluster.ts; WEB_CONCURRENCY overrides, 1 runs
 * no cluster); SIGTERM lets requests in flight finish before exiting.
 *
 * `node dist/server/entry.mjs` still serves the site the same way, without the shortcut.
 * Environment: HOST and PORT (as Astro's server), SERVER_CERT_PATH and SERVER_KEY_PATH for
 * TLS, WEB_CONCURRENCY, BUILD_DIR (the build to serve, dist/ by default; `npm start` sets it),
 * and everything the app reads (README, Configuration).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runPrimary, stopGracefullyOnSignal, workerCount } from './lib/server/cluster.ts';
import { compressResponse } from './lib/server/compression.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;
type CachedAnswer = { status: number; headers: [string, string][]; body: Buffer };
type AnswerFromPageCache = (request: { method?: string | undefined; url?: string | undefined; headers: IncomingMessage['headers']; encrypted: boolean }) => Promise<CachedAnswer | null>;

/** Where the app offers its page cache once loaded (spelled the same in page-cache.ts). */
const PAGE_CACHE_HOOK = Symbol.for('bangkok-monitor.answer-from-page-cache');

/** The build to serve: BUILD_DIR (set by `npm start`, src/start.ts), else dist/ beside src/. */
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

/** Writes a cached page, or hands the request to Astro. */
function serveRequest(handler: NodeHandler, req: IncomingMessage, res: ServerResponse): void {
  compressResponse(req, res);
  const answer = answerFromPageCache();
  if (!answer || req.method !== 'GET') return handler(req, res);
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  answer({ method: req.method, url: req.url, headers: req.headers, encrypted }).then(
    (cached) => {
      if (!cached) return handler(req, res);
      res.writeHead(cached.status, cached.headers.flat());
      res.end(cached.body);
    },
    // The cache could not tell (the database unreadable for a moment): Astro answers, or reports.
    () => handler(req, res),
  );
}

/** Loads the built app and serves it on HOST:PORT, stopping gracefully on SIGTERM. */
async function serveHere(): Promise<void> {
  // The built entry starts its own server unless told not to; this one takes its place.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = new URL('server/entry.mjs', buildDir);
  const { handler, options } = (await import(entry.href)) as { handler: NodeHandler; options: { host?: string | boolean; port?: number } };
  const serve = (req: IncomingMessage, res: ServerResponse) => serveRequest(handler, req, res);
  const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : options.host ? '0.0.0.0' : 'localhost');
  const port = process.env.PORT ? Number(process.env.PORT) : (options.port ?? 8080);
  const tls = process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH ? { cert: readFileSync(process.env.SERVER_CERT_PATH), key: readFileSync(process.env.SERVER_KEY_PATH) } : null;
  const server = tls ? createHttpsServer(tls, serve) : createHttpServer(serve);
  stopGracefullyOnSignal(server);
  server.listen(port, host, () => {
    if (cluster.isPrimary) console.log(`Server listening on ${tls ? 'https' : 'http'}://${host}:${port}`);
  });
}
