/**
 * Every core (src/lib/server/cluster.ts) against the built server: with WEB_CONCURRENCY=2 a
 * primary runs two workers on one database; a worker killed is replaced while the server goes
 * on answering; SIGTERM lets a request in flight finish, then every process exits 0.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { restartDelay, workerCount } from '../../src/lib/server/cluster';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The pids of workers the primary reported started, in order. */
function startedWorkers(output: string): number[] {
  return [...output.matchAll(/worker (\d+) started/g)].map((match) => Number(match[1]));
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A GET on a connection of its own (a reused socket could belong to a killed worker). */
function getStatus(origin: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${origin}${path}`, { agent: false, headers: { 'accept-encoding': 'identity' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    })
      .on('error', reject)
      .end();
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('worker count', () => {
  it('is one per core unless WEB_CONCURRENCY says otherwise', () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: '1' }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: ' 3 ' }, 2)).toBe(3);
    expect(() => workerCount({ WEB_CONCURRENCY: '0' }, 2)).toThrow(/WEB_CONCURRENCY/);
    expect(() => workerCount({ WEB_CONCURRENCY: 'many' }, 2)).toThrow(/WEB_CONCURRENCY/);
  });

  it('replaces the first crash at once and backs off when crashes repeat', () => {
    expect(restartDelay(1)).toBe(0);
    expect(restartDelay(2)).toBeGreaterThan(0);
    expect(restartDelay(5)).toBeGreaterThan(restartDelay(3));
    expect(restartDelay(100)).toBe(30_000);
  });
});

describe('a cluster of two workers', () => {
  it('replaces a killed worker and keeps answering', async () => {
    server = await startServer({ WEB_CONCURRENCY: '2' });
    const output = server.output.bind(server);
    const [first, second] = await until('two workers', () => {
      const pids = startedWorkers(output());
      return pids.length >= 2 && pids;
    });
    expect(first).not.toBe(server.pid);
    process.kill(first!, 'SIGKILL');
    const replacement = await until('a replacement', () => startedWorkers(output())[2]);
    expect([first, second]).not.toContain(replacement);
    expect(output()).toMatch(new RegExp(`worker ${first} exited \\(SIGKILL\\); replacing it`));
    expect(isAlive(second!)).toBe(true);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => getStatus(server!.origin, i % 2 ? '/' : '/api/v1/parties/tha')));
    expect(statuses).toEqual(Array(20).fill(200));
  }, 120_000);

  it('on SIGTERM finishes the request in flight, then every process exits 0', async () => {
    server = await startServer({ WEB_CONCURRENCY: '2' });
    const output = server.output.bind(server);
    const workers = await until('two workers', () => {
      const pids = startedWorkers(output());
      return pids.length >= 2 && pids;
    });
    // A sign-in whose body arrives slowly: the request is in flight until the last byte.
    const body = 'email=nobody%40example.org&password=not-the-password';
    let status = 0;
    let answer = '';
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        `${server!.origin}/login`,
        {
          method: 'POST',
          agent: false,
          headers: { origin: server!.origin, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), 'accept-encoding': 'identity' },
        },
        (response) => {
          status = response.statusCode!;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (answer += chunk));
          response.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        process.kill(server!.pid, 'SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 1_500);
      }, 500);
    });
    await done;
    expect(status).toBe(401);
    expect(answer).toMatch(/<html/i);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(output()).toMatch(/SIGTERM: stopping 2 workers/);
    for (const pid of workers) expect(isAlive(pid)).toBe(false);
    expect(output()).not.toMatch(/still running/);
  }, 120_000);
});
