/**
 * Every request: the page's language from the URL, the database, refusal of cross-site
 * writes, the signed-in user, cache headers, the page cache for anonymous readers, and
 * security headers. Pages in another language live under its prefix (`/th/…`, `/id/…`,
 * src/i18n/locales.ts); they are served by the same page modules, rewritten here. A write refused because another process holds the database's write lock
 * answers 503 with Retry-After, here and nowhere else.
 */
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { ConfigError } from '../db/config';
import { todayIso } from './domain/dates';
import { localeFromPath, stripLocale } from './i18n/locales';
import { t } from './i18n/ui';
import { readBearerToken, validateApiToken } from './lib/server/auth/api-tokens';
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from './lib/server/auth/cookie';
import { auditRefusal } from './lib/server/auth/guard';
import { validateSessionToken } from './lib/server/auth/session';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from './lib/server/database-busy';
import { getDb } from './lib/server/db';
import { cachePolicyOf, pageEtag, pageScopesOf, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './lib/server/http-cache';
import { matchesIfNoneMatch } from './lib/api/http';
import { checkCrossSite, crossSiteForbiddenResponse } from './lib/server/origin-check';
import { FIXED_STAMP, isCacheable, offerPageCacheToServer, pageCacheKey, pageDependencies, pageStamp, servePage } from './lib/server/page-cache';
import { fixedDayOf, IMMUTABLE_CACHE_CONTROL } from './lib/server/fixed-view';
import { readDataVersions } from './lib/server/queries/data-version';
import { applySecurityHeaders } from './lib/server/security-headers';
import { findUnsafeFormText, findUnsafeText } from './domain/text-input';
import { actionNameOf, bodyLimitFor, bodyTooLargeMessage, KNOWN_METHODS } from './lib/server/body-limit';
import { checkWriteRateLimit } from './lib/server/write-rate-limit';
import { loadDataTranslations } from './lib/server/translations';
import { withRequestVersions } from './lib/server/reference-memo';
import { needsThaiFonts, THAI_FONT_PRELOAD_HEADER } from './lib/server/thai-fonts';

offerPageCacheToServer();

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    return await handle(context, next);
  } catch (error) {
    // The one place a write refused for a locked database becomes an answer, not a 500.
    if (!isDatabaseBusy(error)) throw error;
    console.error(`warn: ${context.request.method} ${context.url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
    return applySecurityHeaders(databaseBusyResponse(context), context.url);
  }
});

/** 503 with Retry-After: JSON under /api, a plain sentence in the page's language elsewhere. */
function databaseBusyResponse(context: APIContext): Response {
  const headers = { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  if (stripLocale(context.url.pathname).startsWith('/api/')) {
    return Response.json({ error: { message: t('en', 'error.busy'), field: null } }, { status: 503, headers });
  }
  const locale = context.locals.locale ?? localeFromPath(context.url.pathname);
  return new Response(t(locale, 'error.busy'), { status: 503, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/** A refusal of the request itself (method, size, address), before anything else runs. */
function requestRefusal(context: APIContext): Response | null {
  const { request, url } = context;
  const api = stripLocale(url.pathname).startsWith('/api/');
  const text = (status: number, message: string, headers: Record<string, string> = {}) =>
    api
      ? Response.json({ error: { message, field: null } }, { status, headers: { 'cache-control': 'no-store', ...headers } })
      : new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });
  if (!KNOWN_METHODS.has(request.method)) return text(405, `The method ${request.method.slice(0, 20)} is not allowed here.`, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' });
  const limit = bodyLimitFor(url.pathname, url.search);
  if (Number(request.headers.get('content-length') ?? 0) > limit) return text(413, bodyTooLargeMessage(limit), { connection: 'close' });
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return text(400, 'The address has a malformed percent-encoding (such as %ZZ).');
  }
  return null;
}

/**
 * A JSON call of an action (`/_actions/…`) whose body is not JSON: Astro would fail on it
 * with a 500. The body is small (its limit is checked first), so it is read from a copy.
 */
async function malformedActionJson(context: APIContext): Promise<Response | null> {
  const { request, url } = context;
  if (request.method !== 'POST' || !stripLocale(url.pathname).startsWith('/_actions/')) return null;
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return null;
  const text = await request.clone().text().catch(() => null);
  if (text === null || text === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch {
    return Response.json({ code: 'BAD_REQUEST', message: 'The body is not valid JSON.' }, { status: 400, headers: { 'cache-control': 'no-store' } });
  }
}

/**
 * Refuses (400) a body with a control character or a lone surrogate in any text field, for
 * every route at once: sign-in, forms, actions and the JSON API (src/domain/text-input.ts;
 * the CSV importer checks each cell of its file with the same rule).
 */
async function unsafeTextRefusal(context: APIContext): Promise<Response | null> {
  const { request, url } = context;
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return null;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  let found: { field: string; reason: string } | null = null;
  if (/^application\/json\b/.test(type)) {
    const text = await request.clone().text().catch(() => null);
    let value: unknown;
    try {
      value = text ? JSON.parse(text) : undefined;
    } catch {
      return null; // the route answers malformed JSON itself
    }
    found = findUnsafeText(value);
  } else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await request.clone().formData().catch(() => null);
    if (form) found = findUnsafeFormText(form.entries());
  }
  if (!found) return null;
  const message = `${found.field}: ${found.reason}`;
  const inner = stripLocale(url.pathname);
  const headers = { 'cache-control': 'no-store' };
  if (inner.startsWith('/api/')) return Response.json({ error: { message, field: found.field } }, { status: 400, headers });
  if (inner.startsWith('/_actions/')) return Response.json({ code: 'BAD_REQUEST', message }, { status: 400, headers });
  return new Response(`The form could not be read: ${message}. Remove the character and send it again.\n`, {
    status: 400,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The per-user write limit of the JSON API (src/lib/server/write-rate-limit.ts) applied to
 * every action too, form posts included: 429 with Retry-After once a user is over it.
 */
async function writeLimitRefusal(context: APIContext): Promise<Response | null> {
  const { request, url, locals } = context;
  if (request.method !== 'POST' || !locals.user || actionNameOf(url.pathname, url.search) === null) return null;
  const limit = await checkWriteRateLimit(locals.db, locals.user.id);
  if (!limit.limited) return null;
  const message = `Too many changes in a short time: try again in ${limit.retryAfterSeconds} seconds.`;
  const headers = { 'retry-after': String(limit.retryAfterSeconds), 'cache-control': 'no-store' };
  if (stripLocale(url.pathname).startsWith('/_actions/')) return Response.json({ code: 'TOO_MANY_REQUESTS', message }, { status: 429, headers });
  return new Response(`${message}\n`, { status: 429, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

async function handle(context: APIContext, next: MiddlewareNext): Promise<Response> {
  // A rewrite runs this again: the request itself was checked on the first pass.
  if (!context.locals.requestChecked) {
    context.locals.requestChecked = true;
    const refused = requestRefusal(context) ?? (await malformedActionJson(context)) ?? (await unsafeTextRefusal(context));
    if (refused) return applySecurityHeaders(refused, context.url);
  }
  // A rewrite (the /th prefix, or a page's rewrite to /404) runs this again with the same
  // locals: the language decided on the first pass is kept.
  const locale = (context.locals.locale ??= localeFromPath(context.url.pathname));
  try {
    context.locals.db = await getDb();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    console.error(`error: ${message}`);
    return applySecurityHeaders(
      new Response(t(locale, 'error.unavailable'), { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' } }),
      context.url,
    );
  }
  // Likewise the request was checked and its user found on the first pass: not again.
  if ((context.locals as Partial<App.Locals>).user === undefined) {
    const crossSite = checkCrossSite(context.request, context.url);
    if (!crossSite.allowed) {
      context.locals.user = null;
      context.locals.session = null;
      await auditRefusal(context, crossSite.reason, { origin: crossSite.origin, secFetchSite: crossSite.secFetchSite });
      return applySecurityHeaders(crossSiteForbiddenResponse(context.url), context.url);
    }
    await authenticate(context);
    const held = await writeLimitRefusal(context);
    if (held) return applySecurityHeaders(held, context.url);
  }
  const inner = stripLocale(context.url.pathname);
  const policy = cachePolicyOf(inner);
  const method = context.request.method;
  const today = todayIso();
  // A view of a past day never changes: no data version to read, cached for a year.
  const fixed = policy !== 'private' && (method === 'GET' || method === 'HEAD') && fixedDayOf(inner, context.url.searchParams, locale, today) !== null;
  const conditional = policy === 'page' && (method === 'GET' || method === 'HEAD') && context.locals.etag === undefined;
  // Public pages that aggregate many rows are kept, rendered, until their data changes.
  // A signed-in reader gets the same page, unless this answer refreshes their session cookie.
  const signedIn = context.locals.user !== null;
  const cachedScopes = (signedIn ? setsNoCookie(context) && isCacheable(context.request, context.url, { signedIn }) : isCacheable(context.request, context.url)) ? pageDependencies(inner) : null;
  // One read of the data versions serves both the page's ETag and the page cache's stamp.
  const scopes = fixed ? null : conditional ? pageScopesOf(inner, context.url.searchParams) : cachedScopes;
  const versions = fixed ? FIXED_STAMP : scopes ? await readDataVersions(context.locals.db, scopes) : null;
  const publicCacheControl = fixed ? IMMUTABLE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;
  if (conditional) {
    const etag = pageEtag(context.url, versions!, fixed ? FIXED_STAMP : today);
    context.locals.etag = etag;
    if (matchesIfNoneMatch(context.request.headers.get('if-none-match'), etag)) {
      return applySecurityHeaders(new Response(null, { status: 304, headers: { etag, 'cache-control': publicCacheControl } }), context.url);
    }
  }
  const renderPage = async () => {
    // Data in the page's language (once per request, and not for an answer from the page cache).
    context.locals.translations ??= await loadDataTranslations(context.locals.db, locale);
    const response = await (inner !== context.url.pathname ? next(await rewriteTarget(context, `${inner}${context.url.search}`)) : next());
    const answer = applySecurityHeaders(withCacheHeaders(response, context, conditional ? context.locals.etag ?? null : null, policy, fixed), context.url);
    // Thai pages' two font faces, requested as soon as the answer arrives (lib/server/thai-fonts.ts).
    if (needsThaiFonts(locale, answer)) answer.headers.append('link', THAI_FONT_PRELOAD_HEADER);
    return answer;
  };
  // Every memo the render opens (translations, reference data) reuses the versions read above.
  const render = () => withRequestVersions(context.locals.db, versions, renderPage);
  if (!cachedScopes) return render();
  const key = pageCacheKey(context.url.protocol, context.url.pathname, context.url.search);
  // What is kept is served to everyone: render it as a signed-out reader sees it.
  const renderPublic = async () => {
    context.locals.user = null;
    context.locals.session = null;
    return render();
  };
  return servePage(context.request, key, fixed ? FIXED_STAMP : pageStamp(versions!, today), signedIn ? renderPublic : render);
}

/**
 * Whether this answer, so far, sets no cookie: Astro's cookie jar yields one `Set-Cookie`
 * header per cookie set or deleted (here, `authenticate` refreshing or deleting the session
 * cookie), and an empty iterator means none. A signed-in reader may be served the page cache's
 * copy only then: the cached answer carries no `Set-Cookie`, so a refreshed session sent
 * through it would be lost.
 */
function setsNoCookie(context: APIContext): boolean {
  return context.cookies.headers().next().done === true;
}

/**
 * Where a page in another language is rendered from: its address without the prefix. A
 * posted form goes along as a request with its body read into memory, so that both the
 * action and the page (which shows a refused form again with what was typed) can read it;
 * Astro's own copy of a rewritten request hands its body stream on, and the page then reads
 * an empty form.
 */
async function rewriteTarget(context: APIContext, target: string): Promise<string | Request> {
  const { request } = context;
  // Only a body of a declared size, already held to its limit (requestRefusal): browsers
  // always declare a form's; a streamed one keeps Astro's copy.
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body || !request.headers.has('content-length')) return target;
  const body = await request.clone().arrayBuffer();
  return new Request(new URL(target, context.url), { method: request.method, headers: request.headers, body });
}

/**
 * Cache headers: the page's ETag on a 200 that sets no cookie; `private, no-store` for staff
 * pages and for anything that sets a cookie (a session refresh, a sign-in); a view of a past
 * day (`fixed`) that is public, immutable for a year, the API's own ETag kept.
 */
function withCacheHeaders(response: Response, context: APIContext, etag: string | null, policy: ReturnType<typeof cachePolicyOf>, fixed: boolean): Response {
  if (response.status === 304) {
    if (fixed) response.headers.set('cache-control', IMMUTABLE_CACHE_CONTROL);
    return response;
  }
  try {
    response.headers.delete('x-probe');
  } catch {
    // Immutable headers (a fetched response): copy them.
    response = new Response(response.body, response);
  }
  const headers = response.headers;
  const setsCookie = headers.has('set-cookie') || !context.cookies.headers().next().done;
  if (policy === 'private' || setsCookie) {
    headers.set('cache-control', PRIVATE_CACHE_CONTROL);
    headers.delete('etag');
  } else if (etag && response.status === 200 && !headers.has('etag')) {
    headers.set('etag', etag);
    headers.set('cache-control', fixed ? IMMUTABLE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
  } else if (fixed && response.status === 200 && /^public\b/.test(headers.get('cache-control') ?? 'public')) {
    headers.set('cache-control', IMMUTABLE_CACHE_CONTROL);
  } else if (!headers.has('cache-control')) {
    headers.set('cache-control', response.status === 200 ? PUBLIC_CACHE_CONTROL : 'no-store');
  }
  return response;
}

/** Sets `locals.user` and `locals.session` from a bearer token or the session cookie; refreshes or deletes the cookie. */
async function authenticate(context: APIContext): Promise<void> {
  const { locals, cookies, request, url } = context;
  locals.user = null;
  locals.session = null;
  // A token is for programs on the API only: anywhere else it is ignored (signed out).
  const bearer = /^\/api\/v1(\/|$)/.test(url.pathname) ? readBearerToken(request.headers) : null;
  if (bearer) {
    locals.user = await validateApiToken(locals.db, bearer);
    return;
  }
  const secure = url.protocol === 'https:';
  const token = readSessionCookie(cookies, secure);
  if (!token) return;
  const result = await validateSessionToken(locals.db, token);
  if (!result) {
    deleteSessionCookie(cookies, secure);
    return;
  }
  if (result.refreshed) setSessionCookie(cookies, token, result.session.expiresAt, secure);
  locals.user = result.user;
  locals.session = result.session;
}
