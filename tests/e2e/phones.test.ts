/**
 * Every public page type on a phone (390 px), in English and Thai: no page wider than the
 * screen; every table that is wider than its box sits in a labelled, keyboard-focusable scroll
 * region with a visible "scroll sideways" hint and a first column that stays in view (and no
 * hint where nothing overflows); no serious or critical axe-core violation (incl.
 * scrollable-region-focusable). Then the frame: header links, the staff sign-in link,
 * /favicon.ico, the self-hosted Thai font, and the "what changed" date inputs with a
 * Buddhist-era year. Screenshots go to tests/e2e/screenshots/phones-*.png.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { axeRuleViolations, ensureScreenshotDir, launchBrowser, localize, pageRuns, saveScreenshot, seriousAxeViolations } from './browser';
import { pages, type PageSpec } from './pages';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/** Public page types pages.ts leaves out, and the widest compare (five parties). */
const MORE: PageSpec[] = [
  { name: 'data', path: '/data' },
  { name: 'data-quality', path: '/data/quality' },
  { name: 'search', path: '/search?q=scam' },
  { name: 'compare-five', path: '/compare?parties=tha,bgd,npl,vnm,idn' },
  { name: 'party-measures', path: '/parties/tha/measures' },
  { name: 'measure', path: '/measures/tha-anti-scam-mou-national-committee-2025' },
  { name: 'commitment', path: '/commitments/BJS-1' },
  { name: 'login', path: '/login', locales: ['en'] },
];
// The embed is a frame for other sites, not a page of this one; the error pages are covered by pages.test.ts.
const PAGES = [...pages.filter((p) => !p.path.startsWith('/embed/') && (p.status ?? 200) === 200), ...MORE];

interface TableReport {
  table: string;
  overflows: boolean;
  region: boolean;
  hint: boolean;
  sticky: boolean;
}

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let dir: string;

beforeAll(async () => {
  dir = ensureScreenshotDir();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext(PHONE);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('on a phone (390 px)', () => {
  it.each(pageRuns(PAGES))('$locale: $name ($path)', async (spec) => {
    const path = localize(spec.locale, spec.path);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status(), `HTTP status of ${path}`).toBe(200);
      await page.evaluate(() => document.fonts.ready);
      await saveScreenshot(page, { path: join(dir, `phones-${spec.name}-${spec.locale}.png`), fullPage: true });

      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect.soft(width, `${path}: the page is wider than the screen`).toBeLessThanOrEqual(390);

      const tables: TableReport[] = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main table')).map((table, index) => {
          const box = table.closest<HTMLElement>('.table-scroll');
          const name = (table as HTMLElement).dataset.table ?? `table ${index + 1}`;
          const rect = table.getBoundingClientRect();
          const overflows = box ? box.scrollWidth > box.clientWidth + 1 : rect.right > window.innerWidth + 1;
          const region = Boolean(box && box.getAttribute('role') === 'region' && box.tabIndex === 0 && (box.getAttribute('aria-label') || box.getAttribute('aria-labelledby')));
          const hintEl = box?.parentElement?.querySelector<HTMLElement>(':scope > .scroll-hint');
          const hint = Boolean(hintEl && hintEl.offsetHeight > 0 && getComputedStyle(hintEl).visibility === 'visible');
          const first = table.querySelector<HTMLElement>('tbody tr > :first-child');
          const stacked = table.classList.contains('stack') || table.classList.contains('heatmap');
          const sticky = stacked || !first || getComputedStyle(first).position === 'sticky';
          return { table: name, overflows, region, hint, sticky };
        }),
      );
      for (const t of tables) {
        if (t.overflows) {
          expect.soft(t.region, `${path}: table ${t.table} is wider than its box but not in a labelled, focusable scroll region`).toBe(true);
          expect.soft(t.hint, `${path}: table ${t.table} scrolls without a visible hint`).toBe(true);
          expect.soft(t.sticky, `${path}: table ${t.table} scrolls but its first column does not stay in view`).toBe(true);
        } else {
          expect.soft(t.hint, `${path}: table ${t.table} fits, yet shows the scroll hint`).toBe(false);
        }
      }

      const violations = await seriousAxeViolations(page);
      expect.soft(violations, `axe-core serious/critical violations on ${path} at 390 px:\n${violations.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the compare table shows the fifth party after scrolling, with the party column still in view', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/compare?parties=tha,bgd,npl,vnm,idn`);
      const region = page.locator('.table-scroll:has(table[data-table="compare-instruments"])');
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const [lastHeader, firstColumn] = await Promise.all([
        page.locator('table[data-table="compare-instruments"] thead th').last().boundingBox(),
        page.locator('table[data-table="compare-instruments"] tbody th').first().boundingBox(),
      ]);
      expect(lastHeader!.x + lastHeader!.width).toBeLessThanOrEqual(390);
      expect(firstColumn!.x).toBeGreaterThanOrEqual(0);
      expect(firstColumn!.x).toBeLessThan(40);
    } finally {
      await page.close();
    }
  });
});

