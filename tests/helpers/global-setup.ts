/**
 * Runs once before all test files: a clean scratch folder for temp databases, and a fresh
 * production build for the server tests (skipped when only domain or db tests run).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { TMP_DIR } from './paths';

export default function setup(project: { config: { include?: string[] } } & Record<string, unknown>) {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  const filters = process.argv.slice(2).filter((arg) => arg.startsWith('tests/'));
  const wantsServer = filters.length === 0 || filters.some((f) => f.includes('server'));
  if (wantsServer && process.env.SKIP_BUILD !== '1') {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }
  void project;
}
