/**
 * Every request: the page's language from the URL, the database, refusal of cross-site
 * writes, the signed-in user, the page cache for anonymous readers, and security headers. Thai pages live under `/th/…`; they are
 * served by the same page modules, rewritten here.
 */
import { defineMiddleware } from 'astro:middleware';
import type { APIContext } from 'astro';
import { ConfigError } from '../db/config';
import { localeFromPath, stripLocale } from './i18n/locales';
import { t } from './i18n/ui';
import { readBearerToken, validateApiToken } from './lib/server/auth/api-tokens';
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from './lib/server/auth/cookie';
import { auditRefusal } from './lib/server/auth/guard';
import { validateSessionToken } from './lib/server/auth/session';
import { getDb } from './lib/server/db';
import { checkCrossSite, crossSiteForbiddenResponse } from './lib/server/origin-check';
import { isCacheable, pageDependencies, servePage } from './lib/server/page-cache';
import { applySecurityHeaders } from './lib/server/security-headers';

export const onRequest = defineMiddleware(async (context, next) => {
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
  }
  const inner = stripLocale(context.url.pathname);
  const render = () => (inner !== context.url.pathname ? next(`${inner}${context.url.search}`) : next());
  // Public pages that aggregate many rows are kept, rendered, until their data changes.
  const dependencies = context.locals.user === null && isCacheable(context.request, context.url) ? pageDependencies(inner) : null;
  const response = dependencies
    ? await servePage(context.locals.db.$client, context.request, context.url.pathname, dependencies, render)
    : await render();
  return applySecurityHeaders(response, context.url);
});

/** Sets `locals.user` and `locals.session` from a bearer token or the session cookie; refreshes or deletes the cookie. */
async function authenticate(context: APIContext): Promise<void> {
  const { locals, cookies, request, url } = context;
  locals.user = null;
  locals.session = null;
  const bearer = readBearerToken(request.headers);
  if (bearer) {
    locals.user = await validateApiToken(locals.db, bearer);
    return;
  }
  const token = readSessionCookie(cookies);
  if (!token) return;
  const secure = url.protocol === 'https:';
  const result = await validateSessionToken(locals.db, token);
  if (!result) {
    deleteSessionCookie(cookies, secure);
    return;
  }
  if (result.refreshed) setSessionCookie(cookies, token, result.session.expiresAt, secure);
  locals.user = result.user;
  locals.session = result.session;
}
