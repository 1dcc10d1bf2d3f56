/**
 * `npm start`: builds only when the sources changed since the last build, prepares the
 * database, then serves (src/server.ts, every core). The build goes into a folder of its own
 * under `.builds/` (lib/server/release.ts), never into one a running server uses, so a second
 * instance started from the same folder leaves the first one whole.
 *
 * For a production deployment that builds once per release, `npm run build` then
 * `npm run serve` (dist/) does the same without the check.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findCompleteBuild, markComplete, newBuildDir, sourceHash } from './lib/server/release.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(what: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`error: ${what} failed (${result.signal ?? `exit code ${result.status}`})`);
    process.exit(1);
  }
}

const hash = sourceHash(root);
let buildDir = findCompleteBuild(root, hash);
if (buildDir) {
  console.log(`build ${hash} is current (${buildDir}); not building`);
} else {
  buildDir = newBuildDir(root, hash);
  console.log(`sources changed: building ${hash} into ${buildDir}`);
  run('the build', ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', buildDir], { NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' });
  markComplete(root, buildDir, hash);
}

const tsx = pathToFileURL(`${root}node_modules/tsx/dist/loader.mjs`).href;
run('preparing the database', ['--import', tsx, 'db/prepare-cli.ts']);

process.env.BUILD_DIR = buildDir;
await import('./server.ts');
