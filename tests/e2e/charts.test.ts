/**
 * Charts in Chromium at a phone's width (390 px): the plot uses the width (at least 300 px, no
 * 40 px margins), the chart is drawn before and without JavaScript (a server-drawn SVG, never
 * a blank box) with its numbers in the HTML, and the chart frames keep axe clean; English and Thai.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, localize, seriousAxeViolations, type Locale } from './browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CHART_PAGES = [
  { path: '/parties/tha', frame: 'by-instrument-independent' },
  { path: '/instruments/un-convention-against-cybercrime', frame: 'progress' },
];
const RUNS = (['en', 'th'] as Locale[]).flatMap((locale) => CHART_PAGES.map((p) => ({ ...p, locale })));

describe('charts on a 390 px phone', () => {
  it.each(RUNS)('$locale: $path has a plot at least 300 px wide, inside the screen, axe clean', async ({ path, frame, locale }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${localize(locale, path)}`);
      const figure = page.locator(`[data-chart-frame="${frame}"]`);
      await figure.scrollIntoViewIfNeeded();
      // Hydrated: the island re-laid the chart out at the width it has.
      await page.waitForFunction((name) => !document.querySelector(`[data-chart-frame="${name}"] astro-island[ssr]`), frame);
      const box = await figure.locator('svg').first().boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(300);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expect(figure.locator('a[data-download="png"]').count()).resolves.toBe(1);
      // Only what the charts own: violations elsewhere on the page belong to the page's own tests.
      const inCharts = [];
      for (const line of await seriousAxeViolations(page)) {
        const targets = (/targets: (.*?)(?: \(\+\d+ more\))?$/.exec(line)?.[1] ?? '').split(' | ');
        const hits = await page.evaluate((list) => list.some((t) => document.querySelector(t)?.closest('.chart-frame, .chart-empty')), targets);
        if (hits) inCharts.push(line);
      }
      expect(inCharts).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('charts without JavaScript', () => {
  it.each(RUNS)('$locale: $path shows the drawn chart and its numbers, with no empty box', async ({ path, frame, locale }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${localize(locale, path)}`);
      const figure = page.locator(`[data-chart-frame="${frame}"]`);
      const svg = figure.locator('svg').first();
      const box = await svg.boundingBox();
      expect(box!.height).toBeGreaterThan(50);
      // The SVG holds the marks (not an empty wrapper), and the numbers are in a table.
      expect(await svg.locator('rect, circle, path').count()).toBeGreaterThan(2);
      const table = page.locator(frame === 'progress' ? 'table[data-table="progress"]' : 'table[data-table="by-instrument"]');
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await table.textContent()).toMatch(/\p{Nd}/u);
    } finally {
      await context.close();
    }
  });
});
