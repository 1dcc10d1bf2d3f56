/** Starts the built server (dist/) on a free port with its own temp database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client';
import { TMP_DIR } from './paths';

export interface TestServer {
  origin: string;
  databaseUrl: string;
  databasePath: string;
  /** The server's process id (to read its CPU time, for instance). */
  pid: number;
  /** Settles when the server process exits, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  get(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The status of `GET url` over HTTPS, accepting the test's self-signed certificate. */
function probeHttps(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpsGet(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
}

/**
 * Starts a server and waits until it answers: one process (WEB_CONCURRENCY=1) unless `env`
 * says otherwise, on a new temp database unless `databasePath` names one (a second app
 * server on the same database); over HTTPS when SERVER_CERT_PATH is given (`get` is then not
 * usable, the origin is).
 */
export async function startServer(env: Record<string, string> = {}, databasePath: string = join(TMP_DIR, `server-${randomUUID()}.db`)): Promise<TestServer> {
  const port = await freePort();
  const databaseUrl = `file:${databasePath}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    env: { ...process.env, WEB_CONCURRENCY: '1', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const tls = Boolean(env.SERVER_CERT_PATH);
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      // Uncompressed: undici cannot reuse a keep-alive socket that carried a gzipped body once
      // the server has closed it while the test blocked its event loop (e.g. in spawnSync).
      if (tls) {
        if ((await probeHttps(`${origin}/`)) < 500) break;
      } else {
        const response = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'identity' } });
        await response.arrayBuffer();
        if (response.status < 500) break;
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    databaseUrl,
    databasePath,
    pid: child.pid!,
    exited,
    get: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The set-up most server test files share: a server (as {@link startServer}, same arguments)
 * and a connection to its database from the test process, to seed it, make staff members and
 * check what the server wrote. Close both with {@link stopServerWithDatabase} in `afterAll`.
 */
export async function startServerWithDatabase(env: Record<string, string> = {}, databasePath?: string): Promise<{ server: TestServer; db: Database }> {
  const server = await startServer(env, databasePath);
  try {
    return { server, db: await openDatabase({ url: server.databaseUrl, embedded: true }) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Closes the test's connection, then stops the server; either may be missing when the set-up failed half-way. */
export async function stopServerWithDatabase(server: TestServer | undefined, db: Database | undefined): Promise<void> {
  db?.$client.close();
  await server?.stop();
}

/** `GET path` on the test server, read whole: its status, headers, text (a page's HTML) and the response itself. */
export async function readPage(server: TestServer, path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; html: string; response: Response }> {
  const response = await server.get(path, init);
  return { status: response.status, headers: response.headers, html: await response.text(), response };
}
