/**
 * `npx tsx tests/bench/experiments.ts [--runs 9] [--http] [--duration 20]`: measures the
 * proposals in the benchmark report before and after, without changing the app.
 *
 * It copies .data/scale.db (1M assessments) to .data/scale-experiment.db and, on the copy only:
 *  1. times the app's own query functions as they are;
 *  2. creates the proposed indexes (they must become a migration to count);
 *  3. times the app's functions again, and rewritten queries that answer the same question,
 *     after checking that they return exactly the same assessments;
 *  4. with --http, serves the original database behind a 10-second micro-cache that gzips
 *     (tests/bench/micro-cache.ts) and runs autocannon at 25 connections, to show what
 *     caching the rendered pages would give.
 * Results go to tests/bench/.results/experiments.json and, as Markdown, to stdout.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client';
import { todayIso } from '../../src/domain/dates';
import { scoreParty } from '../../src/domain/scoring';
import type { Assessor, Status } from '../../src/domain/vocabulary';
import { getApplicableCommitments, getCurrentAssessments, getPartyScores, type PublishedAssessment } from '../../src/lib/server/queries/scorecard';
import { getLatestStatuses } from '../../src/lib/server/queries/statuses';
import { SCALE_DATABASES } from './databases';
import { runLoad, type LoadResult } from './load';
import { startMicroCache } from './micro-cache';
import { timeCalls } from './queries';
import { httpTable } from './report';
import { startBenchServer } from './server';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    http: { type: 'boolean', default: false },
    duration: { type: 'string', default: '20' },
  },
  strict: true,
});
const runs = Number(values.runs);
const duration = Number(values.duration);
const log = (line: string) => process.stderr.write(`${line}\n`);
const PAST_AS_OF = '2023-10-31';
const UNCC = 'un-convention-against-cybercrime';

/** The proposed indexes: each serves one "latest per group" read by seeks instead of a scan and sort. */
export const PROPOSED_INDEXES = [
  {
    name: 'assessments_party_latest_idx',
    sql: 'CREATE INDEX IF NOT EXISTS assessments_party_latest_idx ON assessments (party_slug, state, commitment_code, assessor, as_of, published_at)',
    serves: 'scorecard: latest published per commitment and assessor of one party',
  },
  {
    name: 'assessments_commitment_latest_idx',
    sql: 'CREATE INDEX IF NOT EXISTS assessments_commitment_latest_idx ON assessments (commitment_code, state, party_slug, assessor, as_of, published_at)',
    serves: 'instrument and theme pages: latest published per party, commitment and assessor of a set of commitments',
  },
];

type Row = {
  id: number;
  party_slug: string;
  commitment_code: string;
  status: Status;
  assessor: Assessor;
  as_of: string;
  published_at: string | null;
  narrative_en: string;
  narrative_th: string | null;
  author_name: string;
  confidence: 'confirmed' | 'inferred';
};

/**
 * getCurrentAssessments, rewritten: one index seek per (commitment, assessor) the party has,
 * instead of ranking every one of its rows; the wide columns are read for the winners only.
 */
export async function getCurrentAssessmentsBySeek(db: Database, partySlug: string, asOf: string): Promise<PublishedAssessment[]> {
  const rows = await db.all<Row>(sql`
    SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at, a.narrative_en, a.narrative_th, a.author_name, a.confidence
    FROM assessments a
    WHERE a.id IN (
      SELECT (
        SELECT x.id FROM assessments x
        WHERE x.party_slug = ${partySlug} AND x.state = 'published' AND x.commitment_code = g.commitment_code
          AND x.assessor = g.assessor AND x.as_of <= ${asOf}
        ORDER BY x.as_of DESC, x.published_at DESC, x.id DESC
        LIMIT 1
      )
      FROM (SELECT DISTINCT commitment_code, assessor FROM assessments WHERE party_slug = ${partySlug} AND state = 'published') g
    )`);
  return rows.map((r) => ({
    id: r.id,
    partySlug: r.party_slug,
    commitmentCode: r.commitment_code,
    status: r.status,
    assessor: r.assessor,
    asOf: r.as_of,
    publishedAt: r.published_at,
    narrativeEn: r.narrative_en,
    narrativeTh: r.narrative_th,
    authorName: r.author_name,
    confidence: r.confidence,
  }));
}

/** getLatestStatuses for one instrument, rewritten the same way (one seek per party, commitment and assessor). */
export async function getInstrumentStatusesBySeek(db: Database, instrumentSlug: string, asOf: string) {
  return db.all<{ id: number; party_slug: string; commitment_code: string; status: Status; assessor: Assessor; as_of: string }>(sql`
    SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of
    FROM assessments a
    WHERE a.id IN (
      SELECT (
        SELECT x.id FROM assessments x
        WHERE x.commitment_code = g.commitment_code AND x.state = 'published' AND x.party_slug = g.party_slug
          AND x.assessor = g.assessor AND x.as_of <= ${asOf}
        ORDER BY x.as_of DESC, x.published_at DESC, x.id DESC
        LIMIT 1
      )
      FROM (
        SELECT DISTINCT commitment_code, party_slug, assessor FROM assessments
        WHERE commitment_code IN (SELECT code FROM commitments WHERE instrument_slug = ${instrumentSlug}) AND state = 'published'
      ) g
    )`);
}

