/** GET /robots.txt: public pages allowed; staff pages, sign-in, write addresses and search results not; where the sitemap is. */
import type { APIRoute } from 'astro';
import { renderRobots } from '../domain/sitemap';
import { DEFAULT_LOCALE, LOCALES, localizePath } from '../i18n/locales';
import { publicOrigin } from '../lib/server/public-origin';

export const GET: APIRoute = ({ url }) => {
  const prefixes = LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => localizePath(l, '/'));
  return new Response(renderRobots(prefixes, [`${publicOrigin(url)}/sitemap.xml`, `${publicOrigin(url)}/sitemap-assessments.xml`]), { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
