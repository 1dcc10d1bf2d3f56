/**
 * Full-page screenshots of every page in both languages, on a phone and a desktop, and the home
 * page as printed, into tests/e2e/screenshots/ (git-ignored) for people to look at.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { ensureScreenshotDir, launchBrowser, localize, pageRuns, saveScreenshot } from './browser';
import { pages } from './pages';

const VIEWPORTS: Record<'phone' | 'desktop', BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
};

let server: TestServer;
let browser: Browser;
const contexts: Partial<Record<keyof typeof VIEWPORTS, BrowserContext>> = {};
let dir: string;

beforeAll(async () => {
  dir = ensureScreenshotDir();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    contexts[name as keyof typeof VIEWPORTS] = await browser.newContext(options);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('screenshots on %s', (viewport) => {
  it.each(pageRuns(pages))('$locale: $name ($path)', async (spec) => {
    const path = localize(spec.locale, spec.path);
    const page = await contexts[viewport]!.newPage();
    try {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(spec.status ?? 200);
      await page.evaluate(() => document.fonts.ready);
      const file = join(dir, `${spec.name}-${spec.locale}-${viewport}.png`);
      await saveScreenshot(page, { path: file, fullPage: true });
      console.log(`screenshot: ${file}`);
      // A page wider than the screen scrolls sideways on a phone: wide tables scroll in their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} on ${viewport}: pixels wider than the viewport`).toBe(0);
    } finally {
      await page.close();
    }
  });
});

it('home page as printed', async () => {
  const page = await contexts.desktop!.newPage();
  try {
    await page.goto(`${server.origin}/`);
    await page.emulateMedia({ media: 'print' });
    const file = join(dir, 'home-en-print.png');
    await saveScreenshot(page, { path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
  } finally {
    await page.close();
  }
});
