/**
 * Load from `wrk` (Debian's package: C, event loop per thread, does not parse bodies), so that
 * a run measures the server and not the load generator. `ensureWrk` installs it with apt-get
 * when it is missing and this process is root; otherwise the benchmark falls back to
 * autocannon (load.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { LoadResult } from './load';
import { processTreeCpuMs } from './load';

/** The wrk binary to use, installing it when missing (root only), or null when there is none. */
export function ensureWrk(log: (line: string) => void): string | null {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  if (process.getuid?.() !== 0) {
    log('wrk is not installed and this is not root: falling back to autocannon (apt-get install wrk for server-bound figures)');
    return null;
  }
  log('wrk is missing: apt-get install -y wrk');
  const install = spawnSync('sh', ['-c', 'apt-get install -y wrk || (apt-get update && apt-get install -y wrk)'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.status !== 0) {
    log('apt-get could not install wrk: falling back to autocannon');
    return null;
  }
  return 'wrk';
}

/** A wrk duration such as `1.08s`, `35.21ms` or `812.00us`, in milliseconds. */
export function parseWrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000;
}

/** The figures of a `wrk --latency` report. */
export function parseWrkOutput(output: string): { requests: number; seconds: number; p50: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number; bytes: number } {
  const summary = /(\d+) requests in ([\d.]+\w+), ([\d.]+)(\w+) read/.exec(output);
  if (!summary) throw new Error(`wrk printed no summary:\n${output}`);
  const requests = Number(summary[1]);
  const seconds = parseWrkDuration(summary[2]!) / 1000;
  const units: Record<string, number> = { B: 1, KB: 1024, MB: 2 ** 20, GB: 2 ** 30 };
  const bytes = Number(summary[3]) * (units[summary[4]!] ?? 1);
  const percentile = (p: string) => {
    const line = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    return line ? parseWrkDuration(line[1]!) : Number.NaN;
  };
  const latency = /^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const [connect, read, write, timeout] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  return { requests, seconds, p50: percentile('50'), p99: percentile('99'), max: latency ? parseWrkDuration(latency[1]!) : Number.NaN, errors: connect! + read! + write! + timeout!, timeouts: timeout!, non2xx, bytes };
}

/**
 * One wrk run against `origin + path` (2 threads, `connections` connections, `duration`
 * seconds, latency percentiles, a 10 s timeout), with the server's CPU time (its workers
 * included) read around it.
 */
export async function runWrk(wrk: string, origin: string, serverPid: number, route: string, path: string, connections: number, duration: number, headers: Record<string, string> = {}, threads = 2): Promise<LoadResult> {
  const args = ['-t', String(Math.min(threads, connections)), '-c', String(connections), '-d', `${duration}s`, '--timeout', '10s', '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(`${origin}${path}`);
  const serverBefore = processTreeCpuMs(serverPid);
  const started = performance.now();
  const { output, loaderMs } = await new Promise<{ output: string; loaderMs: number }>((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    let loader = 0;
    // wrk's own CPU, read just before it exits (its /proc entry goes with it).
    const sample = setInterval(() => (loader = processTreeCpuMs(child.pid!) ?? loader), 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`wrk exited with ${code}:\n${text}`));
      else resolve({ output: text, loaderMs: loader });
    });
  });
  const elapsedMs = performance.now() - started;
  const serverAfter = processTreeCpuMs(serverPid);
  const figures = parseWrkOutput(output);
  return {
    route,
    path,
    connections,
    durationSeconds: figures.seconds,
    requests: figures.requests,
    sent: figures.requests + figures.errors,
    requestsPerSecond: figures.requests / figures.seconds,
    latencyP50Ms: figures.p50,
    latencyP99Ms: figures.p99,
    latencyMaxMs: figures.max,
    errors: figures.errors,
    timeouts: figures.timeouts,
    non2xx: figures.non2xx,
    bytesPerSecond: figures.bytes / figures.seconds,
    serverCpuMsPerRequest: serverBefore !== null && serverAfter !== null && figures.requests > 0 ? (serverAfter - serverBefore) / figures.requests : null,
    loaderCores: loaderMs / elapsedMs,
  };
}
