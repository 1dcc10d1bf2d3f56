/**
 * `npm start` (src/start.ts) never breaks a running server. In a copy of the project (so that
 * its sources may be changed): a first instance builds and serves; a second started from the
 * same folder with the sources unchanged does not build; after a source change a third builds
 * beside the first one's build, and the first still answers every route, including those
 * whose chunks it loads only now (feeds, /data, /changes, the OpenAPI document).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILDS_FOLDER, sourceHash } from '../../src/lib/server/release';
import { TMP_DIR } from '../helpers/paths';

const project = join(TMP_DIR, `start-${process.pid}-${Date.now().toString(36)}`);
const databaseUrl = `file:${join(project, '.data', 'start.db')}`;

interface Instance {
  origin: string;
  child: ChildProcess;
  output(): string;
}
const running: Instance[] = [];

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Runs `npm start` (node src/start.ts) in the copy and waits until it answers. */
async function start(): Promise<Instance> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['src/start.ts'], {
    cwd: project,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const instance = { origin: `http://127.0.0.1:${port}`, child, output: () => log };
  running.push(instance);
  const deadline = Date.now() + 280_000;
  for (;;) {
    try {
      const response = await fetch(`${instance.origin}/favicon.svg`);
      await response.arrayBuffer();
      if (response.status === 200) return instance;
    } catch {
      // building, or not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not serve:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(instance: Instance): Promise<void> {
  return new Promise((done) => {
    if (instance.child.exitCode !== null) return done();
    instance.child.once('exit', () => done());
    instance.child.kill('SIGTERM');
  });
}

function builds(): string[] {
  return readdirSync(join(project, BUILDS_FOLDER)).filter((name) => !name.startsWith('.'));
}

/** Every kind of route, among them the ones a rebuild over dist/ used to break. */
const ROUTES = ['/', '/th', '/parties/tha', '/th/parties/tha', '/feed.xml', '/data', '/changes', '/th/changes', '/api/v1/openapi.json', '/api/v1/assessments', '/data/assessments.csv', '/methodology'];

beforeAll(() => {
  mkdirSync(project, { recursive: true });
  for (const input of BUILD_INPUTS) if (existsSync(input)) cpSync(input, join(project, input), { recursive: true });
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
});
afterAll(async () => {
  await Promise.all(running.map(stop));
});

describe('npm start', () => {
  it('names a build by its sources: the same sources, the same hash; any change, another', () => {
    const before = sourceHash(project);
    expect(sourceHash(project)).toBe(before);
    appendFileSync(join(project, 'public', 'robots-note.txt'), 'x');
    expect(sourceHash(project)).not.toBe(before);
  });

  it('never breaks a running server: a second start does not build, a start after a change builds beside it', async () => {
    const first = await start();
    expect(first.output()).toMatch(/sources changed: building/);
    expect(builds()).toHaveLength(1);

    const second = await start();
    expect(second.output()).toMatch(/is current .*not building/);
    expect(builds()).toHaveLength(1);
    await stop(second);

    // A change to the sources: the next start builds anew, beside the build the first one serves.
    appendFileSync(join(project, 'src', 'pages', 'methodology.astro'), '\n<!-- changed -->\n');
    const third = await start();
    expect(third.output()).toMatch(/sources changed: building/);
    expect(builds()).toHaveLength(2);
    expect(existsSync(join(project, 'dist'))).toBe(false);

    for (const instance of [first, third]) {
      for (const path of ROUTES) {
        const response = await fetch(`${instance.origin}${path}`);
        expect(response.status, `${instance.origin}${path}`).toBe(200);
        await response.arrayBuffer();
      }
    }
    expect(first.output()).not.toMatch(/ERR_MODULE_NOT_FOUND/);
  }, 600_000);
});
