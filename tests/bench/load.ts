/** One autocannon run against one route, reduced to the figures the report shows. */
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  route: string;
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  /** Requests sent; those neither answered nor failed were still in flight when the run ended. */
  sent: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerSecond: number;
  /** CPU time (user + system) the server's processes (primary and workers) spent per answered request. */
  serverCpuMsPerRequest: number | null;
  /** CPU the load generator (this process, its workers included) used, in cores: at 1.0 a single-threaded autocannon is the bottleneck. */
  loaderCores: number;
}

/** CPU time (user + system, in ms) the process `pid` has used, from /proc; null off Linux. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The children of `pid`, from /proc (every thread's list). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** CPU time (ms) of `pid` and every process under it: a clustered server's primary and its workers. */
export function processTreeCpuMs(pid: number): number | null {
  const own = processCpuMs(pid);
  if (own === null) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (processTreeCpuMs(child) ?? 0), own);
}

/**
 * Hits `origin + path` with `connections` connections for `duration` seconds, from `workers`
 * threads (autocannon gives each `connections / workers`); a request unanswered after 10 s
 * counts as an error. `serverPid` is the server's process, whose CPU time is read around the run.
 */
export async function runLoad(
  origin: string,
  serverPid: number,
  route: string,
  path: string,
  connections: number,
  duration: number,
  headers: Record<string, string> = {},
  workers = 1,
): Promise<LoadResult> {
  const serverBefore = processTreeCpuMs(serverPid);
  const loaderBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({ url: `${origin}${path}`, connections, duration, timeout: 10, headers, ...(workers > 1 ? { workers } : {}) });
  const elapsedMs = performance.now() - started;
  const loader = process.cpuUsage(loaderBefore);
  const serverAfter = processTreeCpuMs(serverPid);
  return {
    route,
    path,
    connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    sent: result.requests.sent,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerSecond: result.throughput.average,
    serverCpuMsPerRequest: serverBefore !== null && serverAfter !== null && result.requests.total > 0 ? (serverAfter - serverBefore) / result.requests.total : null,
    loaderCores: (loader.user + loader.system) / 1000 / elapsedMs,
  };
}
