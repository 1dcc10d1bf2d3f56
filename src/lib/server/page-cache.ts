/**
 * A server-side cache of rendered public pages, kept exact by the database's data versions.
 *
 * Each cached page names the data versions it depends on (`pageDependencies`): reference
 * data (`world`), and the assessments it shows: one party's (`party:{slug}`), one
 * instrument's commitments' (`instrument:{slug}`), one theme's (`theme:{theme}`), or any
 * (`assessments`, the home page). Triggers bump those counters in the transaction that
 * publishes or changes the data (migration 0004), in whatever process writes. A page is kept
 * with the stamp it was rendered for (the day and those counters) and reused only while the
 * stamp is current: a publication re-renders exactly the pages that show it, and nothing else.
 *
 * What is kept is the finished response, security and cache headers included, so that it can
 * be answered in two places: by the middleware (`servePage`), and, ahead of Astro's whole
 * request pipeline, by the HTTP server in src/server.ts (`answerFromPageCache`, which that
 * server finds on `globalThis` because it lives outside the built bundle). Only anonymous,
 * unconditional GETs without a query string, or with `?as_of=` a past day alone (a
 * permalink), are answered from the cache. A permalink is kept with `FIXED_STAMP`: it shows
 * what was published by the end of its day, so no publication makes it stale, and the server
 * answers it without reading the database at all.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Database } from '../../../db/client';
import { todayIso } from '../../domain/dates';
import { THEMES } from '../../domain/vocabulary';
import { stripLocale } from '../../i18n/locales';
import { THEME_SLUGS } from '../../i18n/ui';
import { chooseEncoding, weakEtag, type Encoding } from './compression';
import { getDb } from './db';
import { permalinkDayOf } from './fixed-view';
import { readDataVersions } from './queries/data-version';

/** Negotiation is shared with the compression of every other response. */
export { chooseEncoding };

/** Rendered bytes (plain and compressed) the cache may hold in all. */
export const PAGE_CACHE_BYTES = 64 * 2 ** 20;

const themeBySlug = new Map(THEMES.map((theme) => [THEME_SLUGS[theme], theme]));

/** The data versions the page at `path` (without the /th prefix) depends on, or null when it is not cached. */
export function pageDependencies(path: string): string[] | null {
  if (path === '/') return ['world', 'assessments'];
  // The API's scorecard reads exactly what the party's page reads.
  const api = /^\/api\/v1\/parties\/([a-z0-9-]+)$/.exec(path);
  if (api) return ['world', `party:${api[1]}`];
  // An assessment's page lists the later assessments of its commitment: any publication may change it.
  if (/^\/assessments\/[1-9][0-9]*$/.test(path)) return ['world', 'assessments'];
  const match = /^\/(parties|instruments|themes)\/([a-z0-9-]+)\/?$/.exec(path);
  if (!match) return null;
  const [, kind, slug] = match;
  if (kind === 'parties') return ['world', `party:${slug}`];
  if (kind === 'instruments') return ['world', `instrument:${slug}`];
  const theme = themeBySlug.get(slug!);
  return theme ? ['world', `theme:${theme}`] : null;
}

/** The stamp a page rendered now from data at `versions` (readDataVersions) is kept with. */
export function pageStamp(versions: string, today: string = todayIso()): string {
  return `${today}|${versions}`;
}

/** The stamp of a permalink (a view of a past day): it never goes stale. */
export const FIXED_STAMP = 'fixed';

/** The cache key of a page: its scheme (HSTS is sent over HTTPS only) and its path, /th prefix included, with its query string (only a permalink has one). */
export function pageCacheKey(protocol: string, pathname: string, search = ''): string {
  return `${protocol}${pathname}${search}`;
}

/**
 * The `x-page-cache` header of a cached page's answer: rendered now (`miss`), or taken from the
 * cache by the middleware (`hit`) or by the server ahead of Astro (`hit-front`).
 */
export type PageCacheOutcome = 'miss' | 'hit' | 'hit-front';

interface Entry {
  /** The day and data versions the page was rendered for. */
  stamp: string;
  status: number;
  headers: [string, string][];
  /** The page as rendered, and compressed once for every reader after. */
  encoded: Record<Encoding, Buffer>;
  /** The headers of each answer, made on first use and shared by every later one (never changed). */
  answers: Map<string, [string, string][]>;
}

/**
 * The page compressed once: Brotli at quality 6 (a 640 KB scorecard in 10 ms, a fifth smaller
 * than gzip; quality 11 would take nearly two seconds) and gzip for the clients without it.
 */
function encode(body: Buffer): Record<Encoding, Buffer> {
  const br = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return { br, gzip: gzipSync(body), identity: body };
}

