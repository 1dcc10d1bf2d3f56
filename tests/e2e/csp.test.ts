/**
 * With the Content-Security-Policy enforced (no bypass): the server-drawn charts show and the
 * React islands hydrate on the reader's first pointer, the browser reports no violation, embeds can be framed by another site and
 * other pages cannot.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Console messages in which Chromium reports a blocked script, style or frame. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('Content-Security-Policy in Chromium', () => {
  it.each(['/parties/tha', '/parties/tha/indicators', '/th/instruments/un-convention-against-cybercrime'])('%s: charts draw, and hydrate on the first pointer, with no violation', async (path) => {
    const page = await context.newPage();
    const violations = watchViolations(page);
    try {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      // Server-drawn SVG charts, or on a scorecard the bars of its score tables (inline style attributes).
      const plots = page.locator('.chart-plot svg.chart-svg, .score-table .meter > span[style]');
      expect(await plots.count()).toBeGreaterThan(0);
      if (path === '/parties/tha') expect(await plots.first().evaluate((bar) => bar.getBoundingClientRect().width)).toBeGreaterThan(2);
      // Islands (client:interact) hydrate on the reader's first pointer over them: hover each one.
      const islands = page.locator('astro-island');
      const count = await islands.count();
      if (path.includes('/instruments/')) expect(count).toBeGreaterThan(0);
      else expect(count, 'a scorecard ships no island').toBe(0);
      if (count > 0) expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
      for (let i = 0; i < count; i++) {
        await islands.nth(i).locator('svg.chart-svg').scrollIntoViewIfNeeded();
        await islands.nth(i).locator('svg.chart-svg circle').first().hover({ force: true });
      }
      await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 15_000 }).catch(() => undefined);
      expect(await page.locator('astro-island[ssr]').count(), 'every island hydrated').toBe(0);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an embed loads inside another site’s iframe; a scorecard does not', async () => {
    // A partner site on another origin (its own little server on loopback, with no policy).
    const partnerServer: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><title>Partner</title><iframe id="embed" title="embed" src="${server.origin}/embed/parties/tha"></iframe><iframe id="page" title="page" src="${server.origin}/parties/tha"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => partnerServer.listen(0, '127.0.0.1', resolve));
    const partner = `http://localhost:${(partnerServer.address() as AddressInfo).port}/article`;
    const page = await context.newPage();
    const violations = watchViolations(page);
    try {
      await page.goto(partner);
      const embed = page.frameLocator('#embed');
      await embed.locator('[data-figure="overall-independent"]').waitFor({ timeout: 15_000 });
      expect(await embed.locator('h1').textContent()).toBe('Thailand');
      await expect.poll(() => violations.some((v) => /frame-ancestors|X-Frame-Options/i.test(v)), { timeout: 15_000 }).toBe(true);
      // The blocked frame shows Chromium's error page instead of the scorecard.
      expect(page.frames().map((f) => f.url())).not.toContain(`${server.origin}/parties/tha`);
      expect(page.frames().map((f) => f.url())).toContain(`${server.origin}/embed/parties/tha`);
    } finally {
      await page.close();
      partnerServer.close();
    }
  });
});
