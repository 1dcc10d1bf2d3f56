/** GET /sitemap.xml: every public page in every language, with hreflang alternates (absolute URLs on the public origin). */
import type { APIRoute } from 'astro';
import { renderSitemap } from '../domain/sitemap';
import { LANGUAGE_TAGS, LOCALES, localizePath } from '../i18n/locales';
import { publicOrigin } from '../lib/server/public-origin';
import { listPublicPages } from '../lib/server/site-pages';

export const GET: APIRoute = async ({ locals, url }) => {
  const origin = publicOrigin(url);
  const pages = await listPublicPages(locals.db);
  const xml = renderSitemap(
    pages.map((path) => ({
      alternates: LOCALES.map((locale) => ({ hreflang: LANGUAGE_TAGS[locale].slice(0, 2), href: `${origin}${localizePath(locale, path)}` })),
    })),
  );
  return new Response(xml, { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
