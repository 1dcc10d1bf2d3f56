/**
 * Charts in Chromium at a phone's width (390 px) and a desktop's (1440 px): the plot uses the
 * width (at least 300 px on a phone, no 40 px margins; the whole column on a desktop, its text
 * not scaled up), the chart is drawn on the server (an SVG, never a blank box) with its numbers
 * in the HTML, a page load runs no chart JavaScript, and the chart frames keep axe clean; English
 * and Thai. The instrument's headline chart reads out the value under the pointer once hovered.
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
  { path: '/parties/tha/indicators', frame: 'indicator-tha-aoc-accounts-frozen' },
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
      const box = await figure.locator('svg.chart-svg').first().boundingBox();
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

describe('charts on a 1440 px desktop', () => {
  it.each(RUNS)('$locale: $path fills its column, with text at its own size, and loads no script', async ({ path, frame, locale }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    try {
      await page.goto(`${server.origin}${localize(locale, path)}`);
      const figure = page.locator(`[data-chart-frame="${frame}"]`);
      await figure.scrollIntoViewIfNeeded();
      const svg = figure.locator('svg.chart-svg').first();
      const [svgBox, figureBox] = [await svg.boundingBox(), await figure.boundingBox()];
      expect(svgBox!.width).toBeGreaterThan(500);
      expect(svgBox!.width).toBeGreaterThanOrEqual(figureBox!.width - 1);
      // Text keeps the size it was laid out at (11 to 13 px), however wide the chart.
      const sizes = await svg.locator('text').evaluateAll((texts) => texts.map((t) => (t as SVGTextElement).getBBox().height));
      expect(Math.max(...sizes)).toBeLessThan(24);
      await page.waitForTimeout(300);
      expect(scripts, 'a page load fetches no script').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the instrument chart hydrates on the first pointer over it and reads out the value under the pointer', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/instruments/un-convention-against-cybercrime`);
      const figure = page.locator('[data-chart-frame="progress"]');
      await figure.scrollIntoViewIfNeeded();
      expect(await figure.locator('astro-island[ssr]').count()).toBe(1);
      const dot = figure.locator('svg.chart-svg circle').last();
      const tip = await dot.locator('title').textContent();
      expect(tip).toMatch(/\d/);
      await dot.hover({ force: true });
      await page.waitForFunction(() => !document.querySelector('[data-chart-frame="progress"] astro-island[ssr]'), undefined, { timeout: 15_000 });
      await expect.poll(() => figure.locator('[data-readout]').textContent(), { timeout: 10_000 }).toBe(tip);
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
      // (A Thai indicator has two observations so far: two dots at least.)
      expect(await svg.locator('rect, circle, path').count()).toBeGreaterThanOrEqual(2);
      const table = page.locator(`table[data-table="${frame === 'progress' ? 'progress' : frame}"]`);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await table.textContent()).toMatch(/\p{Nd}/u);
    } finally {
      await context.close();
    }
  });
});
