/**
 * The staff workflow in Chromium, keyboard only where practical (fields filled by typing,
 * buttons pressed with Enter): an editor signs in, writes a draft with evidence and submits
 * it; a reviewer signs in and publishes it; the public scorecard shows the new status. axe
 * runs on every workspace page; phone and desktop screenshots go to tests/e2e/screenshots/.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { createAssessment } from '../../src/lib/server/assessments/service';
import { createUser, CLI_ACTOR } from '../../src/lib/server/auth/users';
import { startServer, type TestServer } from '../helpers/server';
import { ensureScreenshotDir, launchBrowser, saveScreenshot, seriousAxeViolations } from './browser';
import { pressButton, signIn as signInAs, typeInto } from './staff';

const PASSWORD = 'tamarind-monsoon-lantern';
const USERS = [
  { email: 'editor@e2e.test', name: 'Ploy Editor', roles: ['editor'], parties: ['THA'] },
  { email: 'reviewer@e2e.test', name: 'Niran Reviewer', roles: ['reviewer'], parties: [] },
  { email: 'admin@e2e.test', name: 'Ada Admin', roles: ['admin', 'reviewer'], parties: [] },
];
const VIEWPORTS: Record<'phone' | 'desktop', BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
};

let server: TestServer;
let browser: Browser;
let db: Database;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  db = await openDatabase({ url: server.databaseUrl, embedded: true });
  for (const user of USERS) await createUser(db, { ...user, password: PASSWORD }, CLI_ACTOR);
});

afterAll(async () => {
  db?.$client.close();
  await browser?.close();
  await server?.stop();
});

const type = typeInto;
const press = pressButton;

async function signIn(page: Page, email: string): Promise<void> {
  await signInAs(page, server.origin, email, PASSWORD);
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page), page.url()).toEqual([]);
}

describe('workspace flow', () => {
  let context: BrowserContext;
  let id: number;

  beforeAll(async () => {
    context = await browser.newContext(VIEWPORTS.desktop);
  });
  afterAll(async () => context?.close());

  it('an editor writes a draft with evidence and submits it', async () => {
    const page = await context.newPage();
    await signIn(page, 'editor@e2e.test');
    await expectAxeClean(page);

    await page.goto(`${server.origin}/workspace/parties/tha?commitment=BJS-3#new-assessment`);
    await expectAxeClean(page);
    expect(await page.inputValue('#new-commitment')).toBe('BJS-3');
    await page.focus('#new-status');
    await page.selectOption('#new-status', 'complete');
    await page.fill('#new-asOf', new Date().toISOString().slice(0, 10));
    await type(page, '#new-narrative', 'Shelters and a hotline for rescued scam-centre workers now run in every border province.');
    await type(page, '#new-evidence-0-url', 'https://www.m-society.go.th/shelters');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Shelter network for victims of trafficking');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ministry of Social Development and Human Security');
    await page.selectOption('#new-evidence-0-grade', 'official');
    // A mistake first: a second row with an address that is not one. Nothing typed is lost.
    await type(page, '#new-evidence-1-url', 'not a web address');
    await press(page, 'button[name="intent"][value="draft"]');
    expect(await page.textContent('#new-evidence-1-url-error')).toMatch(/web address/);
    expect(await page.inputValue('#new-narrative')).toContain('Shelters and a hotline');
    await expectAxeClean(page);
    await page.fill('#new-evidence-1-url', '');
    await press(page, 'button[name="intent"][value="draft"]');

    const match = /\/workspace\/assessments\/(\d+)\?done=created$/.exec(page.url());
    expect(match, page.url()).not.toBeNull();
    id = Number(match![1]);
    expect(await page.textContent('[data-field="state"]')).toBe('Draft');
    await expectAxeClean(page);

    await press(page, 'form[action*="assessments.submit"] button');
    expect(page.url()).toContain('?done=submitted');
    expect(await page.textContent('[data-field="state"]')).toBe('Submitted');
    await press(page, '.logout-form button');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('a reviewer publishes it, and the public scorecard shows the new status', async () => {
    const page = await context.newPage();
    await signIn(page, 'reviewer@e2e.test');
    await page.goto(`${server.origin}/workspace/review`);
    await expectAxeClean(page);
    const item = `[data-review-item="${id}"]`;
    expect(await page.textContent(`${item} [data-diff="status"]`)).toContain('Complete');
    expect(await page.locator(`${item} [data-evidence="added"]`).count()).toBe(1);
    await press(page, `${item} button[value="publish"]`);
    expect(page.url()).toContain('done=published');

    await page.goto(`${server.origin}/parties/tha?assessment=${id}`);
    const published = page.locator(`#assessment-${id}`);
    expect(await published.count()).toBe(1);
    expect(await published.locator('.badge').first().textContent()).toBe('Complete');
    await page.close();
  });

  it('the other workspace pages pass axe (audit log, users, account, parties)', async () => {
    const admin = await browser.newContext(VIEWPORTS.desktop);
    const page = await admin.newPage();
    await signIn(page, 'admin@e2e.test');
    for (const path of ['/workspace', '/workspace/parties', '/workspace/audit', '/workspace/users', '/workspace/account', '/workspace/mail', `/workspace/assessments/${id}`]) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectAxeClean(page);
    }
    // A refused form shows its errors accessibly too.
    await page.goto(`${server.origin}/workspace/users`);
    await type(page, '#nu-name', 'Someone');
    await press(page, 'form[action*="users.create"] button[type="submit"]');
    expect(await page.textContent('#nu-roles-error')).toMatch(/at least one role/);
    await expectAxeClean(page);
    await admin.close();
  });

  it('a form sent after the session ran out is filled in again once the editor has signed back in', async () => {
    const editor = await browser.newContext(VIEWPORTS.desktop);
    const page = await editor.newPage();
    await signIn(page, 'editor@e2e.test');
    await page.goto(`${server.origin}/workspace/parties/tha?commitment=BJS-1#new-assessment`);
    const narrative = 'Banks now hold suspicious transfers for 24 hours while the police check them.';
    await page.selectOption('#new-status', 'substantial');
    await page.fill('#new-asOf', new Date().toISOString().slice(0, 10));
    await type(page, '#new-narrative', narrative);
    await type(page, '#new-evidence-0-url', 'https://www.bot.or.th/hold-rule');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hold rule for suspicious transfers');
    // The session ends while the form is open (expired, or signed out elsewhere).
    await db.$client.execute({ sql: 'DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)', args: ['editor@e2e.test'] });
    const before = Number((await db.$client.execute('SELECT count(*) FROM assessments')).rows[0]![0]);
    await press(page, 'button[name="intent"][value="draft"]');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(Number((await db.$client.execute('SELECT count(*) FROM assessments')).rows[0]![0])).toBe(before);

    await type(page, '#email', 'editor@e2e.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/workspace/parties/tha');
    expect(await page.inputValue('#new-narrative')).toBe(narrative);
    expect(await page.inputValue('#new-status')).toBe('substantial');
    expect(await page.inputValue('#new-commitment')).toBe('BJS-1');
    expect(await page.inputValue('#new-evidence-0-title')).toBe('Hold rule for suspicious transfers');
    expect(await page.locator('section[aria-labelledby="new-assessment"] form [data-unsent-notice]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-unsent-notice'))).toBe(true);
    await expectAxeClean(page);
    await saveScreenshot(page, { path: join(ensureScreenshotDir(), 'workspace-unsent-restored-desktop.png') });

    await type(page, '#new-evidence-0-publisher', 'Bank of Thailand');
    await page.selectOption('#new-evidence-0-grade', 'official');
    await press(page, 'button[name="intent"][value="draft"]');
    const created = /\/workspace\/assessments\/(\d+)\?done=created$/.exec(page.url());
    expect(created, page.url()).not.toBeNull();
    const saved = await db.$client.execute({ sql: 'SELECT narrative_en, narrative_th FROM assessments WHERE id = ?', args: [Number(created![1])] });
    expect(JSON.stringify(saved.rows[0])).toContain(narrative);
    // Sent and saved: the form is never filled in again.
    await page.goto(`${server.origin}/workspace/parties/tha?commitment=BJS-1#new-assessment`);
    expect(await page.inputValue('#new-narrative')).toBe('');
    expect(await page.locator('[data-unsent-notice]').count()).toBe(0);
    await editor.close();
  });
});

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('workspace screenshots on %s', (viewport) => {
  it('every workspace page', async () => {
    const dir = ensureScreenshotDir();
    const context = await browser.newContext(VIEWPORTS[viewport]);
    const page = await context.newPage();
    try {
      // Something in the queue, written by the editor.
      const [editorRow] = (await db.$client.execute("SELECT id FROM users WHERE email = 'editor@e2e.test'")).rows;
      await createAssessment(db, { id: String(editorRow!.id), email: 'editor@e2e.test', name: 'Ploy Editor', roles: ['editor'], parties: ['tha'] }, {
        party: 'tha', commitment: 'BJS-2', status: 'substantial', assessor: 'self_reported', asOf: '2026-02-01',
        narrative: `Joint operations with two neighbours (${viewport} screenshot run).`,
        evidence: [{ url: 'https://www.royalthaipolice.go.th/joint', title: 'Joint operation report', publisher: 'Royal Thai Police', grade: 'official' }],
      }, { submit: true });
      await page.goto(`${server.origin}/login`);
      await saveScreenshot(page, { path: join(dir, `workspace-login-${viewport}.png`), fullPage: true });
      await signIn(page, 'admin@e2e.test');
      const shots: [string, string][] = [
        ['dashboard', '/workspace'],
        ['party-tha', '/workspace/parties/tha'],
        ['review', '/workspace/review'],
        ['audit', '/workspace/audit'],
        ['users', '/workspace/users'],
        ['account', '/workspace/account'],
      ];
      for (const [name, path] of shots) {
        await page.goto(`${server.origin}${path}`);
        const file = join(dir, `workspace-${name}-${viewport}.png`);
        await saveScreenshot(page, { path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} on ${viewport}: pixels wider than the viewport`).toBe(0);
      }
      // The editor's view: the party page with its forms.
      const editor = await browser.newContext(VIEWPORTS[viewport]);
      const editorPage = await editor.newPage();
      await signIn(editorPage, 'editor@e2e.test');
      await editorPage.goto(`${server.origin}/workspace/parties/tha?commitment=BJS-1#new-assessment`);
      await saveScreenshot(editorPage, { path: join(dir, `workspace-party-editor-${viewport}.png`), fullPage: true });
      // The form itself, as the person sees it after following "Write a new assessment".
      await editorPage.locator('#new-assessment').scrollIntoViewIfNeeded();
      await saveScreenshot(editorPage, { path: join(dir, `workspace-party-form-${viewport}.png`) });
      const draft = (await db.$client.execute("SELECT id FROM assessments WHERE state != 'published' ORDER BY id DESC LIMIT 1")).rows[0];
      if (draft) {
        await editorPage.goto(`${server.origin}/workspace/assessments/${draft.id}`);
        await saveScreenshot(editorPage, { path: join(dir, `workspace-assessment-${viewport}.png`), fullPage: true });
      }
      await editor.close();
    } finally {
      await context.close();
    }
  });
});
