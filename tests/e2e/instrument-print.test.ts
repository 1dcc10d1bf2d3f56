/**
 * An instrument prints as a short A4 briefing (issue 14.12): the Convention and the Joint
 * Statement, in English and Thai, print on at most three pages, with the page's address and
 * its dated permalink on the paper, sources as footnotes and no navigation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The number of pages in a PDF Chromium wrote: its page objects (not the /Pages tree node). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('printed instrument briefing', () => {
  it.each([
    '/instruments/un-convention-against-cybercrime',
    '/instruments/bangkok-joint-statement-2025',
    '/th/instruments/un-convention-against-cybercrime',
    '/th/instruments/bangkok-joint-statement-2025',
  ])('%s prints on at most 3 A4 pages with its address and permalink', async (path) => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      // The permalink is a link on the paper: Chromium writes its address into the PDF.
      expect(pdf.toString('latin1')).toContain(`/URI (${server.origin}${path}?as_of=`);

      await page.emulateMedia({ media: 'print' });
      const address = await page.locator('[data-print="address"]').innerText();
      expect(address).toContain(`${server.origin}${path}`);
      expect(await page.locator('[data-print="address"]').isVisible()).toBe(true);
      for (const nav of await page.locator('.site-header nav').all()) expect(await nav.isVisible()).toBe(false);
      expect(await page.locator('section.footnotes').isVisible()).toBe(true);
      expect(await page.locator('section.footnotes li').count()).toBeGreaterThan(0);
      expect(await page.locator('table[data-table="participations"]').isVisible()).toBe(false);
      // The headline chart prints (its value readout does not).
      const chart = page.locator('[data-chart-frame="progress"] svg.chart-svg');
      if (path.includes('un-convention')) {
        expect(await chart.isVisible()).toBe(true);
        expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
        expect(await page.locator('[data-chart-frame="progress"] [data-readout]').isVisible()).toBe(false);
      }
    } finally {
      await page.close();
    }
  });
});
