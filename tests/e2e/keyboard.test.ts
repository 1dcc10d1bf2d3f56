/** Keyboard use of the home page: skip link, focus into main, language switch, visible focus. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { LOCALES, launchBrowser, localize, type Locale } from './browser';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SKIP_TEXT: Record<Locale, string> = { en: 'Skip to content', th: 'ข้ามไปยังเนื้อหา', id: 'Langsung ke isi' };
const MAX_TABS = 40;

interface Focused {
  tag: string;
  className: string;
  href: string | null;
  text: string;
  inMain: boolean;
  outlineStyle: string;
  outlineWidth: string;
}

/** What has keyboard focus now, with its computed outline. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      className: el.getAttribute('class') ?? '',
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim(),
      inMain: el.closest('main#main') !== null,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
}

function hasVisibleOutline(f: Focused): boolean {
  return f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) > 0;
}

async function open(locale: Locale): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.origin}${localize(locale, '/')}`);
  expect(response?.status()).toBe(200);
  return page;
}

describe.each(LOCALES)('keyboard on the home page in %s', (locale) => {
  it('Tab first focuses the skip link; Enter moves focus into main#main', async () => {
    const page = await open(locale);
    try {
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first, 'first Tab should focus the skip link').toMatchObject({ tag: 'a', href: '#main', text: SKIP_TEXT[locale] });
      expect(first?.className).toContain('skip-link');
      await page.keyboard.press('Enter');
      const after = await focused(page);
      expect(after?.inMain, `after Enter on the skip link focus is on ${JSON.stringify(after)}`).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('tabbing reaches the language switch, which leads to the same page in the other language', async () => {
    const page = await open(locale);
    try {
      let found: Focused | null = null;
      const seen: string[] = [];
      for (let i = 0; i < MAX_TABS && !found; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        seen.push(f ? `${f.tag}.${f.className} "${f.text}"` : '(none)');
        if (f?.className.split(/\s+/).includes('lang-switch')) found = f;
      }
      expect(found, `language switch not reached in ${MAX_TABS} Tabs; focused: ${seen.join(', ')}`).not.toBeNull();
      const other: Locale = locale === 'en' ? 'th' : 'en';
      await Promise.all([page.waitForURL((url) => url.pathname === localize(other, '/')), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(localize(other, '/'));
      expect(await page.getAttribute('html', 'lang')).toBe(other);
    } finally {
      await page.close();
    }
  });

  it('every link focused by keyboard has a visible outline', async () => {
    const page = await open(locale);
    try {
      const linkCount = await page.locator('a[href]').count();
      const checked: Focused[] = [];
      const bad: string[] = [];
      const limit = Math.min(linkCount + 5, 60);
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f || f.tag !== 'a') continue;
        checked.push(f);
        if (!hasVisibleOutline(f)) bad.push(`a.${f.className} "${f.text}" (outline-style ${f.outlineStyle}, width ${f.outlineWidth})`);
      }
      expect(checked.length, 'no link received keyboard focus').toBeGreaterThan(0);
      expect(bad, `focused links without a visible outline:\n${bad.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
