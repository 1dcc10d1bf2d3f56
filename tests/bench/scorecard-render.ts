/**
 * `npm run bench:scorecard [-- DATABASE_FILE [PATH ...]]`: what one uncached render of the largest
 * scorecard costs the server, and how big its HTML is. Starts the production build (dist/, one
 * worker) on the benchmark database (the 1M-assessment `.data/scale.db` by default; build it
 * with `npm run db:generate -- --out .data/scale.db`), picks the party with the most current
 * assessments (the longest scorecard) and the one with the most published assessments, and
 * requests each scorecard and its permalink sequentially with a cookie (which keeps the page
 * cache out). The server is warmed up on every page first (WARM_UP rounds over all of them, so
 * that the first page measured does not pay for compiling code the later ones reuse), then each
 * page gets a few more requests and its RUNS measured ones. It reads the server's CPU two ways: per request (the server's REQUEST_CPU_LOG: the
 * process's CPU from a request's arrival to its response's end, every thread), of which it
 * reports the median, as issue 17's target is put; and from /proc around the whole batch divided
 * by the renders, which also counts the garbage collection and compilation that happen between
 * requests. Prints a Markdown table: both CPU figures, median response time, HTML bytes before
 * and after gzip.
 */
import { createClient } from '@libsql/client';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays, todayIso } from '../../src/domain/dates';
import { SCALE_DATABASES } from './databases';
import { processTreeCpuMs } from './load';
import { startBenchServer } from './server';

const RUNS = Number(process.env.RUNS ?? 21);
const WARM_UP = Number(process.env.WARM_UP ?? 30);
const databasePath = resolve(process.argv[2] ?? SCALE_DATABASES[SCALE_DATABASES.length - 1]!.path);
if (!existsSync(databasePath)) {
  console.error(`${databasePath} does not exist: build it with \`npm run db:generate -- --out ${databasePath}\`.`);
  process.exit(1);
}

const client = createClient({ url: `file:${databasePath}` });
const pick = async (sql: string) => String((await client.execute(sql)).rows[0]![0]);
const longest = await pick('SELECT party_slug FROM current_assessments GROUP BY party_slug ORDER BY count(*) DESC, party_slug LIMIT 1');
const busiest = await pick("SELECT party_slug FROM assessments WHERE state = 'published' GROUP BY party_slug ORDER BY count(*) DESC, party_slug LIMIT 1");
const assessments = Number((await client.execute('SELECT count(*) FROM assessments')).rows[0]![0]);
client.close();

const past = addDays(todayIso(), -400);
/** Further pages to measure, after the database file: `npm run bench:scorecard -- FILE /parties/tha /th/parties/tha`. */
const extra = process.argv.slice(3).filter((arg) => arg.startsWith('/'));
const paths = [...new Set([`/parties/${longest}`, `/th/parties/${longest}`, `/parties/${longest}?as_of=${past}`, `/parties/${longest}?page=2`, `/parties/${busiest}`, ...extra])];

const logDir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
const cpuLog = join(logDir, 'requests.tsv');
const server = await startBenchServer(databasePath, { WEB_CONCURRENCY: '1', REQUEST_CPU_LOG: cpuLog });
/** The CPU milliseconds the server logged for `path`, in order (the log is written as each response ends). */
const loggedCpuMs = (path: string): number[] =>
  (existsSync(cpuLog) ? readFileSync(cpuLog, 'utf8') : '')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, url]) => url === path)
    .map(([micros]) => Number(micros) / 1000);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const rows: string[] = [];
/** Requests of each page between the shared warm-up and its measured ones. */
const SETTLE = 10;
const getter = (path: string) => async () => {
  const response = await fetch(`${server.origin}${path}`, { headers: { cookie: 'bench=uncached', 'accept-encoding': 'identity' } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return body;
};
try {
  for (let round = 0; round < WARM_UP; round++) for (const path of paths) await getter(path)();
  for (const path of paths) {
    const get = getter(path);
    for (let i = 0; i < SETTLE; i++) await get();
    // /proc counts CPU in 10 ms ticks: read it around the whole batch, time each request by the clock.
    const wall: number[] = [];
    let html = '';
    const before = processTreeCpuMs(server.pid)!;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      html = await get();
      wall.push(performance.now() - started);
    }
    const cpuPerRender = (processTreeCpuMs(server.pid)! - before) / RUNS;
    // The log line of the last response may land a moment after the client has read it.
    let perRequest = loggedCpuMs(path);
    for (let wait = 0; perRequest.length < WARM_UP + SETTLE + RUNS && wait < 20; wait++) {
      await new Promise((r) => setTimeout(r, 50));
      perRequest = loggedCpuMs(path);
    }
    const measured = perRequest.slice(-RUNS);
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    rows.push(`| \`${path}\` | ${median(measured).toFixed(1)} | ${cpuPerRender.toFixed(1)} | ${median(wall).toFixed(1)} | ${kib(Buffer.byteLength(html))} | ${kib(gzipSync(html).length)} |`);
    console.error(rows[rows.length - 1]);
  }
} finally {
  await server.stop();
  rmSync(logDir, { recursive: true, force: true });
}
console.log(
  [
    `Scorecard renders without the page cache: ${databasePath} (${assessments.toLocaleString('en-US')} assessments), ${RUNS} sequential requests each, after ${WARM_UP} rounds over all the pages and ${SETTLE} more of the page to warm up. Server CPU per render: the median of each request's (arrival to response end, every thread), and the whole batch's from /proc divided by the renders (with the garbage collection between requests).`,
    '',
    '| Page | server CPU ms per render, median | server CPU ms per render, batch | median response ms | HTML | gzipped |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n'),
);
