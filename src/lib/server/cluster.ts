/**
 * Every core serving: src/server.ts runs one worker process per core (node:cluster; the
 * primary only forks, replaces and stops them, it serves nothing), and stops gracefully.
 *
 * The workers share the listening socket and one database (an embedded file in WAL mode,
 * written by each under SQLite's lock with a busy timeout, or a remote libSQL server). Each
 * keeps its own page cache, exact because a cached page is reused only while the data
 * versions read from the database are the ones it was rendered for (page-cache.ts): a
 * publication in one worker re-renders the affected pages in every other. Sessions, sign-in
 * attempts and the audit chain live in the database, so any worker answers any request.
 *
 * This module imports only Node, so that src/server.ts runs it unbundled.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Server } from 'node:http';

/** How long a stopping process lets in-flight requests finish before it closes their connections. */
export const SHUTDOWN_TIMEOUT_MS = 30_000;

/** Workers that crashed within this window count towards the backoff before the next replacement. */
const CRASH_WINDOW_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * How many worker processes to run: WEB_CONCURRENCY when it is a positive whole number, else
 * one per core. 1 means no cluster: the process serves by itself.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const asked = env.WEB_CONCURRENCY?.trim();
  if (asked) {
    const count = Number(asked);
    if (!Number.isInteger(count) || count < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of at least 1 (got "${asked}")`);
    return count;
  }
  return Math.max(1, cores);
}

/** The wait before replacing a worker, after `recentCrashes` crashes within the last minute: none for the first, then doubling up to 30 s. */
export function restartDelay(recentCrashes: number): number {
  if (recentCrashes <= 1) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** (recentCrashes - 2));
}

/**
 * The primary process: forks `count` workers (each runs `exec`, src/server.ts, and serves),
 * replaces a worker that dies (with a growing delay when they keep dying, so a broken
 * database or build does not spin the CPU), and on SIGTERM or SIGINT asks every worker to
 * stop gracefully and exits once they have (0, or 1 when one of them could not finish in time).
 */
export function runPrimary(count: number, exec: string, timeoutMs: number = SHUTDOWN_TIMEOUT_MS): void {
  // The server's file, whatever started the primary (`npm start` runs src/start.ts first).
  cluster.setupPrimary({ exec, args: [] });
  let stopping = false;
  let failed = false;
  const crashes: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => console.log(`worker ${worker.process.pid} started`));
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    const delay = restartDelay(crashes.length);
    console.error(`warn: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); replacing it${delay ? ` in ${delay} ms` : ''}`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers after their requests`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      console.error(`error: workers still running after ${timeoutMs} ms; killing them`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, timeoutMs + 1_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  console.log(`primary ${process.pid}: starting ${count} workers`);
  for (let i = 0; i < count; i++) fork();
}

/**
 * Stops `server` gracefully on SIGTERM or SIGINT: no new connections, requests in flight
 * finish (idle keep-alive connections are closed as they become idle), then the process
 * exits 0; connections still busy after `timeoutMs` are cut and it exits 1.
 */
export function stopGracefullyOnSignal(server: Server, timeoutMs: number = SHUTDOWN_TIMEOUT_MS): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // A keep-alive connection whose request finishes becomes idle: close it then.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    setTimeout(() => {
      console.error(`error: requests still running after ${timeoutMs} ms; closing their connections`);
      server.closeAllConnections();
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A worker whose primary is gone (killed) stops too, rather than serving on unsupervised.
  if (cluster.isWorker) process.on('disconnect', stop);
}
