/**
 * HTTP caching of the public pages. A page's ETag is derived, before rendering, from what it
 * shows: the build, the address (language and query included), the day (pages show today's
 * data unless `as_of` says otherwise) and the version of the published data it reads, the
 * party's own for party pages (see queries/data-version.ts). A matching `If-None-Match` gets a
 * 304 without rendering; publishing an assessment changes the version, and so every ETag of
 * a page that could show it.
 *
 * Staff pages and any response that sets a cookie are `private, no-store`. The API, the
 * downloads and the feeds make their own ETag from the body they send (src/lib/api/http.ts).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client';
import { todayIso } from '../../domain/dates';
import { getDataVersion } from './queries/data-version';

/** Public responses: any cache may keep them, but must ask again (cheaply, by ETag) before each reuse. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Staff pages, sign-in, and anything that sets a cookie. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Which caching a path (without its language prefix) gets. */
export type CachePolicy = 'private' | 'self' | 'page';

const PRIVATE_PREFIXES = ['/workspace', '/login', '/logout', '/_actions', '/_server-islands'];

/** `private`: never stored; `self`: the route sets its own ETag; `page`: a data-version ETag set here. */
export function cachePolicyOf(path: string): CachePolicy {
  if (PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return 'private';
  if (path.startsWith('/api/') || path.startsWith('/data/') || path.endsWith('/feed.xml')) return 'self';
  return 'page';
}

/** The party whose data alone a page shows (scorecard, embeds, party changes), or null for a page over all parties. */
export function partyScopeOf(path: string, params: URLSearchParams): string | null {
  const match = /^\/(?:embed\/)?parties\/([^/]+?)(?:\.svg)?$/.exec(path);
  if (match) return decodeURIComponent(match[1]!).toLowerCase();
  if (path === '/changes' && params.get('party') && !params.get('instrument')) return params.get('party')!.toLowerCase();
  return null;
}

/** Identifies the build, so that a new release never answers 304 for a page it renders differently. */
const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

/** The weak ETag of the page at `url` (its pathname as requested, `/th` prefix included) as it would be rendered now. */
export async function pageEtag(db: Database, url: URL, scopePath: string, today: string = todayIso()): Promise<string> {
  const party = partyScopeOf(scopePath, url.searchParams);
  const version = await getDataVersion(db, party ?? undefined);
  const key = [BUILD_ID, version, party ?? '*', today, url.pathname, url.search].join('\n');
  return `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}
