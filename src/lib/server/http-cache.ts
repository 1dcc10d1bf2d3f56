/**
 * HTTP caching of the public pages. A page's ETag is derived, before rendering, from what it
 * shows: the build, the address (language and query included), the day (pages show today's
 * data unless `as_of` says otherwise) and the versions of the data it reads (pageScopesOf: a
 * party page its party's, an instrument dashboard its instrument's; see
 * queries/data-version.ts). The page cache stamps a page with the same versions. A matching `If-None-Match` gets a
 * 304 without rendering; publishing an assessment changes the version, and so every ETag of
 * a page that could show it. A view of a past day (`fixedDayOf`) never changes: it is sent with
 * `IMMUTABLE_CACHE_CONTROL` (./fixed-view.ts), and its ETag depends on the build and the address only.
 *
 * Staff pages and any response that sets a cookie are `private, no-store`. The API, the
 * downloads and the feeds make their own ETag from the body they send (src/lib/api/http.ts).
 */
import { createHash } from 'node:crypto';
import { todayIso } from '../../domain/dates';
import { pageDependencies } from './page-cache';
import { isSessionPath } from './security-headers';

/** Public responses: any cache may keep them, but must ask again (cheaply, by ETag) before each reuse. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Staff pages, sign-in, and anything that sets a cookie. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Which caching a path (without its language prefix) gets. */
export type CachePolicy = 'private' | 'self' | 'page';

/** `private`: never stored; `self`: the route sets its own ETag; `page`: a data-version ETag set here. */
export function cachePolicyOf(path: string): CachePolicy {
  // The pages of a session (security-headers.ts): never stored by a shared cache.
  if (isSessionPath(path)) return 'private';
  if (path.startsWith('/api/') || path.startsWith('/data/') || path.endsWith('/feed.xml')) return 'self';
  return 'page';
}

/** The party whose data alone a page shows (scorecard, embeds, preview image, party changes), or null for a page over all parties. */
export function partyScopeOf(path: string, params: URLSearchParams): string | null {
  const match = /^\/(?:embed\/)?parties\/([^/]+?)(?:\.svg|\/preview\.png|\/charts\/[a-z0-9_-]+\.(?:svg|png))?$/.exec(path);
  if (match) return decodeURIComponent(match[1]!).toLowerCase();
  if (path === '/changes' && params.get('party') && !params.get('instrument')) return params.get('party')!.toLowerCase();
  return null;
}

/**
 * The data versions the page at `path` (without the /th prefix) depends on: those the page
 * cache names for it, else its party's, else every published assessment's.
 */
export function pageScopesOf(path: string, params: URLSearchParams): string[] {
  const cached = pageDependencies(path);
  if (cached) return cached;
  // A chart download reads what its instrument's dashboard reads.
  const instrumentChart = /^\/instruments\/([a-z0-9-]+)\/charts\/[a-z0-9_-]+\.(?:svg|png)$/.exec(path);
  if (instrumentChart) return ['world', `instrument:${instrumentChart[1]}`];
  const party = partyScopeOf(path, params);
  return ['world', party === null ? 'assessments' : `party:${party}`];
}

/** Identifies the build, so that a new release never answers 304 for a page it renders differently. */
const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

/**
 * The weak ETag of the page at `url` (its pathname as requested, `/th` prefix included) as it
 * would be rendered on `today` from data at `versions` (readDataVersions of pageScopesOf).
 */
export function pageEtag(url: URL, versions: string, today: string = todayIso()): string {
  const key = [BUILD_ID, versions, today, url.pathname, url.search].join('\n');
  return `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}
