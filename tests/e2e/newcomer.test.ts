/**
 * A newcomer following only the README: the "First users" commands, exactly as written there,
 * run with a shell against the test server's database; the editor they create signs in and
 * reaches their workspace, drafts an assessment for their party and submits it; the reviewer
 * signs in and publishes it; the public scorecard shows it. The administrator signs in too and
 * reaches account management. Along the way /docs and /themes pass axe.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser, seriousAxeViolations } from './browser';
import { pressButton, signIn, typeInto } from './staff';

/** One `npm run user -- create` line of the README, with the account it makes. */
interface ReadmeAccount {
  command: string;
  email: string;
  password: string;
  role: string;
  party: string | null;
}

/** The commands in the README's "First users" code block. */
function readmeFirstUsers(): ReadmeAccount[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^## First users\s*$/m)[1]!.split(/^## /m)[0]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .filter((line) => line.includes('npm run user -- create'))
    .map((command) => ({
      command,
      password: /^printf '%s' '([^']+)'/.exec(command)![1]!,
      email: /--email (\S+)/.exec(command)![1]!,
      role: /--role (\S+)/.exec(command)![1]!,
      party: /--party (\S+)/.exec(command)?.[1] ?? null,
    }));
}

/** Runs a README line in a shell, as a person would paste it, against `databaseUrl`. */
function runInShell(command: string, databaseUrl: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const accounts = readmeFirstUsers();
const account = (role: string) => accounts.find((a) => a.role === role)!;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page), page.url()).toEqual([]);
}

describe('a newcomer following the README', () => {
  let id: number;

  it('the README names an administrator, an editor of one party and a reviewer', () => {
    expect(accounts.map((a) => a.role)).toEqual(['admin', 'editor', 'reviewer']);
    expect(account('editor').party).toBe('THA');
    expect(account('admin').party).toBeNull();
  });

  it("runs the README's commands exactly as written, and each creates its account", async () => {
    for (const { command, email } of accounts) {
      const { status, output } = await runInShell(command, server.databaseUrl);
      expect(status, output).toBe(0);
      expect(output).toContain(`created ${email}`);
    }
    const help = await runInShell('npm run --silent user -- --help', server.databaseUrl);
    expect(help.status).toBe(0);
    expect(help.output).toMatch(/^usage:/);
  }, 120_000);

  it('the administrator signs in and reaches account management', async () => {
    const page = await context.newPage();
    const admin = account('admin');
    await signIn(page, server.origin, admin.email, admin.password);
    await page.goto(`${server.origin}/workspace/users`);
    expect(await page.locator('h1').textContent()).toMatch(/users|accounts/i);
    expect(await page.content()).toContain(account('editor').email);
    await pressButton(page, '.logout-form button');
    await page.close();
  });

  it("the editor signs in, reaches their workspace, drafts an assessment for their party and submits it", async () => {
    const page = await context.newPage();
    const editor = account('editor');
    await signIn(page, server.origin, editor.email, editor.password);
    await expectAxeClean(page);
    await page.goto(`${server.origin}/workspace/parties/${editor.party!.toLowerCase()}`);
    expect(await page.locator('#new-assessment').count()).toBe(1);
    await page.selectOption('#new-commitment', 'BJS-3');
    await page.selectOption('#new-status', 'substantial');
    await page.fill('#new-asOf', new Date().toISOString().slice(0, 10));
    await typeInto(page, '#new-narrative', 'A national referral mechanism for scam-centre victims was adopted by cabinet.');
    await typeInto(page, '#new-evidence-0-url', 'https://www.m-society.go.th/referral');
    await typeInto(page, '#new-evidence-0-title', 'National referral mechanism');
    await typeInto(page, '#new-evidence-0-publisher', 'Ministry of Social Development and Human Security');
    await page.selectOption('#new-evidence-0-grade', 'official');
    await pressButton(page, 'button[name="intent"][value="draft"]');
    const match = /\/workspace\/assessments\/(\d+)\?done=created$/.exec(page.url());
    expect(match, page.url()).not.toBeNull();
    id = Number(match![1]);
    await pressButton(page, 'form[action*="assessments.submit"] button');
    expect(await page.textContent('[data-field="state"]')).toBe('Submitted');
    await pressButton(page, '.logout-form button');
    await page.close();
  });

  it('the reviewer signs in and publishes it; the public scorecard shows it', async () => {
    const page = await context.newPage();
    const reviewer = account('reviewer');
    await signIn(page, server.origin, reviewer.email, reviewer.password);
    await page.goto(`${server.origin}/workspace/review`);
    await pressButton(page, `[data-review-item="${id}"] button[value="publish"]`);
    expect(page.url()).toContain('done=published');
    await pressButton(page, '.logout-form button');

    await page.goto(`${server.origin}/parties/tha?assessment=${id}`);
    const published = page.locator(`#assessment-${id}`);
    expect(await published.count()).toBe(1);
    expect(await published.locator('.badge').first().textContent()).toContain('Substantial');
    expect(await published.textContent()).toContain('national referral mechanism');
    await page.close();
  });

  it('the documentation and the themes list read well (axe), linked from the footer', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await pressButton(page, 'footer a[href="/docs"]');
    expect(new URL(page.url()).pathname).toBe('/docs');
    for (const path of ['/docs', '/docs/running', '/docs/api', '/docs/methodology', '/th/docs/staff', '/themes', '/th/themes']) {
      await page.goto(`${server.origin}${path}`);
      await expectAxeClean(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of ['/docs/api', '/docs/methodology', '/docs/performance', '/themes']) {
      await phone.goto(`${server.origin}${path}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} on a phone`).toBeLessThanOrEqual(0);
    }
    await phone.close();
    await page.close();
  });
});
