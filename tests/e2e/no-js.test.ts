/** With JavaScript disabled, each page's key figures are server-rendered and hold a number. */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, localize, pageRuns } from './browser';
import { pages } from './pages';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const withFigures = pageRuns(pages.filter((p) => (p.figures ?? []).length > 0));

describe('figures without JavaScript', () => {
  it.each(withFigures)('$locale: $name ($path)', async (spec) => {
    const path = localize(spec.locale, spec.path);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), `HTTP status of ${path}`).toBe(spec.status ?? 200);
      for (const selector of spec.figures ?? []) {
        const found = page.locator(selector);
        const count = await found.count();
        expect.soft(count, `${selector} on ${path} (JavaScript disabled)`).toBeGreaterThan(0);
        if (count === 0) continue;
        const text = await found.first().textContent();
        // \p{Nd}: any decimal digit, Thai digits included.
        expect.soft(text ?? '', `text of ${selector} on ${path} should contain a digit`).toMatch(/\p{Nd}/u);
      }
    } finally {
      await page.close();
    }
  });
});
