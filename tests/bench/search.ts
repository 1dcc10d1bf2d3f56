/**
 * `npx tsx tests/bench/search.ts [--db .data/scale.db] [--runs 200]`: search latency alone
 * (median and p99 of the whole /search view per query), on one benchmark database, without
 * the HTTP benchmark. `npm run bench` times the same plans on every database size.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { searchQueries, timeQueriesOn } from './queries';
import { searchTable } from './report';

const { values } = parseArgs({ options: { db: { type: 'string', default: '.data/scale.db' }, runs: { type: 'string', default: '200' } } });
const path = resolve(values.db!);
if (!existsSync(path)) {
  console.error(`error: no database at ${path} (npm run db:generate -- --out ${values.db})`);
  process.exit(1);
}
const client = createClient({ url: `file:${path}` });
const counts = (await client.execute("SELECT (SELECT count(*) FROM assessments) AS a, (SELECT count(*) FROM assessments WHERE state = 'published') AS p, (SELECT count(*) FROM search_documents) AS d")).rows[0]!;
client.close();
const assessments = Number(counts.a);
const label = assessments >= 1_000_000 ? `${Math.round(assessments / 1_000_000)}M` : `${Math.round(assessments / 1000)}k`;
const timings = await timeQueriesOn(label, assessments, path, searchQueries(Number(values.runs)));
console.log(`${assessments.toLocaleString('en-US')} assessments (${Number(counts.p).toLocaleString('en-US')} published), ${Number(counts.d).toLocaleString('en-US')} search documents; ${values.runs} runs each.\n`);
console.log(searchTable(timings));
