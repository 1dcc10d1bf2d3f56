/**
 * A tiny caching reverse proxy for one experiment: what the public pages would deliver behind
 * a micro-cache (nginx `proxy_cache` with a few seconds' validity, or a CDN honouring
 * `s-maxage`) that also gzips. It changes nothing in the app; it only measures the effect.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { freePort } from './server';

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzipped: Buffer;
  expires: number;
}

export interface MicroCache {
  origin: string;
  stop(): Promise<void>;
}

/** Proxies GETs to `upstream`, keeping each 200 response for `ttlSeconds`; concurrent misses share one upstream fetch. */
export async function startMicroCache(upstream: string, ttlSeconds: number): Promise<MicroCache> {
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();
  const fill = async (url: string): Promise<Entry> => {
    const response = await fetch(`${upstream}${url}`, { redirect: 'manual' });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'].includes(name)) headers[name] = value;
    });
    const entry = { status: response.status, headers, body, gzipped: gzipSync(body), expires: Date.now() + ttlSeconds * 1000 };
    if (response.status === 200) cache.set(url, entry);
    return entry;
  };
  const server: Server = createServer(async (request, response) => {
    const url = request.url ?? '/';
    let entry = cache.get(url);
    if (!entry || entry.expires < Date.now()) {
      let job = pending.get(url);
      if (!job) {
        job = fill(url).finally(() => pending.delete(url));
        pending.set(url, job);
      }
      entry = await job;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzipped : entry.body;
    response.writeHead(entry.status, { ...entry.headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length, vary: 'accept-encoding' });
    response.end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
