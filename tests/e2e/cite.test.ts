/**
 * The Cite-this box in Chromium, CSP enforced: on an assessment page the copy button puts the
 * citation on the clipboard (the text areas hold it with or without JavaScript), the script
 * runs with no violation, and axe finds nothing serious on the page at 390 and 1440 px, in
 * English and Thai.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, seriousAxeViolations } from './browser';

let server: TestServer;
let browser: Browser;
/** A published assessment of the seed (the first one). */
const PATH = '/assessments/1';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Cite this, in Chromium', () => {
  it('copies each form of the citation with its button; the text is the permalink citation', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    try {
      await page.goto(`${server.origin}${PATH}`, { waitUntil: 'load' });
      const copy = page.locator('button[data-cite-copy="bibtex"]');
      await copy.waitFor({ state: 'visible' });
      const bibtex = await page.locator('textarea[data-cite="bibtex"]').inputValue();
      expect(bibtex).toMatch(new RegExp(`url = \\{${server.origin}${PATH}\\?as_of=\\d{4}-\\d{2}-\\d{2}\\}`));
      await copy.click();
      await expect.poll(() => page.locator('[data-cite-status]').textContent()).toBe('Copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
      await page.locator('button[data-cite-copy="ris"]').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('textarea[data-cite="ris"]').inputValue());
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: the citation is there to select, no button pretends to copy', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/th${PATH}`);
      expect(await page.locator('textarea[data-cite="text"]').inputValue()).toContain(`${server.origin}/th${PATH}?as_of=`);
      expect(await page.locator('button[data-cite-copy]:visible').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  for (const width of [390, 1440]) {
    for (const path of [PATH, `/th${PATH}`]) {
      it(`${path} at ${width} px: no serious axe violation, nothing wider than the screen`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        try {
          await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
          expect(await seriousAxeViolations(page)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        } finally {
          await context.close();
        }
      });
    }
  }
});
