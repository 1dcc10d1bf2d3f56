/**
 * Builds for `npm start` (src/start.ts) that never disturb a running server.
 *
 * A build is named by a hash of everything it is made from (sources, migrations, content,
 * static files, configuration, lockfile). It is built into a folder of its own,
 * `.builds/<hash>-<nonce>/`, and marked complete only once Astro has finished; a server is
 * started on a complete build (BUILD_DIR) and never sees it change. So a start whose sources
 * are unchanged does not build at all, and a start whose sources changed builds beside the
 * build a running server uses instead of over it (Astro's output names its chunks by content
 * and bakes its own absolute folder into the server entry, so a build cannot be moved or
 * replaced in place). `npm run build` still writes dist/, for `npm run serve` and the tests.
 *
 * Old builds are kept: a long-running server may still load chunks from its own. Remove
 * `.builds/` when no server started with `npm start` runs.
 *
 * Imports only Node, so that src/start.ts runs it unbundled.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folder (under the project) holding the builds `npm start` made. */
export const BUILDS_FOLDER = '.builds';

/** The file written into a build once it is complete. */
export const COMPLETE_MARKER = 'build-complete.json';

/** What a build is made from, relative to the project root: folders walked whole, and single files. */
export const BUILD_INPUTS = ['src', 'db', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Files inside the inputs that a build does not depend on (databases kept there by hand, editor leftovers). */
const IGNORED = /(?:\.(?:db|db-wal|db-shm|db-journal|sqlite)|~|\.swp|\.DS_Store)$/;

function listFiles(root: string, path: string, into: string[]): void {
  const full = join(root, path);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isFile()) {
    if (!IGNORED.test(path)) into.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of readdirSync(full).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    listFiles(root, join(path, name), into);
  }
}

/** The hash (16 hex digits) of every build input under `root`: names and contents, in a fixed order. */
export function sourceHash(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const files: string[] = [];
  for (const input of inputs) listFiles(root, input, files);
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A complete build of sources with `hash` under `root`, or null when there is none. */
export function findCompleteBuild(root: string, hash: string): string | null {
  const folder = join(root, BUILDS_FOLDER);
  if (!existsSync(folder)) return null;
  for (const name of readdirSync(folder).sort()) {
    if (!name.startsWith(`${hash}-`)) continue;
    const dir = join(folder, name);
    if (existsSync(join(dir, COMPLETE_MARKER)) && existsSync(join(dir, 'server', 'entry.mjs'))) return dir;
  }
  return null;
}

/** A new folder name for a build of `hash` (a nonce keeps two starts building at once apart). */
export function newBuildDir(root: string, hash: string): string {
  const nonce = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  return join(root, BUILDS_FOLDER, `${hash}-${nonce}`);
}

/** Marks a finished build complete: from now on `npm start` may serve it. */
export function markComplete(root: string, dir: string, hash: string): void {
  writeFileSync(join(dir, COMPLETE_MARKER), `${JSON.stringify({ hash, builtAt: new Date().toISOString(), dir: relative(root, dir) })}\n`);
}