function sizeOf(entry: Entry): number {
  return entry.encoded.br.length + entry.encoded.gzip.length + entry.encoded.identity.length;
}

const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<Entry | Response>>();
let heldBytes = 0;

function store(key: string, entry: Entry): void {
  const old = entries.get(key);
  if (old) {
    heldBytes -= sizeOf(old);
    entries.delete(key);
  }
  const size = sizeOf(entry);
  if (size > PAGE_CACHE_BYTES / 8) return;
  for (const [oldest, held] of entries) {
    if (heldBytes + size <= PAGE_CACHE_BYTES) break;
    heldBytes -= sizeOf(held);
    entries.delete(oldest);
  }
  entries.set(key, entry);
  heldBytes += size;
}

/** The entry under `key` if it was rendered for `stamp`, marked as recently used. */
function currentEntry(key: string, stamp: string): Entry | null {
  const held = entries.get(key);
  if (!held || held.stamp !== stamp) return null;
  entries.delete(key);
  entries.set(key, held);
  return held;
}

/** Encodings chosen per `Accept-Encoding` value: clients send a handful of spellings, each parsed once. */
const encodingByHeader = new Map<string, Encoding>();

function encodingFor(acceptEncoding: string | string[] | null | undefined): Encoding {
  if (typeof acceptEncoding !== 'string') return chooseEncoding(acceptEncoding);
  let encoding = encodingByHeader.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = chooseEncoding(acceptEncoding);
    if (encodingByHeader.size >= 256) encodingByHeader.clear();
    encodingByHeader.set(acceptEncoding, encoding);
  }
  return encoding;
}

/**
 * The status, headers and body to send for `entry`, in the encoding the client prefers. The
 * headers are shared between answers: callers must not change them.
 */
function answerOf(entry: Entry, acceptEncoding: string | string[] | null | undefined, outcome: PageCacheOutcome): { status: number; headers: readonly [string, string][]; body: Buffer } {
  const encoding = encodingFor(acceptEncoding);
  const body = entry.encoded[encoding];
  const made = `${encoding}|${outcome}`;
  let headers = entry.answers.get(made);
  if (!headers) {
    // A compressed variant's ETag is weak (the bytes differ, the content does not), as for every compressed response.
    headers = entry.headers.map(([name, value]) => (name === 'etag' && encoding !== 'identity' ? [name, weakEtag(value)] : [name, value]));
    headers.push(['vary', 'accept-encoding'], ['x-page-cache', outcome], ['content-length', String(body.length)]);
    if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
    entry.answers.set(made, headers);
  }
  return { status: entry.status, headers, body };
}

function respond(entry: Entry, request: Request, outcome: PageCacheOutcome): Response {
  const { status, headers, body } = answerOf(entry, request.headers.get('accept-encoding'), outcome);
  return new Response(new Uint8Array(body), { status, headers: [...headers] });
}

/**
 * Whether a request may be answered from the cache: an anonymous GET, no query string (or a
 * permalink's `?as_of=` a past day alone), not conditional (a conditional request goes to the
 * route, which answers it with its own validators). With `signedIn`, the request of a reader
 * whose session cookie the middleware accepted (and does not refresh): a public page shows
 * nothing of its reader, so they get the page every reader gets.
 */
export function isCacheable(request: Request, url: URL, { signedIn = false }: { signedIn?: boolean } = {}): boolean {
  const { headers } = request;
  return (
    request.method === 'GET' &&
    (url.search === '' || permalinkDayOf(url.pathname, url.search) !== null) &&
    (signedIn || !headers.has('cookie')) &&
    !headers.has('authorization') &&
    !headers.has('if-none-match') &&
    !headers.has('if-modified-since')
  );
}

/**
 * Answers from the cache when the page under `key` was rendered for `stamp`; otherwise renders
 * it with `render` (concurrent requests for the same page and stamp share one render) and keeps
 * a 200 HTML or JSON answer that is public and sets no cookie. `render` returns the finished
 * response, headers and all.
 */
