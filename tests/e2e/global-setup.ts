/**
 * Runs once before the browser suite: checks that Chromium and a Thai font are installed
 * (stops, or warns, with the apt-get command that installs them), prepares the scratch
 * and screenshot folders, and builds the server into dist/ (skip the build with SKIP_BUILD=1).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { TMP_DIR } from '../helpers/paths';
import { CHROMIUM_PATH, ensureScreenshotDir } from './browser';
import { describeMissing, detectPrerequisites } from './prerequisites';

export default function setup(): void {
  const { error, warning } = describeMissing(detectPrerequisites(CHROMIUM_PATH));
  if (error) throw new Error(error);
  if (warning) console.warn(`warning: ${warning}`);
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
