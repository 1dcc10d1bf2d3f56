/**
 * Cross-site request refusal: the app's one check, run by the middleware before anything
 * else on every request, so that every refusal is audited. Astro's own
 * `security.checkOrigin` is switched off (astro.config.mjs): it covers only form content
 * types (and body-less writes), and it answers before any app middleware runs, so its
 * refusals could not be audited. This check is at least as strict as Astro's:
 *
 *  - a write (any method but GET, HEAD, OPTIONS, TRACE) whose `Origin` is not this site's
 *    own (`null` included) is refused, whatever its content type: JSON bodies too;
 *  - with no `Origin`, a write that a browser marked `Sec-Fetch-Site: cross-site` is
 *    refused;
 *  - with no `Origin`, a write a cross-site HTML form could send (a form content type) or
 *    with no body type at all is refused, as Astro's check does: every browser sends
 *    `Origin` with such requests, so these are not a browser's;
 *  - programs that authenticate with a bearer token and send no `Origin` are let through:
 *    a browser cannot attach such a header cross-site without a CORS preflight, which this
 *    app never grants, and a token is not an ambient credential a forged request could
 *    borrow. A foreign `Origin` is refused even with a token.
 *
 * Astro actions posted from forms (`?_action=…`) and called from scripts (`/_actions/…`)
 * run after the middleware, so the same check covers them.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export type CrossSiteCheck =
  | { allowed: true }
  | { allowed: false; reason: 'foreign_origin' | 'cross_site_fetch' | 'form_without_origin' | 'write_without_origin'; origin: string | null; secFetchSite: string | null };

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
  const contentType = request.headers.get('content-type');
  if (contentType === null) return { allowed: false, reason: 'write_without_origin', origin, secFetchSite };
  if (FORM_TYPES.test(contentType)) return { allowed: false, reason: 'form_without_origin', origin, secFetchSite };
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