export async function servePage(request: Request, key: string, stamp: string, render: () => Promise<Response>): Promise<Response> {
  const held = currentEntry(key, stamp);
  if (held) return respond(held, request, 'hit');
  const job = `${key}\n${stamp}`;
  const shared = pending.get(job);
  if (shared) {
    const outcome = await shared.catch(() => null);
    // Not kept (an error, a 404, a redirect): this request renders its own.
    return outcome && !(outcome instanceof Response) ? respond(outcome, request, 'miss') : render();
  }
  const rendering = (async (): Promise<Entry | Response> => {
    const response = await render();
    const type = response.headers.get('content-type') ?? '';
    const isPublic = /^public\b/.test(response.headers.get('cache-control') ?? '');
    if (response.status !== 200 || !/^(text\/html|application\/json)\b/.test(type) || !isPublic || response.headers.has('set-cookie')) return response;
    const body = Buffer.from(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'vary', 'x-page-cache'].includes(name));
    const entry: Entry = { stamp, status: response.status, headers, encoded: encode(body), answers: new Map() };
    store(key, entry);
    return entry;
  })().finally(() => pending.delete(job));
  pending.set(job, rendering);
  const outcome = await rendering;
  return outcome instanceof Response ? outcome : respond(outcome, request, 'miss');
}

/** A request as Node's HTTP server receives it, before Astro sees it. */
export interface IncomingPageRequest {
  method?: string | undefined;
  /** The request target: path and query, as sent. */
  url?: string | undefined;
  headers: IncomingHttpHeaders;
  /** True when the server itself terminated TLS. */
  encrypted: boolean;
}

/** Headers that make a request one the cache does not answer: a reader's own, or a proxy's that could change the page's scheme or host. */
const UNCACHED_WITH = ['cookie', 'authorization', 'if-none-match', 'if-modified-since', 'forwarded', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port'];

/** Paths the cache may answer before Astro parses them: already in the one form Astro would parse them to. */
const PLAIN_PATH = /^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/;

/**
 * The cached answer to a request Astro has not seen yet, or null to let Astro handle it. The
 * same conditions as the middleware's (`isCacheable`, the page's current stamp); the answer is
 * exactly the one the middleware would give from the cache.
 */
export async function answerFromPageCache(db: Database, request: IncomingPageRequest): Promise<{ status: number; headers: readonly [string, string][]; body: Buffer } | null> {
  const target = request.url ?? '';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? '' : target.slice(queryAt);
  if (request.method !== 'GET' || !PLAIN_PATH.test(path)) return null;
  if (UNCACHED_WITH.some((name) => request.headers[name] !== undefined)) return null;
  const fixed = search !== '' && permalinkDayOf(path, search) !== null;
  if (search !== '' && !fixed) return null;
  const key = pageCacheKey(request.encrypted ? 'https:' : 'http:', path, search);
  if (!entries.has(key)) return null;
  const scopes = pageDependencies(stripLocale(path));
  if (!scopes) return null;
  const entry = currentEntry(key, fixed ? FIXED_STAMP : pageStamp(await readVersionsTogether(db, scopes)));
  return entry ? answerOf(entry, request.headers['accept-encoding'], 'hit-front') : null;
}

interface VersionsWanted {
  scopes: readonly string[];
  readers: { resolve: (versions: string) => void; reject: (error: unknown) => void }[];
}

/** Reads of data versions asked for in the current turn of the event loop, per database and scope list. */
const wanted = new Map<Database, Map<string, VersionsWanted>>();

/**
 * `readDataVersions(db, scopes)`, read once for every request asking for the same scopes in
 * one turn of the event loop (under load, the cached page's many concurrent readers): the read
 * runs after all of them arrived, so each still sees every commit made before it arrived.
 */
function readVersionsTogether(db: Database, scopes: readonly string[]): Promise<string> {
  let forDb = wanted.get(db);
  if (!forDb) {
    const batch = new Map<string, VersionsWanted>();
    forDb = batch;
    wanted.set(db, batch);
    setImmediate(() => {
      wanted.delete(db);
      for (const { scopes: asked, readers } of batch.values()) {
        readDataVersions(db, asked).then(
          (versions) => readers.forEach((r) => r.resolve(versions)),
          (error) => readers.forEach((r) => r.reject(error)),
        );
      }
    });
  }
  const key = scopes.join('\n');
  let entry = forDb.get(key);
  if (!entry) {
    entry = { scopes, readers: [] };
    forDb.set(key, entry);
  }
  const readers = entry.readers;
  return new Promise((resolve, reject) => readers.push({ resolve, reject }));
}

/** Where src/server.ts finds `answerFromPageCache` (the same symbol is spelled there). */
const PAGE_CACHE_HOOK = Symbol.for('bangkok-monitor.answer-from-page-cache');

/** Lets the HTTP server in front of Astro answer from this cache, once the database is open. */
export function offerPageCacheToServer(): void {
  (globalThis as Record<symbol, unknown>)[PAGE_CACHE_HOOK] = async (request: IncomingPageRequest) => answerFromPageCache(await getDb(), request);
}

/** How many pages and bytes the cache holds (for tests and the benchmark). */
export function pageCacheSize(): { pages: number; bytes: number } {
  return { pages: entries.size, bytes: heldBytes };
}
