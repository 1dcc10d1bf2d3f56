/** Shared pieces of the browser suite: the Chromium launcher, paths per language, axe-core. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LOCALES as SITE_LOCALES, localizePath, type Locale } from '../../src/i18n/locales';

export type { Locale };
/** Every language the site has (src/i18n/locales.ts): a new one is visited by every browser test. */
export const LOCALES: Locale[] = [...SITE_LOCALES];

/** Debian's Chromium (`apt-get install -y chromium`); Playwright's own download is not used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = resolve(process.cwd(), 'tests/e2e/screenshots');

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser suite needs Debian's Chromium: ` +
        '`apt-get update && apt-get install -y chromium` (as root; .ci/run does this), ' +
        'or set CHROMIUM_PATH to another Chromium binary. Never run `playwright install`.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The path of `path` (an English path) in `locale`: `/` → `/th`, `/parties` → `/th/parties`, `/?x` → `/th?x`. */
export function localize(locale: Locale, path: string): string {
  if (path.startsWith('/?')) return `${localizePath(locale, '/')}${path.slice(1)}`;
  return localizePath(locale, path);
}

/**
 * `page.screenshot(options)`, tried again (up to three times in all) when headless Chromium answers
 * "Unable to capture screenshot": its compositor now and then fails to produce a frame on a busy
 * machine (seen once in 417 browser tests in CI, not reproducible on the same page). Any other
 * error is thrown at once.
 */
export async function saveScreenshot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.screenshot(options);
    } catch (error) {
      if (attempt >= 3 || !/Unable to capture screenshot/.test(String(error))) throw error;
      await page.waitForTimeout(250 * attempt);
    }
  }
}

export function ensureScreenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page and returns its violations of impact `serious` or `critical`, each
 * as a readable line (rule id, impact, help, the CSS targets of the failing elements).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's
  // Content-Security-Policy stays enforced (it would refuse an injected script).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.map(String).join(' ')).slice(0, 10);
      const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length} more)` : '';
      return `${v.id} [${v.impact}] ${v.help} (${v.helpUrl}) — targets: ${targets.join(' | ')}${more}`;
    });
}

/**
 * Violations of the given axe rules only (the nodes' HTML, shortened), for rules axe leaves off
 * by default, such as WCAG 2.2's `target-size`, which Lighthouse runs.
 */
export async function axeRuleViolations(page: Page, rules: string[]): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly, resultTypes: ['violations'] })).violations;
  }, rules);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
}

/** Every (page, language) pair to visit: a page's `locales`, or every language. */
export function pageRuns<T extends { locales?: Locale[] }>(pages: T[]): (T & { locale: Locale })[] {
  return LOCALES.flatMap((locale) => pages.filter((p) => (p.locales ?? LOCALES).includes(locale)).map((p) => ({ ...p, locale })));
}
