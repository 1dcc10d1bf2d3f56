/**
 * A server-side cache of rendered public pages, kept exact by the database's data versions.
 *
 * Each cached page names the data versions it depends on (`pageDependencies`): reference
 * data (`world`), and the assessments it shows: one party's (`party:{slug}`), one
 * instrument's commitments' (`instrument:{slug}`), one theme's (`theme:{theme}`), or any
 * (`assessments`, the home page). Triggers bump those counters in the transaction that
 * publishes or changes the data (migration 0004), in whatever process writes. Every request
 * reads the page's counters (one indexed query) and reuses the rendered page only when they
 * and the day are unchanged: a publication re-renders exactly the pages that show it, and
 * nothing else. Only anonymous, unconditional GETs without a query string are served from
 * the cache; a page's own headers (content type, validators) are kept with it.
 */
import { gzipSync } from 'node:zlib';
import type { Client } from '@libsql/client';
import { todayIso } from '../../domain/dates';
import { THEMES } from '../../domain/vocabulary';
import { THEME_SLUGS } from '../../i18n/ui';

/** Rendered bytes (plain and gzipped) the cache may hold in all. */
export const PAGE_CACHE_BYTES = 64 * 2 ** 20;

const themeBySlug = new Map(THEMES.map((theme) => [THEME_SLUGS[theme], theme]));

/** The data versions the page at `path` (without the /th prefix) depends on, or null when it is not cached. */
export function pageDependencies(path: string): string[] | null {
  if (path === '/') return ['world', 'assessments'];
  // The API's scorecard reads exactly what the party's page reads.
  const api = /^\/api\/v1\/parties\/([a-z0-9-]+)$/.exec(path);
  if (api) return ['world', `party:${api[1]}`];
  const match = /^\/(parties|instruments|themes)\/([a-z0-9-]+)\/?$/.exec(path);
  if (!match) return null;
  const [, kind, slug] = match;
  if (kind === 'parties') return ['world', `party:${slug}`];
  if (kind === 'instruments') return ['world', `instrument:${slug}`];
  const theme = themeBySlug.get(slug!);
  return theme ? ['world', `theme:${theme}`] : null;
}

interface Entry {
  /** The data versions and day the page was rendered for. */
  stamp: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzipped: Buffer;
}

const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<Entry | Response>>();
let heldBytes = 0;

/** Reads the current counters of `scopes` (a missing counter reads 0) as one string. */
async function readStamp(client: Client, scopes: string[]): Promise<string> {
  const rows = (await client.execute({ sql: `SELECT scope, version FROM data_versions WHERE scope IN (${scopes.map(() => '?').join(',')})`, args: scopes })).rows;
  const version = new Map(rows.map((r) => [String(r.scope), Number(r.version)]));
  return `${todayIso()}|${scopes.map((s) => `${s}=${version.get(s) ?? 0}`).join('|')}`;
}

function store(key: string, entry: Entry): void {
  const old = entries.get(key);
  if (old) {
    heldBytes -= old.body.length + old.gzipped.length;
    entries.delete(key);
  }
  const size = entry.body.length + entry.gzipped.length;
  if (size > PAGE_CACHE_BYTES / 8) return;
  for (const [oldest, held] of entries) {
    if (heldBytes + size <= PAGE_CACHE_BYTES) break;
    heldBytes -= held.body.length + held.gzipped.length;
    entries.delete(oldest);
  }
  entries.set(key, entry);
  heldBytes += size;
}

function respond(entry: Entry, request: Request, outcome: 'hit' | 'miss'): Response {
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const headers = new Headers(entry.headers);
  headers.set('vary', 'accept-encoding');
  headers.set('x-page-cache', outcome);
  const body = gzip ? entry.gzipped : entry.body;
  if (gzip) headers.set('content-encoding', 'gzip');
  headers.set('content-length', String(body.length));
  return new Response(new Uint8Array(body), { status: entry.status, headers });
}

/**
 * Whether a request may be answered from the cache: an anonymous GET, no query string, not
 * conditional (a conditional request goes to the route, which answers it with its own validators).
 */
export function isCacheable(request: Request, url: URL): boolean {
  const { headers } = request;
  return (
    request.method === 'GET' &&
    url.search === '' &&
    !headers.has('cookie') &&
    !headers.has('authorization') &&
    !headers.has('if-none-match') &&
    !headers.has('if-modified-since')
  );
}

/**
 * Answers from the cache when the page's data versions and the day are those it was rendered
 * for; otherwise renders it with `render` (concurrent requests for the same page and versions
 * share one render) and keeps a 200 HTML or JSON answer.
 */
export async function servePage(client: Client, request: Request, key: string, scopes: string[], render: () => Promise<Response>): Promise<Response> {
  const stamp = await readStamp(client, scopes);
  const held = entries.get(key);
  if (held && held.stamp === stamp) {
    entries.delete(key);
    entries.set(key, held);
    return respond(held, request, 'hit');
  }
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
    if (response.status !== 200 || !/^(text\/html|application\/json)\b/.test(type) || response.headers.has('set-cookie')) return response;
    const body = Buffer.from(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name));
    const entry: Entry = { stamp, status: response.status, headers, body, gzipped: gzipSync(body) };
    store(key, entry);
    return entry;
  })().finally(() => pending.delete(job));
  pending.set(job, rendering);
  const outcome = await rendering;
  return outcome instanceof Response ? outcome : respond(outcome, request, 'miss');
}

/** How many pages and bytes the cache holds (for tests and the benchmark). */
export function pageCacheSize(): { pages: number; bytes: number } {
  return { pages: entries.size, bytes: heldBytes };
}
