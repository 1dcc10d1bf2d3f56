/**
 * A party's scorecard prints as a briefing: Chromium's PDF at A4 of Thailand's scorecard and of
 * the seeded party with the most applicable commitments has at most three pages (two for
 * Thailand) and carries the page's address and its permalink (as link annotations, which
 * Chromium writes as plain text in the PDF), in English and Thai, with its headline chart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { parties } from '../../db/schema';
import { getApplicableCommitments } from '../../src/lib/server/queries/scorecard';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, saveScreenshot } from './browser';

let server: TestServer;
let browser: Browser;
/** The seeded party with the most applicable commitments (the longest scorecard). */
let largest: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await server.get('/parties/tha');
  const db = await openDatabase({ url: server.databaseUrl, embedded: true });
  try {
    let most = -1;
    for (const { slug } of await db.select({ slug: parties.slug }).from(parties)) {
      const n = (await getApplicableCommitments(db, slug)).length;
      if (n > most) [most, largest] = [n, slug];
    }
  } finally {
    db.$client.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Prints `path` to an A4 PDF as a reader's "Save as PDF" would (print media, the page's own @page rules). */
async function printToPdf(path: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    if (process.env.SHOTS_DIR) {
      mkdirSync(process.env.SHOTS_DIR, { recursive: true });
      const name = path.replace(/[^a-z0-9]+/gi, '_');
      writeFileSync(resolve(process.env.SHOTS_DIR, `${name}.pdf`), pdf);
      await saveScreenshot(page, { path: resolve(process.env.SHOTS_DIR, `${name}-print.png`), fullPage: true });
    }
    return pdf;
  } finally {
    await page.close();
  }
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
const links = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);

describe('the printed scorecard', () => {
  it.each([
    ['/parties/tha', 2],
    ['/th/parties/tha', 2],
  ])('%s is an A4 briefing of at most %i pages with its address and permalink', async (path, most) => {
    const pdf = await printToPdf(path);
    expect(pageCount(pdf)).toBeGreaterThan(0);
    expect(pageCount(pdf), `${path}: pages`).toBeLessThanOrEqual(most);
    expect(links(pdf)).toContain(`${server.origin}${path}`);
    expect(links(pdf).some((l) => l.startsWith(`${server.origin}${path}?as_of=`))).toBe(true);
  });

  it.each(['/parties/tha', '/th/parties/tha'])('%s prints its headline scores each drawn as a bar, and none of the screen\'s tables', async (path) => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}${path}`);
      await page.emulateMedia({ media: 'print' });
      const bars = page.locator('.brief-scores .meter:not(.meter-none) > span');
      expect(await bars.count()).toBeGreaterThan(5);
      // Each bar is as wide as its score: 61% of its cell for 61%.
      const widths = await bars.evaluateAll((spans) => spans.map((s) => [s.getBoundingClientRect().width / s.parentElement!.getBoundingClientRect().width, Number.parseInt(s.closest('td')!.textContent!, 10) / 100]));
      for (const [drawn, score] of widths) expect(Math.abs(drawn! - score!)).toBeLessThan(0.03);
      expect(await bars.first().evaluate((s) => getComputedStyle(s).printColorAdjust)).toBe('exact');
      expect(await page.locator('[data-score-chart]').first().isVisible()).toBe(false);
      // The printed addresses come from the links themselves.
      const printed = await page.locator('.brief-notes li a').first().evaluate((a) => getComputedStyle(a, '::after').content);
      expect(printed).toMatch(/^"https?:\/\//);
    } finally {
      await page.close();
    }
  });

  it('the largest seeded party prints on at most three pages with its address', async () => {
    for (const path of [`/parties/${largest}`, `/th/parties/${largest}`]) {
      const pdf = await printToPdf(path);
      expect(pageCount(pdf), `${path}: pages`).toBeLessThanOrEqual(3);
      expect(links(pdf)).toContain(`${server.origin}${path}`);
    }
  });
});
