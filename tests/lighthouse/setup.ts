/**
 * What both Lighthouse scripts (run.ts, trace.ts) start with: the existing build served on
 * 127.0.0.1 with a new, seeded temp database, each page requested once (the first request seeds;
 * then the page cache, not the seed, is measured), and Debian's Chromium launched headless.
 * Exits 2 with a sentence when there is no build or no Chromium.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../helpers/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startLighthouseTarget(pages: readonly string[]) {
  if (!existsSync('dist/server/entry.mjs')) {
    console.error('No build in dist/: run `npm run build` first (this script builds nothing).');
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  const server = await startServer({ SEED_ON_START: 'true' });
  for (const path of pages) await (await server.get(path)).arrayBuffer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { server, chrome };
}
