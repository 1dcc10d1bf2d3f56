/** GET /sitemap-assessments.xml: a sitemap index naming the numbered sitemaps of published assessments. */
import type { APIRoute } from 'astro';
import { renderSitemapIndex } from '../domain/sitemap';
import { publicOrigin } from '../lib/server/public-origin';
import { countAssessmentSitemaps } from '../lib/server/site-pages';

export const GET: APIRoute = async ({ locals, url }) => {
  const origin = publicOrigin(url);
  const count = await countAssessmentSitemaps(locals.db);
  const xml = renderSitemapIndex(Array.from({ length: count }, (_, i) => `${origin}/sitemap-assessments/${i + 1}.xml`));
  return new Response(xml, { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
