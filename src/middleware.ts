/**
 * Every request: the page's language from the URL, the database, and security headers.
 * Thai pages live under `/th/…`; they are served by the same page modules, rewritten here.
 */
import { defineMiddleware } from 'astro:middleware';
import { ConfigError } from '../db/config';
import { localeFromPath, stripLocale } from './i18n/locales';
import { t } from './i18n/ui';
import { getDb } from './lib/server/db';
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
  const inner = stripLocale(context.url.pathname);
  const response = inner !== context.url.pathname ? await next(`${inner}${context.url.search}`) : await next();
  return applySecurityHeaders(response, context.url);
});
