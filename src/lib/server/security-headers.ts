/**
 * Headers every response carries: a Content-Security-Policy, nosniff, a referrer policy, a
 * permissions policy, and HSTS over HTTPS; the pages of a session (workspace, sign-in) also a
 * cross-origin opener policy. Embeds (`/embed/…`, in every language) may be framed by other
 * sites; nothing else may.
 *
 * The policy is built in two halves. Astro (`security.csp` in astro.config.mjs) hashes every
 * script and style it puts on a page and sends `script-src` and `style-src` with those hashes
 * in the page's header; this module adds the directives Astro leaves to the site. Responses
 * Astro did not render (API JSON, feeds, badges, errors from the middleware) get a policy that
 * allows nothing at all.
 */
// With its extension: src/server.ts loads this module in plain Node too.
import { stripLocale } from '../../i18n/locales.ts';

/** Directives added to every HTML page Astro renders (it supplies script-src and style-src). */
const PAGE_DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"];

/** The whole policy of a response that is not an Astro page: it may load and run nothing. */
const NOTHING_DIRECTIVES = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"];

/** Who may frame an embed: `EMBED_FRAME_ANCESTORS` (a CSP source list), every site by default. */
export function embedFrameAncestors(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.EMBED_FRAME_ANCESTORS?.trim();
  // Only characters a source list can hold: no `;` or `,` that would start another directive or policy.
  if (configured && /^[\w\s:/.*'\-]+$/.test(configured)) return configured;
  return '*';
}

/**
 * Where a session lives: the staff workspace, signing in and out, and the actions that write.
 * Their pages hold a signed-in person's data (drafts not yet public, the review queue, the
 * sign-in form), so they are cut off from any window that opened them
 * (`Cross-Origin-Opener-Policy: same-origin`) and get a renderer process of their own.
 */
const SESSION_PREFIXES = ['/workspace', '/login', '/logout', '/_actions', '/_server-islands'];

/** True for an address (with or without a language prefix) under SESSION_PREFIXES. */
export function isSessionPath(pathname: string): boolean {
  const path = stripLocale(pathname);
  return SESSION_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The opener policy of a response. Public pages send none: they are the same document for every
 * reader (no session's data, no form that posts), and `same-origin` there bought no protection
 * for a reader while making every arrival from another page start a new renderer process, the
 * largest part of the public pages' blocking time in Lighthouse (115-215 ms of 157-283 ms on the
 * home page, the Convention's page and the Thai scorecard; content/docs/security.md, "Security headers").
 */
export function openerPolicyOf(pathname: string): string | null {
  return isSessionPath(pathname) ? 'same-origin' : null;
}

/** True for the embed routes, which other sites may put in an iframe. */
export function isEmbedPath(pathname: string): boolean {
  return stripLocale(pathname).startsWith('/embed/');
}

/**
 * The Content-Security-Policy for a response: Astro's script and style directives when it sent
 * some (`astroPolicy`), the site's own directives, and the frame policy.
 */
export function contentSecurityPolicy(astroPolicy: string | null, frameAncestors: string): string {
  const astro = (astroPolicy ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => /^(script|style)-src/.test(d));
  const own = astro.length > 0 ? PAGE_DIRECTIVES : NOTHING_DIRECTIVES;
  return [...own, ...astro, `frame-ancestors ${frameAncestors}`].join('; ');
}

/**
 * The headers the Node server sets before anything answers, so that static files and
 * answers Astro never sees carry them too (a page's own headers replace them).
 */
export function baselineSecurityHeaders(pathname: string): Record<string, string> {
  const embeddable = isEmbedPath(pathname);
  const openerPolicy = openerPolicyOf(pathname);
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'content-security-policy': contentSecurityPolicy(null, embeddable ? embedFrameAncestors() : "'none'"),
    ...(embeddable ? { 'cross-origin-resource-policy': 'cross-origin' } : { 'x-frame-options': 'DENY' }),
    ...(openerPolicy ? { 'cross-origin-opener-policy': openerPolicy } : {}),
  };
}

/** Adds the security headers to `response` (in place when its headers are mutable). */
export function applySecurityHeaders(response: Response, url: URL): Response {
  let headers = response.headers;
  try {
    headers.set('x-content-type-options', 'nosniff');
  } catch {
    // Some responses (e.g. from fetch) have immutable headers: copy them.
    response = new Response(response.body, response);
    headers = response.headers;
    headers.set('x-content-type-options', 'nosniff');
  }
  headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  // Astro sends pages as bare `text/html`; say the charset, so that no browser guesses it.
  if (/^text\/html\s*$/i.test(headers.get('content-type') ?? '')) headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  const embeddable = isEmbedPath(url.pathname);
  if (embeddable) {
    headers.delete('x-frame-options');
    // Badges and cards are meant to be loaded by other sites, even ones that isolate themselves.
    headers.set('cross-origin-resource-policy', 'cross-origin');
  } else {
    headers.set('x-frame-options', 'DENY');
  }
  const openerPolicy = openerPolicyOf(url.pathname);
  if (openerPolicy) headers.set('cross-origin-opener-policy', openerPolicy);
  else headers.delete('cross-origin-opener-policy');
  // A 304 has no body to protect, and caches merge its headers into the stored response: a
  // policy without the page's script hashes would then block the page's own scripts.
  if (response.status !== 304) {
    headers.set('content-security-policy', contentSecurityPolicy(headers.get('content-security-policy'), embeddable ? embedFrameAncestors() : "'none'"));
  }
  // HSTS only over HTTPS. The URL is https when the Node server terminates TLS itself, or when a
  // proxy's X-Forwarded-Proto is trusted, which Astro allows only for hosts listed in
  // `security.allowedDomains`: a client cannot switch HSTS on by sending the header itself.
  if (url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}
