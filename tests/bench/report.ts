/** The benchmark's results as Markdown tables the lead can paste into the README. */
import type { LoadResult } from './load';
import type { QueryTiming } from './queries';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const int = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * The HTTP table: one row per route and connection count, throughput relative to the static
 * asset, and the CPU each side spent: the server's per request, the load generator's in cores.
 */
export function httpTable(results: LoadResult[]): string {
  const lines = [
    '| Route | Connections | req/s | p50 (ms) | p99 (ms) | Errors (timeouts) / non-2xx | Unanswered at end | vs static | Server CPU per request (ms) | Loader CPU (cores) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const reference = results.find((s) => s.route === 'static' && s.connections === r.connections);
    const ratio = reference ? `${((r.requestsPerSecond / reference.requestsPerSecond) * 100).toFixed(r.requestsPerSecond / reference.requestsPerSecond < 0.01 ? 2 : 1)}%` : '—';
    const unanswered = Math.max(0, r.sent - r.requests - r.errors);
    const latency = r.requests === 0 ? ['—', '—'] : [ms(r.latencyP50Ms), ms(r.latencyP99Ms)];
    const rate = r.requestsPerSecond < 10 ? r.requestsPerSecond.toFixed(1) : int(r.requestsPerSecond);
    lines.push(`| ${r.route} (\`${r.path}\`) | ${r.connections} | ${rate} | ${latency[0]} | ${latency[1]} | ${int(r.errors)} (${int(r.timeouts)}) / ${int(r.non2xx)} | ${int(unanswered)} | ${ratio} | ${r.serverCpuMsPerRequest === null ? '—' : r.serverCpuMsPerRequest.toFixed(3)} | ${r.loaderCores.toFixed(2)} |`);
  }
  return lines.join('\n');
}

/** The in-process table: one row per query, one column per database size (median ms). */
/** Search latency: median and p99 per query and database size. */
export function searchTable(timings: QueryTiming[]): string {
  const sizes = [...new Set(timings.map((t) => t.database))];
  const queries = [...new Set(timings.map((t) => t.query))];
  const lines = [`| Search (median / p99 ms, results) | ${sizes.map((s) => `${s} assessments`).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const query of queries) {
    const cells = sizes.map((size) => {
      const t = timings.find((x) => x.query === query && x.database === size);
      return t ? `${ms(t.medianMs)} / ${ms(t.p99Ms)} (${t.rows})` : '—';
    });
    lines.push(`| ${query} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function queryTable(timings: QueryTiming[]): string {
  const sizes = [...new Set(timings.map((t) => t.database))];
  const queries = [...new Set(timings.map((t) => t.query))];
  const lines = [`| Query (median ms) | ${sizes.map((s) => `${s} assessments`).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const query of queries) {
    const cells = sizes.map((size) => {
      const t = timings.find((x) => x.query === query && x.database === size);
      return t ? `${ms(t.medianMs)} (${t.rows} rows)` : '—';
    });
    lines.push(`| ${query} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