describe('the frame', () => {
  it.each(['en', 'th'] as const)('%s: the header links to What changed, Data and Themes, and each answers; the footer has a staff sign-in link', async (locale) => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${localize(locale, '/')}`);
      const nav = await page.locator('.site-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const path of ['/themes', '/changes', '/data']) {
        const href = localize(locale, path);
        expect(nav).toContain(href);
        expect((await server.get(href)).status, href).toBe(200);
      }
      expect(await page.locator(`.site-footer a[href="${localize(locale, '/login')}"]`).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('a revisited page keeps its styles: a 304 carries no policy to replace the page\'s own', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/parties/bgd`);
      const again = await page.goto(`${server.origin}/parties/bgd`);
      expect(again?.status()).toBe(200);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontFamily)).toMatch(/^system-ui/);
      const first = await server.get('/parties/bgd');
      const revalidated = await server.get('/parties/bgd', { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('content-security-policy')).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('keeps every link of the scorecards a 24 px target with room around it (WCAG 2.2 target-size, as Lighthouse checks)', async () => {
    // Lighthouse's phone width; the indicators' latest values stack there, each name a link.
    const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    try {
      for (const path of ['/parties/tha', '/th/parties/tha', '/id/parties/tha']) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
        expect(await axeRuleViolations(page, ['target-size']), path).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it('serves /favicon.ico as an icon', async () => {
    const response = await server.get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/icon/);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('Thai pages render Thai in the self-hosted Sarabun (its Thai subset), preloaded, from this site, and Latin in the system font', async () => {
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'font') fonts.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`${server.origin}/th/parties/tha`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // Both faces of the first screen (Thai, 400 and 700; semibold takes 700) are fetched with the page, not found at the first layout.
      expect(await page.locator('link[rel="preload"][as="font"]').count()).toBe(2);
      const loaded = await page.evaluate(() => Array.from(document.fonts).filter((f) => f.family.replace(/["']/g, '') === 'Sarabun' && f.status === 'loaded').map((f) => f.weight));
      expect(loaded).toEqual(expect.arrayContaining(['400', '700']));
      expect(loaded).not.toContain('600');
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Sarabun/);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(new RegExp(`^200 ${server.origin.replace(/[.]/g, '\\.')}/_astro/sarabun-thai-`));
      // Each face is held to Thai characters: Latin letters and digits never wait for it.
      const ranges = await page.evaluate(() => Array.from(document.fonts).filter((f) => f.family.replace(/["']/g, '') === 'Sarabun').map((f) => f.unicodeRange));
      expect(ranges).toHaveLength(2);
      for (const range of ranges) {
        expect(range).toMatch(/U\+E01-E5B/i);
        expect(range).not.toMatch(/U\+0?0?0?0-/);
      }
    } finally {
      await page.close();
    }
  });

  it('English pages keep the system font for Latin text and preload no font', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/parties/tha`);
      expect(await page.locator('link[rel="preload"][as="font"]').count()).toBe(0);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
    } finally {
      await page.close();
    }
  });
});

describe('what changed: date inputs', () => {
  it('a Buddhist-era year in a Thai address is read as the common era, and the date inputs submit dates', async () => {
    const page = await context.newPage();
    try {
      const response = await page.goto(`${server.origin}/th/changes?party=tha&from=2569-01-01&to=2569-06-01`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('#changes-from', 'type')).toBe('date');
      expect(await page.inputValue('#changes-from')).toBe('2026-01-01');
      expect(await page.inputValue('#changes-to')).toBe('2026-06-01');
      await page.fill('#changes-from', '2025-10-01');
      await Promise.all([page.waitForURL(/from=2025-10-01/), page.locator('#changes-from').evaluate((input) => (input as HTMLInputElement).form!.requestSubmit())]);
      expect(new URL(page.url()).searchParams.get('to')).toBe('2026-06-01');
      expect(await page.inputValue('#changes-from')).toBe('2025-10-01');
      // The window is named in Thai, in the Buddhist era.
      expect(await page.locator('[data-figure="window"]').innerText()).toContain('2568');
    } finally {
      await page.close();
    }
  });
});
