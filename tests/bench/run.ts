/**
 * `npm run bench [-- --duration 15] [--runs 15] [--connections 25,100] [--loader wrk|autocannon] [--web-concurrency N] [--workers 5] [--encoding 'gzip, deflate, br, zstd'] [--skip-http] [--skip-queries] [--database FILE]`
 *
 * A script, not a test. It generates the scale databases under .data/ when they are missing
 * (10k, 100k and 1M synthetic assessments, see db/generate/scale-data.ts), builds the server
 * when dist/ is missing, and serves the 1M database from the production build on 127.0.0.1
 * as `npm run serve` does: one worker per core (`--web-concurrency N` to change that).
 *
 * Load comes from `wrk` (Debian's package, installed with apt-get when missing and run as
 * root; tests/bench/wrk.ts): written in C, it does not parse bodies, so a run measures the
 * server and not the load generator. autocannon is the fallback (`--loader autocannon`, or when
 * wrk cannot be had); it turns every body into a string, which for a compressed page costs it
 * more CPU than the server spends, so it runs on `--workers` threads. Every request says
 * `Accept-Encoding: gzip, deflate, br, zstd` as browsers do (`--encoding identity` for plain).
 *
 * Rows: the static file (the reference: every other row is reported as a ratio of its req/s
 * in the same run), the cached live scorecard of the party with the most published
 * assessments, its permalink (a past `as_of`), the same scorecard signed in (a real session
 * of a bench account, created in the database once), the API's party scorecard, the API's
 * assessments list, the UN Convention dashboard, the home page, and the scorecard with a
 * cookie that bypasses the page cache (what a render costs). Around each run the server's CPU
 * time (primary and workers, from /proc) is read: CPU per request. Each page's median
 * uncached render time is measured with sequential requests. Then it times the page queries
 * in-process on each database size. Results go to tests/bench/.results/latest.json; Markdown
 * tables go to stdout, progress to stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { createClient } from '@libsql/client';
import { todayIso } from '../../src/domain/dates';
import { ensureScaleDatabases, SCALE_DATABASES, SCALE_WORLD } from './databases';
import { openDatabase } from '../../db/client';
import { getUserByEmail } from '../../src/lib/server/auth/auth-user';
import { createSession } from '../../src/lib/server/auth/session';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import { runLoad, type LoadResult } from './load';
import { ensureWrk, runWrk } from './wrk';
import { pageQueries, SEARCH_PLAN_PREFIX, searchQueries, timeQueriesOn, type QueryTiming } from './queries';
import { httpTable, queryTable, searchTable } from './report';
import { startBenchServer } from './server';

/** A past day for the as_of query: well inside the ten years of synthetic history. */
const PAST_AS_OF = '2023-10-31';
const RESULTS = resolve('tests/bench/.results/latest.json');

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    loader: { type: 'string', default: 'wrk' },
    'web-concurrency': { type: 'string' },
    runs: { type: 'string', default: '15' },
    connections: { type: 'string', default: '25,100' },
    encoding: { type: 'string', default: 'gzip, deflate, br, zstd' },
    workers: { type: 'string', default: '5' },
    'skip-http': { type: 'boolean', default: false },
    'skip-queries': { type: 'boolean', default: false },
    /** Serve this 1M-assessment file (a copy, say) instead of .data/scale.db; with --skip-queries, no scale file is generated. */
    database: { type: 'string' },
  },
  strict: true,
});
const duration = Number(values.duration);
const runs = Number(values.runs);
const connectionLevels = values.connections.split(',').map(Number);
const workers = Number(values.workers);
if (!(duration > 0) || !(runs > 0) || !Number.isInteger(workers) || !(workers > 0) || connectionLevels.some((c) => !(c > 0) || c % workers !== 0)) {
  console.error('error: --duration, --runs, --workers and --connections must be positive numbers, each connection count a multiple of --workers');
  process.exit(1);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
log(`bench: ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);

if (!(values.database && values['skip-queries'])) await ensureScaleDatabases(log);
if (!existsSync('dist/server/entry.mjs')) {
  log('dist/ is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const large = values.database ? { ...SCALE_DATABASES[SCALE_DATABASES.length - 1]!, path: resolve(values.database) } : SCALE_DATABASES[SCALE_DATABASES.length - 1]!;
const today = todayIso();
const { party, published, slugs, totals } = await (async () => {
  const client = createClient({ url: `file:${large.path}` });
  try {
    const top = (await client.execute("SELECT party_slug, count(*) AS n FROM assessments WHERE state = 'published' GROUP BY party_slug ORDER BY n DESC, party_slug LIMIT 1")).rows[0]!;
    const all = (await client.execute('SELECT slug FROM parties ORDER BY slug')).rows.map((r) => String(r.slug));
    const count = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
    return {
      party: String(top.party_slug),
      published: Number(top.n),
      slugs: all,
      totals: {
        parties: all.length,
        commitments: await count('SELECT count(*) FROM commitments'),
        assessments: await count('SELECT count(*) FROM assessments'),
        published: await count("SELECT count(*) FROM assessments WHERE state = 'published'"),
        evidence: await count('SELECT count(*) FROM evidence'),
      },
    };
  } finally {
    client.close();
  }
})();
/** A staff account on the 1M database, for the signed-in row: its session cookie. */
async function benchSessionCookie(path: string): Promise<string> {
  const db = await openDatabase({ url: `file:${path}`, embedded: true });
  try {
    const email = 'bench-reader@example.org';
    const user = (await getUserByEmail(db, email)) ?? (await createUser(db, { email, name: 'Bench reader', roles: ['viewer'], parties: [], password: 'lantern-quarry-seventeen-harbour' }, CLI_ACTOR));
    return `session=${(await createSession(db, user.id)).token}`;
  } finally {
    db.$client.close();
  }
}

const wrk = values['skip-http'] ? null : values.loader === 'autocannon' ? null : ensureWrk(log);
const loaderName = values['skip-http'] ? 'none' : wrk ? 'wrk' : 'autocannon';
const serverEnv: Record<string, string> = values['web-concurrency'] ? { WEB_CONCURRENCY: values['web-concurrency'] } : {};

log(`1M database: ${totals.assessments.toLocaleString('en-US')} assessments; busiest party ${party} with ${published.toLocaleString('en-US')} published`);

const http: LoadResult[] = [];
/** Sent by every load request: what a browser sends. */
const acceptEncoding = { 'accept-encoding': values.encoding };
/** A cookie keeps a request out of the page cache (signed-in readers are never served from it). */
const UNCACHED = { cookie: 'bench=uncached' };
const renders: { route: string; path: string; medianMs: number; maxMs: number }[] = [];
const notes: string[] = [];
/** Runs after which the server still had queued requests 15 s later, and was restarted. */
const restartedAfter: string[] = [];
let largestScorecard: { path: string; bytes: number; gzipBytes: number; brotliBytes: number; milliseconds: number } | null = null;
let busiestScorecard: { path: string; bytes: number; gzipBytes: number; brotliBytes: number } | null = null;
/** Brotli as the page cache compresses (quality 6). */
const brotliSize = (body: Buffer) => brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } }).length;
let serverRssMiB: number | null = null;
let firstRequestMs: number | null = null;

if (!values['skip-http']) {
  const signedIn = { cookie: await benchSessionCookie(large.path) };
  let server = await startBenchServer(large.path, serverEnv);
  log(`server ${server.origin} (pid ${server.pid})`);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const response = await fetch(`${server.origin}${path}`, { redirect: 'manual', headers: { 'accept-encoding': 'identity', ...headers } });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, body, ms: performance.now() - started };
  };
  /** Sequential requests for about `seconds` (at least two): JIT and page cache warm, nothing queued. */
  const warm = async (path: string, seconds: number, headers: Record<string, string> = {}) => {
    const until = performance.now() + seconds * 1000;
    for (let i = 0; i < 2 || performance.now() < until; i++) await get(path, headers);
  };
  try {
    firstRequestMs = (await get('/')).ms;
    // Static first (the reference), the home page last.
    const routes: { route: string; path: string; headers?: Record<string, string> }[] = [
      { route: 'static', path: '/favicon.svg' },
      { route: 'scorecard (cached)', path: `/parties/${party}` },
      { route: 'permalink', path: `/parties/${party}?as_of=${PAST_AS_OF}` },
      { route: 'scorecard (signed in)', path: `/parties/${party}`, headers: signedIn },
      { route: 'API party scorecard', path: `/api/v1/parties/${party}` },
      { route: 'API assessments list', path: '/api/v1/assessments' },
      { route: 'instrument', path: '/instruments/un-convention-against-cybercrime' },
      { route: 'home', path: '/' },
    ];
    for (const r of routes) {
      const answer = await get(r.path, r.headers);
      if (answer.status !== 200) throw new Error(`${r.path} answered ${answer.status}:\n${server.output()}`);
      log(`  ${r.path}: 200, ${answer.body.length.toLocaleString('en-US')} bytes, ${answer.ms.toFixed(0)} ms`);
    }

    // Every scorecard once: the largest page, and a warm-up of the server's code paths.
    log(`fetching all ${slugs.length} scorecards`);
    for (const slug of slugs) {
      const answer = await get(`/parties/${slug}`);
      if (answer.status !== 200) continue;
      const page = { path: `/parties/${slug}`, bytes: answer.body.length, gzipBytes: gzipSync(answer.body).length, brotliBytes: brotliSize(answer.body), milliseconds: Math.round(answer.ms) };
      if (!largestScorecard || page.bytes > largestScorecard.bytes) largestScorecard = page;
      if (slug === party) busiestScorecard = page;
    }
    log(`  largest: ${largestScorecard?.path} ${largestScorecard?.bytes.toLocaleString('en-US')} bytes, ${largestScorecard?.gzipBytes.toLocaleString('en-US')} gzipped`);

    // What a page costs to render, without the page cache: sequential requests with a cookie.
    for (const r of routes.filter((route) => route.route !== 'static' && !route.headers && !route.path.includes('?'))) {
      const times: number[] = [];
      for (let i = 0; i < 11; i++) times.push((await get(r.path, UNCACHED)).ms);
      times.sort((a, b) => a - b);
      renders.push({ route: r.route, path: r.path, medianMs: Math.round(times[5]! * 10) / 10, maxMs: Math.round(times[10]! * 10) / 10 });
      log(`  uncached render ${r.path}: median ${times[5]!.toFixed(1)} ms`);
    }
    routes.splice(2, 0, { route: 'scorecard (uncached)', path: `/parties/${party}`, headers: UNCACHED });

    for (const connections of connectionLevels) {
      for (const r of routes) {
        // Uncached renders are shown at the first level only: they are the comparison, not the service.
        if (r.headers === UNCACHED && connections !== connectionLevels[0]) continue;
        await warm(r.path, Math.min(3, duration), r.headers);
        log(`${loaderName} ${r.route} ${r.path}: ${connections} connections, ${duration} s`);
        const headers = { ...acceptEncoding, ...(r.headers ?? {}) };
        const result = wrk
          ? await runWrk(wrk, server.origin, server.pid, r.route, r.path, connections, duration, headers)
          : await runLoad(server.origin, server.pid, r.route, r.path, connections, duration, headers, workers);
        log(`  ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, server ${result.serverCpuMsPerRequest?.toFixed(3) ?? '?'} ms CPU/request, loader ${result.loaderCores.toFixed(2)} cores`);
        http.push(result);
        const status = readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
        if (status) serverRssMiB = Math.max(serverRssMiB ?? 0, Math.round(Number(status[1]) / 1024));
        if (!(await server.idle(15_000))) {
          // Requests that autocannon gave up on are still queued in the server: start afresh.
          restartedAfter.push(`${r.path} at ${connections} connections`);
          log('  server still busy after 15 s: restarting it');
          await server.stop();
          server = await startBenchServer(large.path, serverEnv);
          await get('/favicon.svg');
        }
      }
    }
  } finally {
    await server.stop();
  }
}

if (restartedAfter.length > 0) {
  notes.push(`The server still had queued requests 15 s after ${restartedAfter.join(', ')}; it was restarted (and warmed) before the next run.`);
}

const queries: QueryTiming[] = [];
if (!values['skip-queries']) {
  const plans = [...pageQueries(party, today, PAST_AS_OF, runs), ...searchQueries(Math.max(100, runs))];
  for (const database of SCALE_DATABASES) {
    log(`in-process timings on ${database.label} (${database.path})`);
    queries.push(...(await timeQueriesOn(database.label, database.assessments, database.path, plans)));
  }
}

const partyRows = await Promise.all(
  (values.database ? [large] : SCALE_DATABASES).map(async (database) => {
    const client = createClient({ url: `file:${database.path}` });
    try {
      const n = (await client.execute({ sql: "SELECT count(*) FROM assessments WHERE party_slug = ? AND state = 'published'", args: [party] })).rows[0]![0];
      return { database: database.label, publishedForParty: Number(n) };
    } finally {
      client.close();
    }
  }),
);

const results = {
  date: new Date().toISOString(),
  machine,
  settings: { loader: loaderName, serverWorkers: values['web-concurrency'] ? Number(values['web-concurrency']) : machine.cores, durationSeconds: duration, connections: connectionLevels, workers, runs, encoding: values.encoding, today, pastAsOf: PAST_AS_OF, world: SCALE_WORLD },
  database: { path: large.path, ...totals },
  party: { slug: party, published, byDatabase: partyRows },
  server: { firstRequestMs, peakRssMiB: serverRssMiB },
  largestScorecard,
  busiestScorecard,
  renders,
  http,
  queries,
  notes,
};
mkdirSync(resolve(RESULTS, '..'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${RESULTS}`);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const markdown = [
  `### Benchmark (${results.date.slice(0, 10)})`,
  '',
  `${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' ')}. ` +
    `Database: ${totals.parties} parties, ${totals.commitments} commitments, ${totals.assessments.toLocaleString('en-US')} assessments ` +
    `(${totals.published.toLocaleString('en-US')} published), ${totals.evidence.toLocaleString('en-US')} evidence rows (synthetic, \`npm run db:generate\`). ` +
    `Production build, \`npm run serve\` with ${values['web-concurrency'] ?? machine.cores} worker process(es), ${wrk ? `wrk (2 threads) ${duration} s per row` : `autocannon ${duration} s per row (${workers === 1 ? 'one thread' : `${workers} threads`})`}, \`Accept-Encoding: ${values.encoding}\`. Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\`. Scorecard: \`${party}\`, the party with the most published assessments (${published.toLocaleString('en-US')}).`,
  '',
  ...(http.length ? [httpTable(http), ''] : []),
  ...(renders.length
    ? ['Render without the page cache (sequential requests with a cookie, median of 11 / slowest):', '', '| Page | median ms | max ms |', '|---|---:|---:|', ...renders.map((r) => `| ${r.route} (\`${r.path}\`) | ${r.medianMs} | ${r.maxMs} |`), '']
    : []),
  ...(largestScorecard
    ? [`Largest scorecard: \`${largestScorecard.path}\`, ${kib(largestScorecard.bytes)} of HTML, ${kib(largestScorecard.gzipBytes)} gzipped, ${kib(largestScorecard.brotliBytes)} in Brotli${busiestScorecard ? `; \`${busiestScorecard.path}\` ${kib(busiestScorecard.bytes)} / ${kib(busiestScorecard.gzipBytes)} / ${kib(busiestScorecard.brotliBytes)}` : ''}.`, '']
    : []),
  ...(queries.length
    ? [
        `In-process, no HTTP: median of ${runs} runs; published assessments of \`${party}\`: ${partyRows.map((p) => `${p.publishedForParty.toLocaleString('en-US')} (${p.database})`).join(', ')}.`,
        '',
        queryTable(queries.filter((q) => !q.query.startsWith(SEARCH_PLAN_PREFIX))),
        '',
        `Search (the whole /search view: filters, every kind, snippets), in-process, ${Math.max(100, runs)} runs each:`,
        '',
        searchTable(queries.filter((q) => q.query.startsWith(SEARCH_PLAN_PREFIX))),
        '',
      ]
    : []),
  ...notes.map((n) => `Note: ${n}`),
].join('\n');
console.log(markdown);
