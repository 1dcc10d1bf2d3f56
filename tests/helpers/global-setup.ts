/**
 * Runs once before all test files: a scratch folder for temp databases (files from earlier
 * runs are removed only when more than an hour old, so a second suite running at the same
 * time keeps its own), and a fresh production build for the server tests (skipped when the
 * files named on the command line are only domain or db tests, or with SKIP_BUILD=1).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TMP_DIR } from './paths';

export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(TMP_DIR)) {
    const path = join(TMP_DIR, name);
    if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
  const filters = process.argv.slice(2).filter((arg) => arg.startsWith('tests/') && !arg.includes('vitest.config'));
  const wantsServer = filters.length === 0 || filters.some((f) => f.includes('server'));
  if (wantsServer && process.env.SKIP_BUILD !== '1') {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }
}
