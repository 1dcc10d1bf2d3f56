/** GET /sitemap-assessments/{n}.xml: published assessments with ids in the n-th span, in every language, with hreflang alternates. */
import type { APIRoute } from 'astro';
import { renderSitemap } from '../../domain/sitemap';
import { LANGUAGE_TAGS, LOCALES, localizePath } from '../../i18n/locales';
import { publicOrigin } from '../../lib/server/public-origin';
import { countAssessmentSitemaps, listAssessmentPages } from '../../lib/server/site-pages';

export const GET: APIRoute = async ({ locals, params, url }) => {
  const n = /^[1-9]\d{0,6}$/.test(params.n ?? '') ? Number(params.n) : 0;
  if (n === 0 || n > (await countAssessmentSitemaps(locals.db))) {
    return new Response('There is no such sitemap.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const origin = publicOrigin(url);
  const pages = await listAssessmentPages(locals.db, n);
  const xml = renderSitemap(
    pages.map((path) => ({
      alternates: LOCALES.map((locale) => ({ hreflang: LANGUAGE_TAGS[locale].slice(0, 2), href: `${origin}${localizePath(locale, path)}` })),
    })),
  );
  return new Response(xml, { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
