/** One autocannon run against one route, reduced to the figures the report shows. */
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
}

/** Hits `origin + path` with `connections` connections for `duration` seconds; a request unanswered after 10 s counts as an error. */
export async function runLoad(
  origin: string,
  route: string,
  path: string,
  connections: number,
  duration: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const result = await autocannon({ url: `${origin}${path}`, connections, duration, timeout: 10, headers });
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
  };
}
