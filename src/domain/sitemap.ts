/** The sitemap and robots.txt as text: pure, from lists of paths the caller gathers. */
import { escapeXml } from './xml';

export interface SitemapEntry {
  /** The page's URL in each language, in the order given; the first is also x-default. */
  alternates: { hreflang: string; href: string }[];
  /** The day the page's data last changed, if known (YYYY-MM-DD). */
  lastmod?: string | null;
}

/**
 * A sitemap with one <url> per page and language, each listing every language's URL (itself
 * included) and x-default as `xhtml:link` alternates, as search engines ask.
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const entry of entries) {
    const links = [
      ...entry.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(entry.alternates[0]!.href)}"/>`,
    ];
    for (const own of entry.alternates) {
      lines.push('  <url>', `    <loc>${escapeXml(own.href)}</loc>`);
      if (entry.lastmod) lines.push(`    <lastmod>${escapeXml(entry.lastmod)}</lastmod>`);
      lines.push(...links, '  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** Paths no crawler should fetch, whatever the language prefix. */
export const ROBOTS_DISALLOWED = ['/workspace', '/login', '/logout', '/_actions', '/api/v1/me', '/api/v1/assessments/', '/search?'] as const;

/**
 * robots.txt: public pages allowed; staff pages, sign-in, the staff API's write addresses
 * (`/api/v1/assessments/{id}` and below) and search results (`/search?…`) disallowed, in every language;
 * the sitemap's absolute URL.
 */
export function renderRobots(localePrefixes: readonly string[], sitemapUrls: string | readonly string[]): string {
  const lines = ['User-agent: *', 'Allow: /'];
  for (const prefix of ['', ...localePrefixes]) {
    for (const path of ROBOTS_DISALLOWED) lines.push(`Disallow: ${prefix}${path}`);
  }
  lines.push('', ...(typeof sitemapUrls === 'string' ? [sitemapUrls] : sitemapUrls).map((url) => `Sitemap: ${url}`), '');
  return lines.join('\n');
}

/** A sitemap index: the addresses of other sitemaps. */
export function renderSitemapIndex(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}
