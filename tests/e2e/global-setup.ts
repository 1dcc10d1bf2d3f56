/**
 * Runs once before the browser suite: checks that Chromium is installed, prepares the scratch
 * and screenshot folders, and builds the server into dist/ (skip the build with SKIP_BUILD=1).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { TMP_DIR } from '../helpers/paths';
import { assertChromium, ensureScreenshotDir } from './browser';

export default function setup(): void {
  assertChromium();
  mkdirSync(TMP_DIR, { recursive: true });
  ensureScreenshotDir();
  if (process.env.SKIP_BUILD === '1') return;
  try {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  } catch {
    throw new Error('`astro build` failed (its errors are printed above): the browser suite needs a built server in dist/.');
  }
}
