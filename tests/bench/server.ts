/** Starts the production build (dist/) on 127.0.0.1 and a free port, against a given database file. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface BenchServer {
  origin: string;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves true once a static file answers within 50 ms (no requests queued), false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** A port nothing listens on, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The arguments `npm run serve` gives Node (package.json): the benchmark runs the server exactly
 * as production does, V8 flags included (a larger young generation: fewer garbage collections
 * per render, docs: Performance).
 */
export function serveArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts.serve!.split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's serve script does not start with node: ${scripts.serve}`);
  return args.map((arg) => arg.replace(/^\.\//, ''));
}

/** Runs the production server (src/server.ts, as `npm run serve`) without seeding, and waits until it answers. */
export async function startBenchServer(databasePath: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, serveArguments(), {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: `file:${databasePath}`, SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}/favicon.svg`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    pid: child.pid!,
    output: () => log,
    async idle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const started = performance.now();
        try {
          const response = await fetch(`${origin}/favicon.svg`, { signal: AbortSignal.timeout(Math.max(100, deadline - Date.now())) });
          await response.arrayBuffer();
          if (performance.now() - started < 50) return true;
        } catch {
          // still busy
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      return false;
    },
    // A server busy in a long synchronous query cannot run a SIGTERM handler: SIGKILL after 3 s.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
