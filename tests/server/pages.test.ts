/** Every public page type, in English, Thai and Indonesian, from a built server on its own temp database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { LOCALES } from '../../src/i18n/locales';
import { readPage, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const page = (path: string) => readPage(server, path);

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const figure = (html: string, name: string) => html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1]?.trim();

describe('home page', () => {
  it('shows the real seeded figures from the database', async () => {
    const content = loadContent();
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(figure(html, 'parties')).toBe(String(content.parties.length));
    expect(figure(html, 'instruments')).toBe(String(content.instruments.length));
    const uncc = content.instruments.find((i) => i.slug === 'un-convention-against-cybercrime')!;
    const signatories = new Set(uncc.participations.filter((p) => p.action === 'signature').map((p) => p.party)).size;
    expect(figure(html, 'signatories')).toBe(String(signatories));
    expect(figure(html, 'threshold')).toBe('40');
    // Only deposits the depositary records count: consent rows sourced to the UN Treaty Collection.
    const deposited = uncc.participations.filter((p) => ['ratification', 'acceptance', 'approval', 'accession', 'succession'].includes(p.action) && p.party !== 'eu' && p.source?.url.startsWith('https://treaties.un.org/')).length;
    expect(deposited).toBe(0);
    expect(figure(html, 'ratifications')).toBe('0');
    expect(html).toContain('href="/instruments/un-convention-against-cybercrime#deposits"');
    expect(figure(html, 'still-needed')).toBe('40');
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<svg[^>]*role="group"/);
  });

  it('is in Thai under /th, with Thai digits left as Arabic numerals and lang="th"', async () => {
    const { status, html } = await page('/th');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="th"');
    expect(html).toContain('อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์');
    expect(figure(html, 'threshold')).toBe('40');
  });
});

describe('every page type answers in both languages', () => {
  const paths = [
    '/instruments',
    '/instruments/bangkok-joint-statement-2025',
    '/instruments/un-convention-against-cybercrime',
    '/instruments/actip-2015',
    '/parties',
    '/parties?kind=state&region=asia&instrument=bangkok-joint-statement-2025',
    '/parties/tha',
    '/parties/tiktok',
    '/compare?parties=tha,bgd,npl',
    '/themes',
    '/themes/financial-flows',
    '/conferences',
    '/conferences/ic-gpos-2025',
    '/methodology',
    '/docs',
    '/docs/running',
  ];
  for (const path of paths) {
    for (const locale of LOCALES) {
      const prefix = locale === 'en' ? '' : `/${locale}`;
      it(`${prefix}${path}`, async () => {
        const { status, html } = await page(`${prefix}${path}`);
        expect(status).toBe(200);
        expect(html).toContain(`<html lang="${locale}"`);
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      });
    }
  }
});

describe('scorecard', () => {
  it('shows Thailand’s seeded assessment with its evidence link and the Partnership membership', async () => {
    const content = loadContent();
    const seeded = content.assessments.find((a) => a.party === 'tha')!;
    const { html: first } = await page('/parties/tha');
    // Assessed commitments are paged: the entry is on one of the pages the pager links to.
    const pages = [first, ...(await Promise.all([...new Set([...first.matchAll(/href="(\/parties\/tha\?page=\d+)#commitments"/g)].map((m) => m[1]!))].map(async (path) => (await page(path)).html)))];
    const html = pages.find((p) => p.includes(`id="commitment-${seeded.commitment}"`));
    expect(html, `a page holding ${seeded.commitment}`).toBeDefined();
    expect(html).toContain(seeded.evidence[0]!.url.replace(/&/g, '&amp;'));
    expect(html).toMatch(/href="#assessment-\d+"/);
    expect(text(html!)).toContain('Bangkok Joint Statement');
  });

  it('redirects an upper-case code to the canonical lower-case URL', async () => {
    const response = await server.get('/parties/THA');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/parties/tha');
  });

  it('shows what was published by the end of a past date', async () => {
    const { html } = await page('/parties/tha?as_of=2020-01-01');
    expect(html).not.toMatch(/id="assessment-\d+"/);
    expect(text(html)).toContain('Showing what the monitor had published by the end of');
  });

  it('explains a junk as_of date instead of failing', async () => {
    const { status, html } = await page('/parties/tha?as_of=2025-13-45');
    expect(status).toBe(200);
    expect(text(html)).toContain('is not a date written YYYY-MM-DD');
  });
});

describe('bad addresses and parameters', () => {
  for (const path of ['/parties/zzz', '/instruments/nope', '/themes/nope', '/conferences/nope', '/no-such-page']) {
    it(`${path} is a real 404 in the page's language`, async () => {
      const en = await page(path);
      expect(en.status).toBe(404);
      expect(en.html).toContain('Page not found');
      const th = await page(`/th${path}`);
      expect(th.status).toBe(404);
      expect(th.html).toContain('ไม่พบหน้านี้');
      const id = await page(`/id${path}`);
      expect(id.status).toBe(404);
      expect(id.html).toContain('Halaman tidak ditemukan');
    });
  }

  it('compare with 50 unknown codes gives a helpful page, not a 500', async () => {
    const codes = Array.from({ length: 50 }, (_, i) => `x${i}`).join(',');
    const { status, html } = await page(`/compare?parties=${codes}`);
    expect(status).toBe(200);
    expect(text(html)).toContain('not parties the monitor tracks');
  });

  it('compare with more than five parties shows the first five and says so', async () => {
    const { html } = await page('/compare?parties=tha,bgd,npl,per,are,vnm,khm');
    expect(text(html)).toContain('Only five parties can be compared');
    // Each table (by instrument, by theme) heads its columns with the same five parties.
    const heads = [...html.matchAll(/<th scope="col"[^>]*><a href="\/parties\/(\w+)"/g)].map((m) => m[1]);
    expect(new Set(heads)).toEqual(new Set(['tha', 'bgd', 'npl', 'per', 'are']));
  });

  it('unknown filter values on /parties are named and ignored', async () => {
    const { status, html } = await page('/parties?kind=planet');
    expect(status).toBe(200);
    expect(text(html)).toContain('not recognised');
  });
});

describe('security headers', () => {
  it('are on every page', async () => {
    const { headers } = await page('/');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('page budgets', () => {
  it('a scorecard is at most 60 KB gzipped and ships no JavaScript: its scores are drawn on the server', async () => {
    const { gzipSync } = await import('node:zlib');
    for (const path of ['/parties/tha', '/th/parties/tha']) {
      const { html } = await page(path);
      const gzipped = gzipSync(html).length;
      expect(gzipped, `${path} is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(60 * 1024);
      expect(html).not.toContain('<astro-island');
      expect(html).not.toMatch(/<script[^>]+src=/);
      // The scores are drawn all the same, as bars in their table's cells.
      expect(html).toMatch(/data-score-chart="by-instrument"[\s\S]*?<span class="meter" aria-hidden="true"><span style="width:\d+%/);
    }
  });

  it('an instrument page hydrates its chart readout only on the first pointer over the chart', async () => {
    const { html } = await page('/instruments/un-convention-against-cybercrime');
    const islands = html.match(/<astro-island[^>]*>/g) ?? [];
    expect(islands.length).toBe(1);
    expect(islands[0]).toContain('client="interact"');
    expect(islands[0]).toMatch(/component-url="\/_astro\/ChartReadout\.[^"]+\.js"/);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('the home page map is drawn on the server and ships no JavaScript', async () => {
    const { html } = await page('/');
    expect(html).not.toContain('<astro-island');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toMatch(/<a [^>]*href="\/parties\/tha"[^>]*aria-label="Thailand: score/);
  });
});
