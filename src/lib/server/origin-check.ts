/**
 * Cross-site request refusal, on top of Astro's own `checkOrigin`. Astro's check runs
 * first (before any app middleware) and answers form posts from a foreign or missing
 * Origin, and body-less writes from a foreign or missing Origin, with its own plain 403;
 * those never reach this code, so they are not audited. This check covers what Astro lets
 * through (JSON and other bodies from a foreign Origin; with no Origin, requests a browser
 * marked `Sec-Fetch-Site: cross-site`) and audits it, and it also refuses form posts with
 * no Origin, so that it alone is no weaker than Astro's. Programs that authenticate with a
 * bearer token and send no Origin are let through: a browser cannot attach such a header
 * cross-site without a CORS preflight, which this app never grants.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export type CrossSiteCheck =
  | { allowed: true }
  | { allowed: false; reason: 'foreign_origin' | 'cross_site_fetch' | 'form_without_origin'; origin: string | null; secFetchSite: string | null };

/** Content types a cross-site HTML form can send without a CORS preflight. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/** Whether a request may change state, judged from its method, Origin and Sec-Fetch-Site headers. */
export function checkCrossSite(request: Request, url: URL): CrossSiteCheck {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const origin = request.headers.get('origin');
  const secFetchSite = request.headers.get('sec-fetch-site');
  if (origin !== null) {
    // `null` (sandboxed frames, some redirects) is foreign too.
    return origin === url.origin ? { allowed: true } : { allowed: false, reason: 'foreign_origin', origin, secFetchSite };
  }
  if (/^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return { allowed: true };
  if (secFetchSite?.toLowerCase() === 'cross-site') return { allowed: false, reason: 'cross_site_fetch', origin, secFetchSite };
  // Browsers send Origin with every form post; a form post without one is not a browser's.
  if (FORM_TYPES.test(request.headers.get('content-type') ?? '')) return { allowed: false, reason: 'form_without_origin', origin, secFetchSite };
  return { allowed: true };
}

/** Whether a path belongs to the JSON API (which answers errors as JSON). */
export function isApiPath(pathname: string): boolean {
  return /^\/(th\/)?api(\/|$)/.test(pathname);
}

/** The 403 for a refused cross-site request: JSON for the API, a short text otherwise. */
export function crossSiteForbiddenResponse(url: URL): Response {
  const message = 'Cross-site requests that change data are not allowed.';
  if (isApiPath(url.pathname)) {
    return new Response(JSON.stringify({ error: { message, field: null } }), {
      status: 403,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
