/** Every page in pages.ts, in English and Thai: status, language, one h1, no serious axe-core violations. */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, localize, pageRuns, seriousAxeViolations } from './browser';
import { pages } from './pages';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // The Content-Security-Policy stays enforced: axe-core is evaluated through the DevTools protocol.
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('pages', () => {
  it.each(pageRuns(pages))('$locale: $name ($path)', async (spec) => {
    const { locale } = spec;
    const path = localize(locale, spec.path);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect.soft(response?.status(), `HTTP status of ${path}`).toBe(spec.status ?? 200);
      expect.soft(await page.getAttribute('html', 'lang'), `<html lang> of ${path}`).toBe(locale);
      expect.soft(await page.locator('h1').count(), `number of h1 on ${path}`).toBe(1);
      const violations = await seriousAxeViolations(page);
      expect.soft(violations, `axe-core serious/critical violations on ${path}:\n${violations.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