/** What a page cache would ask before reusing a result: has anything been inserted or published since? */
async function publicationVersion(db: Database) {
  return db.all(sql`SELECT (SELECT max(id) FROM assessments) AS last_id, (SELECT max(published_at) FROM assessments WHERE state = 'published') AS last_published`);
}

const plan = async (db: Database, query: string) =>
  (await db.$client.execute(`EXPLAIN QUERY PLAN ${query}`)).rows.map((r) => String(r.detail));
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b).join(',');

const source = SCALE_DATABASES[SCALE_DATABASES.length - 1]!.path;
const copy = resolve('.data/scale-experiment.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
log(`copying ${source} to ${copy}`);
copyFileSync(source, copy);
const db = await openDatabase({ url: `file:${copy}`, embedded: true });
const today = todayIso();
const party = String((await db.$client.execute("SELECT party_slug FROM assessments WHERE state = 'published' GROUP BY party_slug ORDER BY count(*) DESC, party_slug LIMIT 1")).rows[0]![0]);

type Timing = { step: string; query: string; medianMs: number; p90Ms: number; rows: number };
const timings: Timing[] = [];
const measure = async (step: string, query: string, fn: () => Promise<number>, n = runs) => {
  const t = await timeCalls(n, fn);
  timings.push({ step, query, medianMs: t.medianMs, p90Ms: t.p90Ms, rows: t.rows });
  log(`  ${step.padEnd(8)} ${query.padEnd(58)} ${t.medianMs.toFixed(1).padStart(8)} ms (${t.rows} rows)`);
};

const scorecardSql = `SELECT id FROM (SELECT a.*, row_number() OVER (PARTITION BY a.commitment_code, a.assessor ORDER BY a.as_of DESC, a.published_at DESC, a.id DESC) AS rank FROM assessments a WHERE a.party_slug = '${party}' AND a.state = 'published' AND a.as_of <= '${today}') WHERE rank = 1`;
const plans: Record<string, string[]> = { 'getCurrentAssessments (as is), before': await plan(db, scorecardSql) };

log(`party ${party}; before (indexes as migrated)`);
await measure('before', `getPartyScores(${party}, today)`, async () => (await getPartyScores(db, party, today)).scores.commitments.length);
await measure('before', `getCurrentAssessments(${party}, today)`, async () => (await getCurrentAssessments(db, party, today)).length);
await measure('before', `getCurrentAssessments(${party}, ${PAST_AS_OF})`, async () => (await getCurrentAssessments(db, party, PAST_AS_OF)).length);
await measure('before', 'getLatestStatuses(UN Convention, today)', async () => (await getLatestStatuses(db, { instrument: UNCC }, today)).length);
await measure('before', 'getLatestStatuses(all, today) (home page)', async () => (await getLatestStatuses(db, {}, today)).length, 2);
await measure('before', 'publication version (cache key)', async () => (await publicationVersion(db)).length);

const pageSize = Number((await db.$client.execute('PRAGMA page_size')).rows[0]![0]);
const pagesBefore = Number((await db.$client.execute('PRAGMA page_count')).rows[0]![0]);
const created: { name: string; sql: string; serves: string; seconds: number }[] = [];
for (const index of PROPOSED_INDEXES) {
  const started = performance.now();
  await db.$client.execute(index.sql);
  created.push({ ...index, seconds: (performance.now() - started) / 1000 });
}
// Fold the new pages into the main file, as a migration followed by normal traffic would.
await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
const pagesAfter = Number((await db.$client.execute('PRAGMA page_count')).rows[0]![0]);
const indexMiB = ((pagesAfter - pagesBefore) * pageSize) / 2 ** 20;
log(`created ${created.map((c) => `${c.name} (${c.seconds.toFixed(1)} s)`).join(', ')}: +${indexMiB.toFixed(0)} MiB`);

const seekSql = `SELECT a.id FROM assessments a WHERE a.id IN (SELECT (SELECT x.id FROM assessments x WHERE x.party_slug = '${party}' AND x.state = 'published' AND x.commitment_code = g.commitment_code AND x.assessor = g.assessor AND x.as_of <= '${today}' ORDER BY x.as_of DESC, x.published_at DESC, x.id DESC LIMIT 1) FROM (SELECT DISTINCT commitment_code, assessor FROM assessments WHERE party_slug = '${party}' AND state = 'published') g)`;
plans['getCurrentAssessments (as is), after'] = await plan(db, scorecardSql);
plans['getCurrentAssessmentsBySeek, after'] = await plan(db, seekSql);

// The rewrites must answer exactly as the originals do.
const checked: string[] = [];
const sample = (await db.$client.execute("SELECT slug FROM parties ORDER BY slug")).rows.map((r) => String(r[0])).filter((_, i) => i % 10 === 0);
for (const slug of [party, ...sample]) {
  for (const day of [today, PAST_AS_OF, '2019-01-01']) {
    const [a, b] = [await getCurrentAssessments(db, slug, day), await getCurrentAssessmentsBySeek(db, slug, day)];
    if (ids(a) !== ids(b)) throw new Error(`getCurrentAssessmentsBySeek differs for ${slug} on ${day}`);
  }
}
checked.push(`getCurrentAssessmentsBySeek = getCurrentAssessments for ${sample.length + 1} parties × 3 dates`);
for (const day of [today, PAST_AS_OF]) {
  const [a, b] = [await getLatestStatuses(db, { instrument: UNCC }, day), await getInstrumentStatusesBySeek(db, UNCC, day)];
  if (ids(a.map((r) => ({ id: r.assessmentId }))) !== ids(b)) throw new Error(`getInstrumentStatusesBySeek differs on ${day}`);
}
checked.push('getInstrumentStatusesBySeek = getLatestStatuses({ instrument }) on 2 dates');
log(checked.join('\n'));

log('after (proposed indexes on the copy)');
await measure('after', `getPartyScores(${party}, today)`, async () => (await getPartyScores(db, party, today)).scores.commitments.length);
await measure('after', `getCurrentAssessments(${party}, today)`, async () => (await getCurrentAssessments(db, party, today)).length);
await measure('after', `getCurrentAssessmentsBySeek(${party}, today)`, async () => (await getCurrentAssessmentsBySeek(db, party, today)).length);
await measure('after', `getCurrentAssessmentsBySeek(${party}, ${PAST_AS_OF})`, async () => (await getCurrentAssessmentsBySeek(db, party, PAST_AS_OF)).length);
await measure('after', `getPartyScores with the seek (${party}, today)`, async () => {
  const [applicable, current] = await Promise.all([getApplicableCommitments(db, party), getCurrentAssessmentsBySeek(db, party, today)]);
  return scoreParty(party, applicable, current, today).commitments.length;
});
await measure('after', 'getLatestStatuses(UN Convention, today)', async () => (await getLatestStatuses(db, { instrument: UNCC }, today)).length);
await measure('after', 'getInstrumentStatusesBySeek(UN Convention, today)', async () => (await getInstrumentStatusesBySeek(db, UNCC, today)).length);
db.$client.close();

const http: LoadResult[] = [];
if (values.http) {
  log(`micro-cache experiment on ${source}`);
  const server = await startBenchServer(source);
  const cache = await startMicroCache(server.origin, 10);
  try {
    const gzip = { 'accept-encoding': 'gzip' };
    const targets = [
      { route: 'static', origin: server.origin, path: '/favicon.svg', headers: {} },
      { route: 'scorecard', origin: server.origin, path: `/parties/${party}`, headers: {} },
      { route: 'static via micro-cache', origin: cache.origin, path: '/favicon.svg', headers: gzip },
      { route: 'scorecard via micro-cache', origin: cache.origin, path: `/parties/${party}`, headers: gzip },
      { route: 'home via micro-cache', origin: cache.origin, path: '/', headers: gzip },
    ];
    for (const t of targets) {
      await fetch(`${t.origin}${t.path}`, { headers: t.headers }).then((r) => r.arrayBuffer());
      log(`autocannon ${t.route}: 25 connections, ${duration} s`);
      const result = await runLoad(t.origin, t.route, t.path, 25, duration, t.headers);
      log(`  ${result.requestsPerSecond.toFixed(1)} req/s, p99 ${result.latencyP99Ms} ms, errors ${result.errors}`);
      http.push(result);
      await server.idle(60_000);
    }
  } finally {
    await cache.stop();
    await server.stop();
  }
}

const out = resolve('tests/bench/.results/experiments.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), party, today, indexes: created, indexMiB, checked, plans, timings, http }, null, 2)}\n`);
log(`wrote ${out}`);

const table = ['| Step | Query | median ms | rows |', '|---|---|---:|---:|', ...timings.map((t) => `| ${t.step} | ${t.query} | ${t.medianMs.toFixed(1)} | ${t.rows} |`)];
console.log(
  [
    `### Experiments on a copy of the 1M database (${today})`,
    '',
    `Indexes created on the copy: ${created.map((c) => `\`${c.name}\` (${c.seconds.toFixed(1)} s to build)`).join(', ')}; together +${indexMiB.toFixed(0)} MiB.`,
    '',
    table.join('\n'),
    '',
    ...Object.entries(plans).map(([name, lines]) => `${name}:\n${lines.map((l) => `    ${l}`).join('\n')}`),
    '',
    ...(http.length ? [httpTable(http), ''] : []),
  ].join('\n'),
);
