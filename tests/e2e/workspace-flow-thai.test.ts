/**
 * The whole staff flow in Thai, in Chromium, keyboard first: a Thai editor signs in at
 * /th/login, opens their party from the Thai dashboard, drafts an assessment with evidence
 * and sends it with a required field missing: the error summary is in the viewport, focused,
 * in Thai, with links to the fields (on a phone and on a desktop). They fix it and submit; a
 * reviewer signs in, reads the Thai review queue and publishes; the Thai public scorecard
 * shows it. Screenshots of each step at 390 and 1440 px go to tests/e2e/screenshots/thai-flow/ (or
 * THAI_FLOW_SHOTS). The party page's form labels are not asserted (they are translated
 * elsewhere); its structure, language, addresses and error messages are.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { createUser, CLI_ACTOR } from '../../src/lib/server/auth/users';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, saveScreenshot, seriousAxeViolations } from './browser';
import { pressButton as press, typeInto as type } from './staff';

const PASSWORD = 'mangosteen-monsoon-lantern';
const USERS = [
  { email: 'ploy@mfa.go.th', name: 'พลอย ศรีสุข', roles: ['editor' as const], parties: ['THA'] },
  { email: 'niran@secretariat.example', name: 'นิรันดร์ ใจดี', roles: ['reviewer' as const], parties: [] },
];
const SHOTS = process.env.THAI_FLOW_SHOTS ?? 'tests/e2e/screenshots/thai-flow';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const THAI = /[\u0E00-\u0E7F]/;

let server: TestServer;
let browser: Browser;
let db: Database;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  db = await openDatabase({ url: server.databaseUrl, embedded: true });
  for (const user of USERS) await createUser(db, { ...user, password: PASSWORD }, CLI_ACTOR);
});

afterAll(async () => {
  db?.$client.close();
  await browser?.close();
  await server?.stop();
});

/** A screenshot of what the person sees, at 1440 px and then at 390 px (the page keeps its state), scrolled to `at` when given. */
async function shoot(page: Page, name: string, at?: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize(width === 390 ? { width: 390, height: 844 } : { width: 1440, height: 900 });
    if (at) await page.locator(at).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, { path: join(SHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Signed out at a Thai workspace address: sent to /th/login, signs in with the keyboard, lands back in Thai. */
async function signInThai(page: Page, email: string, path = '/th/workspace'): Promise<void> {
  await page.goto(`${server.origin}${path}`);
  expect(new URL(page.url()).pathname).toBe('/th/login');
  expect(await page.getAttribute('html', 'lang')).toBe('th');
  expect(await page.textContent('h1')).toBe('ลงชื่อเข้าใช้');
  await type(page, '#email', email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  expect(new URL(page.url()).pathname).toBe(path);
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page), page.url()).toEqual([]);
}

const NARRATIVE_TH = 'ศูนย์พักพิงและสายด่วนสำหรับแรงงานที่ได้รับการช่วยเหลือจากศูนย์หลอกลวงออนไลน์เปิดให้บริการแล้วในทุกจังหวัดชายแดน';
const EVIDENCE = { url: 'https://www.m-society.go.th/shelters', title: 'เครือข่ายศูนย์พักพิงผู้เสียหายจากการค้ามนุษย์', publisher: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' };

/** Types the new-assessment form with everything but the status (keyboard), then sends it for review. */
async function draftWithoutStatus(page: Page, narrative: string): Promise<void> {
  await page.fill('#new-asOf', new Date().toISOString().slice(0, 10));
  await type(page, '#new-narrative', narrative);
  await type(page, '#new-narrativeTh', NARRATIVE_TH);
  await type(page, '#new-evidence-0-url', EVIDENCE.url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(EVIDENCE.title);
  await page.keyboard.press('Tab');
  await page.keyboard.type(EVIDENCE.publisher);
  await page.selectOption('#new-evidence-0-grade', 'official');
  await press(page, 'button[name="intent"][value="submit"]');
}

/** The refused form kept everything typed: only the missing status is chosen now. */
async function completeDraft(page: Page, commitment: string, narrative: string): Promise<void> {
  expect(await page.inputValue('#new-commitment')).toBe(commitment);
  expect(await page.inputValue('#new-narrative')).toBe(narrative);
  expect(await page.inputValue('#new-narrativeTh')).toBe(NARRATIVE_TH);
  expect(await page.inputValue('#new-evidence-0-url')).toBe(EVIDENCE.url);
  expect(await page.inputValue('#new-evidence-0-title')).toBe(EVIDENCE.title);
  expect(await page.inputValue('#new-evidence-0-publisher')).toBe(EVIDENCE.publisher);
  expect(await page.inputValue('#new-evidence-0-grade')).toBe('official');
  await page.selectOption('#new-status', 'complete');
}

/** After a failed save: the Thai error summary is in the viewport, focused, and links to the status field. */
async function expectSummaryInView(page: Page): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe('th');
  expect(new URL(page.url()).pathname).toBe('/th/workspace/parties/tha');
  const summary = page.locator('[data-error-summary]');
  expect(await summary.count()).toBe(1);
  const placed = await page.evaluate(() => {
    const box = document.querySelector('[data-error-summary]')!.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, height: window.innerHeight, focused: document.activeElement?.hasAttribute('data-error-summary') ?? false };
  });
  expect(placed.focused).toBe(true);
  expect(placed.top).toBeGreaterThanOrEqual(0);
  expect(placed.top).toBeLessThan(placed.height);
  const text = (await summary.textContent()) ?? '';
  expect(text).toContain('บันทึกไม่สำเร็จ');
  expect(text).toContain('เลือกสถานะ');
  expect(text).not.toMatch(/invalid|enum|required|Choose a status/i);
  const link = summary.locator('a[href="#new-status"]');
  expect(await link.count()).toBe(1);
  expect(await page.textContent('#new-status-error')).toContain('เลือกสถานะ');
}

describe('the staff flow in Thai', () => {
  let context: BrowserContext;
  let id = 0;
  const narrative = 'Shelters and a hotline for rescued scam-centre workers now run in every border province.';

  beforeAll(async () => {
    context = await browser.newContext(DESKTOP);
  });
  afterAll(async () => context?.close());

  it('an editor signs in at /th/login and opens their party from the Thai dashboard', async () => {
    const page = await context.newPage();
    await signInThai(page, 'ploy@mfa.go.th');
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.textContent('h1')).toBe('พื้นที่ทำงานเจ้าหน้าที่');
    expect(await page.textContent('#my-parties')).toBe('ภาคีของฉัน');
    expect(await page.title()).toMatch(THAI);
    await expectAxeClean(page);
    await shoot(page, '01-dashboard');
    await press(page, '[data-field="parties"] a[href="/th/workspace/parties/tha"]');
    expect(new URL(page.url()).pathname).toBe('/th/workspace/parties/tha');
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await page.close();
  });

  it('drafts an assessment with evidence and sends it without a status: the Thai error summary is in view and focused', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/th/workspace/parties/tha?commitment=BJS-3#new-assessment`);
    expect(await page.inputValue('#new-commitment')).toBe('BJS-3');
    await shoot(page, '02-new-assessment', '#new-assessment');
    const before = Number((await db.$client.execute('SELECT count(*) FROM assessments')).rows[0]![0]);
    await draftWithoutStatus(page, narrative);
    await expectSummaryInView(page);
    // Nothing was written; what was typed is kept (checked by completeDraft below).
    expect(Number((await db.$client.execute('SELECT count(*) FROM assessments')).rows[0]![0])).toBe(before);
    await saveScreenshot(page, { path: join(SHOTS, '03-error-summary-1440.png') });

    // The summary's link takes the keyboard to the field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#new-status');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#new-status');

    // Fixed: a status chosen, sent again, submitted for review.
    await completeDraft(page, 'BJS-3', narrative);
    await press(page, 'button[name="intent"][value="submit"]');
    const match = /^\/th\/workspace\/assessments\/(\d+)$/.exec(new URL(page.url()).pathname);
    expect(match, `${page.url()}: ${await page.locator('[data-error-summary]').textContent().catch(() => '')}`).not.toBeNull();
    expect(new URL(page.url()).searchParams.get('done')).toBe('submitted');
    id = Number(match![1]);
    const row = (await db.$client.execute({ sql: 'SELECT state, status, narrative_th FROM assessments WHERE id = ?', args: [id] })).rows[0]!;
    expect(row.state).toBe('submitted');
    expect(row.status).toBe('complete');
    expect(String(row.narrative_th)).toMatch(THAI);
    await page.goto(`${server.origin}/th/workspace/assessments/${id}?done=submitted`);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await shoot(page, '04-submitted');
    await press(page, '.logout-form button');
    await page.close();
  });

  it('on a phone, too, the failed save opens on the Thai error summary', async () => {
    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();
    await signInThai(page, 'ploy@mfa.go.th', '/th/workspace/parties/tha');
    await page.goto(`${server.origin}/th/workspace/parties/tha?commitment=BJS-1#new-assessment`);
    await draftWithoutStatus(page, 'A lead agency was named by cabinet resolution.');
    await expectSummaryInView(page);
    await saveScreenshot(page, { path: join(SHOTS, '03-error-summary-390.png') });
    await phone.close();
  });

  it('a reviewer reads it in the Thai review queue and publishes it', async () => {
    expect(id).toBeGreaterThan(0);
    const reviewer = await browser.newContext(DESKTOP);
    const page = await reviewer.newPage();
    await signInThai(page, 'niran@secretariat.example', '/th/workspace/review');
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.textContent('h1')).toMatch(/^คิวตรวจทาน/);
    const item = page.locator(`[data-review-item="${id}"]`);
    expect(await item.count()).toBe(1);
    expect(await item.locator('[data-diff="status"]').textContent()).toContain('ดำเนินการครบถ้วน');
    expect(await item.locator('[data-diff="narrativeTh"] td').last().textContent()).toContain('ศูนย์พักพิงและสายด่วน');
    expect(await item.locator('[data-evidence="added"]').textContent()).toContain('เพิ่ม:');
    expect(await item.locator('[data-evidence="added"]').textContent()).toContain('เอกสารหรือถ้อยแถลงทางการ');
    expect(await item.locator('button[value="publish"]').textContent()).toBe('เผยแพร่');
    await expectAxeClean(page);
    await shoot(page, '05-review-queue', `[data-review-item="${id}"]`);
    await press(page, `[data-review-item="${id}"] button[value="publish"]`);
    expect(new URL(page.url()).pathname).toBe('/th/workspace/review');
    expect(new URL(page.url()).searchParams.get('done')).toBe('published');
    expect(await page.textContent('.form-ok')).toBe(`เผยแพร่การประเมินหมายเลข ${id} แล้ว บัตรคะแนนสาธารณะแสดงผลนี้แล้ว`);
    expect(await page.textContent('[data-testid="queue-empty"]')).toBe('ไม่มีรายการรอตรวจทาน');
    await shoot(page, '06-published');
    await reviewer.close();
  });

  it('the Thai public scorecard shows it', async () => {
    const reader = await browser.newContext(DESKTOP);
    const page = await reader.newPage();
    await page.goto(`${server.origin}/th/parties/tha?assessment=${id}`);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    const published = page.locator(`#assessment-${id}`);
    expect(await published.count()).toBe(1);
    expect(await published.locator('.badge').first().textContent()).toBe('ดำเนินการครบถ้วน');
    await shoot(page, '07-public-scorecard', `#assessment-${id}`);
    await reader.close();
  });
});
