/**
 * What search engines and link previews read, against a built server: the sitemap lists every
 * public page in every language with hreflang alternates; robots.txt; canonical, hreflang, Open
 * Graph and Twitter tags on the pages; each party's preview image is a PNG, cached by ETag and
 * referenced from its scorecard; JSON-LD Dataset on /data.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { eq, ne } from 'drizzle-orm';
import { assessments, conferences, instruments, parties } from '../../db/schema';
import { LANGUAGE_TAGS, LOCALES, localizePath } from '../../src/i18n/locales';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const PAGES = ['/', '/parties', '/parties/tha', '/instruments', '/instruments/un-convention-against-cybercrime', '/compare', '/conferences', '/methodology', '/changes', '/data', '/search', '/themes/financial-flows', '/assessments/1'];

describe('/sitemap.xml', () => {
  it('lists every public page in every language (English, Thai, Indonesian), each with an alternate per language and x-default', async () => {
    const response = await server.get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await response.text());
    const urls = doc.urlset.url as { loc: string; 'xhtml:link': { rel: string; hreflang: string; href: string }[] }[];
    const locs = new Set(urls.map((u) => u.loc));
    const o = server.origin;
    const expected = [
      ...['/', '/instruments', '/parties', '/compare', '/conferences', '/methodology', '/changes', '/data', '/search'],
      ...(await db.select({ slug: parties.slug }).from(parties)).map((p) => `/parties/${p.slug}`),
      ...(await db.select({ slug: instruments.slug }).from(instruments)).map((i) => `/instruments/${i.slug}`),
      ...(await db.select({ slug: conferences.slug }).from(conferences)).map((c) => `/conferences/${c.slug}`),
      ...Object.values(THEME_SLUGS).map((slug) => `/themes/${slug}`),
    ];
    for (const path of expected) {
      for (const locale of LOCALES) expect(locs, `${locale} ${path}`).toContain(`${o}${localizePath(locale, path)}`);
    }
    expect(locs).toContain(`${o}/id/parties/idn`);
    expect(urls).toHaveLength(expected.length * LOCALES.length);
    for (const url of urls) {
      const links = url['xhtml:link'];
      expect(links.map((l) => l.hreflang).sort()).toEqual(['en', 'id', 'th', 'x-default']);
      expect(links.map((l) => l.href)).toContain(url.loc);
    }
    for (const loc of locs) expect(loc).not.toMatch(/workspace|login|\/api\//);
  });
});

describe('/sitemap-assessments.xml', () => {
  it('indexes numbered sitemaps that hold every published assessment in every language, never a draft', async () => {
    const index = await server.get('/sitemap-assessments.xml');
    expect(index.status).toBe(200);
    const parsed = new XMLParser().parse(await index.text());
    const entries = [parsed.sitemapindex.sitemap].flat() as { loc: string }[];
    expect(entries.length).toBeGreaterThan(0);
    const published = (await db.select({ id: assessments.id }).from(assessments).where(eq(assessments.state, 'published'))).map((a) => a.id);
    const drafts = (await db.select({ id: assessments.id }).from(assessments).where(ne(assessments.state, 'published'))).map((a) => a.id);
    const locs = new Set<string>();
    for (const { loc } of entries) {
      expect(loc).toMatch(new RegExp(`^${server.origin}/sitemap-assessments/\\d+\\.xml$`));
      const chunk = await server.get(loc.slice(server.origin.length));
      expect(chunk.status).toBe(200);
      const urls = [new XMLParser().parse(await chunk.text()).urlset?.url ?? []].flat() as { loc: string }[];
      for (const u of urls) locs.add(u.loc);
    }
    for (const id of published) for (const locale of LOCALES) expect(locs, `${locale} ${id}`).toContain(`${server.origin}${localizePath(locale, `/assessments/${id}`)}`);
    for (const id of drafts) expect(locs).not.toContain(`${server.origin}/assessments/${id}`);
    expect(locs.size).toBe(published.length * LOCALES.length);
    for (const bad of ['/sitemap-assessments/0.xml', '/sitemap-assessments/999999.xml', '/sitemap-assessments/x.xml']) expect((await server.get(bad)).status, bad).toBe(404);
  });
});

describe('/robots.txt', () => {
  it('allows public pages, disallows staff pages and write addresses, names the sitemap', async () => {
    const response = await server.get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /workspace', 'Disallow: /th/workspace', 'Disallow: /id/workspace', 'Disallow: /login', 'Disallow: /api/v1/assessments/', `Sitemap: ${server.origin}/sitemap.xml`, `Sitemap: ${server.origin}/sitemap-assessments.xml`]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).not.toMatch(/^Disallow: \/(?:parties|instruments)?$/m);
  });
});

describe('head links and cards on every public page', () => {
  for (const path of PAGES) {
    for (const locale of LOCALES) {
      const localized = localizePath(locale, path);
      it(`${localized} has canonical, hreflang en/th/id/x-default, Open Graph and Twitter tags`, async () => {
        const response = await server.get(localized);
        expect(response.status).toBe(200);
        const html = await response.text();
        const o = server.origin;
        expect(html).toContain(`<link rel="canonical" href="${o}${localized}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="en" href="${o}${path}">`);
        for (const l of LOCALES) expect(html).toContain(`<link rel="alternate" hreflang="${l}" href="${o}${localizePath(l, path)}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${o}${path}">`);
        expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
        expect(html).toMatch(/<meta property="og:description" content="[^"]+">/);
        expect(html).toContain(`<meta property="og:url" content="${o}${localized}">`);
        expect(html).toContain(`<meta property="og:locale" content="${LANGUAGE_TAGS[locale].replace('-', '_')}">`);
        expect(html).toMatch(/<meta name="twitter:card" content="summary(?:_large_image)?">/);
      });
    }
  }
});

describe('party preview image', () => {
  it.each(['/parties/tha', '/th/parties/tha', '/id/parties/idn', '/parties/tiktok'])('%s references its PNG preview, which is served and cached by ETag', async (path) => {
    const html = await (await server.get(path)).text();
    const image = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1];
    expect(image).toBe(`${server.origin}${path}/preview.png`);
    expect(html).toContain(`<meta name="twitter:image" content="${image}">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toMatch(/<meta property="og:image:alt" content="[^"]+: [^"]+">/);
    const response = await server.get(`${path}/preview.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: 1200 × 630.
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await server.get(`${path}/preview.png`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('an unknown party has no preview (404 in words)', async () => {
    const response = await server.get('/parties/nowhere/preview.png');
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/\w/);
  });
});

describe('/data', () => {
  it.each(['/data', '/th/data', '/id/data'])('%s carries JSON-LD Dataset metadata', async (path) => {
    const html = await (await server.get(path)).text();
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(json).toBeTruthy();
    const dataset = JSON.parse(json!);
    expect(dataset['@context']).toBe('https://schema.org');
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.name).toMatch(/\S/);
    expect(dataset.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(dataset.url).toBe(`${server.origin}${path}`);
    const formats = new Set(dataset.distribution.map((d: any) => d.encodingFormat));
    expect(formats).toEqual(new Set(['text/csv', 'application/json']));
    for (const d of dataset.distribution) expect(d.contentUrl).toMatch(new RegExp(`^${server.origin}/data/[a-z-]+\\.(csv|json)$`));
  });
});
