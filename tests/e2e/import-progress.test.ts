/**
 * The CSV import's live progress in Chromium with the Content-Security-Policy enforced: an
 * editor uploads 5,000 new rows, presses Apply, and while the form posts the page shows a
 * <progress> bar with "Applied X of 5,000 rows" moving, then the result page; no CSP
 * violation; and the preview page, progress bar showing, is axe-clean.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import { addSyntheticCommitments, editRows, newAssessmentCells, readRecords, writeRecords } from '../helpers/import-fixtures';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, seriousAxeViolations } from './browser';

const PASSWORD = 'tamarind-monsoon-lantern';
const EMAIL = 'importer@e2e.test';
let server: TestServer;
let browser: Browser;
let db: Database;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  db = await openDatabase({ url: server.databaseUrl, embedded: true });
  await addSyntheticCommitments(db, 'bulk', 2_500, ['tha']);
  await createUser(db, { email: EMAIL, name: 'Importer', roles: ['editor', 'analyst'], parties: ['THA'], password: PASSWORD }, CLI_ACTOR);
});

afterAll(async () => {
  db?.$client.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.origin}/login`);
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.press('#password', 'Enter')]);
}

describe('CSV import progress in Chromium', () => {
  it('shows the apply\'s progress while the form posts, then the result page', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    try {
      await signIn(page);
      const exported = await context.request.get(`${server.origin}/workspace/parties/THA/assessments.csv`);
      const [header, ...rows] = readRecords((await exported.body()).toString('utf8'));
      const bulk = rows.filter((r) => r[header!.indexOf('commitment')]!.startsWith('BULK-'));
      const csv = editRows(writeRecords([header!, ...bulk]), (_, i) => newAssessmentCells(i));

      await page.goto(`${server.origin}/workspace/import`);
      await page.setInputFiles('#file', { name: 'tha.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }), page.click('.upload-form button[type="submit"]')]);
      expect(await page.textContent('.apply-form button')).toContain('Apply 5,000 changes');
      expect(await page.isVisible('[data-testid="apply-progress"]')).toBe(false);

      // Playwright cannot query a page whose navigation is pending, so a MutationObserver records
      // what the progress box shows into sessionStorage, which the result page (same tab) still has.
      await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('[data-testid="apply-progress"]')!;
        const bar = box.querySelector('progress')!;
        const text = box.querySelector('[data-progress-text]')!;
        new MutationObserver(() => {
          const seen = JSON.parse(sessionStorage.getItem('progress-seen') ?? '[]') as unknown[];
          seen.push({ hidden: box.hidden, value: bar.value, max: bar.max, text: text.textContent });
          sessionStorage.setItem('progress-seen', JSON.stringify(seen));
        }).observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      // Clicked from the page: page.click would wait for the navigation it starts, i.e. for the result page.
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 }),
        page.$eval('.apply-form button[type="submit"]', (button) => (button as HTMLButtonElement).click()),
      ]);
      const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('progress-seen'))) ?? '[]') as { hidden: boolean; value: number; max: number; text: string }[];
      expect(seen[0]).toMatchObject({ hidden: false, text: 'Sending the file…' });
      expect(seen.some((s) => !s.hidden && s.value > 0 && s.max === 5_000 && /^Applied [\d,]+ of 5,000 rows/.test(s.text))).toBe(true);
      expect(await page.getAttribute('[data-testid="import-result"]', 'data-stage')).toBe('applied');
      expect(await page.textContent('[data-testid="applied"]')).toContain('5,000 assessments written');
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the preview page with the progress bar showing is axe-clean', async () => {
    // bypassCSP: axe-core is injected as an inline script.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await signIn(page);
      const exported = await context.request.get(`${server.origin}/workspace/parties/THA/assessments.csv`);
      const csv = editRows((await exported.body()).toString('utf8'), (row, i) => (row.assessment_id === '' && i < 3 ? newAssessmentCells(i) : null));
      await page.goto(`${server.origin}/workspace/import`);
      await page.setInputFiles('#file', { name: 'tha.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }), page.click('.upload-form button[type="submit"]')]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="apply-progress"]')!.removeAttribute('hidden'));
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
