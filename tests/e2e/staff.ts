/** Keyboard-driven steps of the staff workspace in Chromium, shared by the browser tests that sign in. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Types into a field after focusing it (no mouse). */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.type(text);
}

/** Presses a button with the keyboard: focus, then Enter; waits for the page that answers. */
export async function pressButton(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

/** Opens /workspace signed out, is sent to /login, signs in with the keyboard and lands on /workspace. */
export async function signIn(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/workspace`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await typeInto(page, '#email', email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  expect(new URL(page.url()).pathname).toBe('/workspace');
}
