/** In-process timings of the read queries behind the pages (no HTTP): how a page's cost grows with the data. */
import { openDatabase, type Database } from '../../db/client';
import { getPartyTimeline } from '../../src/lib/server/queries/parties';
import { getCurrentAssessments, getPartyScores } from '../../src/lib/server/queries/scorecard';
import { getLatestStatuses } from '../../src/lib/server/queries/statuses';
import { getCounts, getLatestPublished } from '../../src/lib/server/queries/overview';
import { getScoresByParty } from '../../src/lib/server/derived-data';
import { buildSearchView } from '../../src/lib/server/views/search';

export interface QueryTiming {
  database: string;
  assessments: number;
  query: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
  minMs: number;
  /** Rows the query returned (on the last run). */
  rows: number;
}

/** The median, 90th and 99th percentiles of `runs` calls of `fn`, after two warm-up calls. */
export async function timeCalls(runs: number, fn: () => Promise<number>): Promise<{ medianMs: number; p90Ms: number; p99Ms: number; minMs: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < 2; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { medianMs: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), minMs: times[0]!, rows };
}

export interface QueryPlan {
  name: string;
  runs: number;
  call: (db: Database) => Promise<number>;
}

/** The reads behind the pages, timed on every database size: each should cost the same at 10k and 1M. */
export function pageQueries(party: string, today: string, pastAsOf: string, runs: number): QueryPlan[] {
  const uncc = 'un-convention-against-cybercrime';
  return [
    { name: `scorecard: getPartyScores(${party}, today)`, runs, call: async (db) => (await getPartyScores(db, party, today)).scores.commitments.length },
    { name: `scorecard as of ${pastAsOf}: getPartyScores(${party})`, runs, call: async (db) => (await getPartyScores(db, party, pastAsOf)).scores.commitments.length },
    { name: `scorecard as of ${pastAsOf}: getCurrentAssessments(${party})`, runs, call: async (db) => (await getCurrentAssessments(db, party, pastAsOf)).length },
    { name: `scorecard: getPartyTimeline(${party}, today, 50)`, runs, call: async (db) => (await getPartyTimeline(db, party, today)).length },
    { name: 'home: getScoresByParty(overall, today)', runs, call: async (db) => (await getScoresByParty(db, { scope: 'overall' }, today)).size },
    { name: 'home: getCounts + getLatestPublished(6)', runs, call: async (db) => (await getCounts(db)).parties + (await getLatestPublished(db, 6)).length },
    { name: 'theme: getScoresByParty(law_enforcement, today)', runs, call: async (db) => (await getScoresByParty(db, { scope: 'theme', key: 'law_enforcement' }, today)).size },
    { name: 'instrument: getLatestStatuses(UN Convention, today)', runs, call: async (db) => (await getLatestStatuses(db, { instrument: uncc }, today)).length },
    { name: `instrument as of ${pastAsOf}: getLatestStatuses(UN Convention)`, runs, call: async (db) => (await getLatestStatuses(db, { instrument: uncc }, pastAsOf)).length },
  ];
}

/** Name prefix of the search plans (the report gives them their own table, with p99). */
export const SEARCH_PLAN_PREFIX = 'search:';

/**
 * The search page's whole view (filters checked, every kind searched, snippets) for a mix of
 * queries: common words that match a large share of the synthetic narratives (the scan limit
 * bounds them), a Thai phrase in 30% of them, rare words, a party filter, no match.
 */
export function searchQueries(runs: number): QueryPlan[] {
  const cases: [string, Record<string, string>, 'en' | 'th'][] = [
    ['blocked accounts', {}, 'en'],
    ['annual report lead agency', {}, 'en'],
    ['ข้อมูลสังเคราะห์', {}, 'th'],
    ['พระราชกำหนด', {}, 'th'],
    ['fraud', { party: 'tha' }, 'en'],
    ['report', { kind: 'assessment', page: '5' }, 'en'],
    ['zzqxwv', {}, 'en'],
  ];
  return cases.map(([q, extra, locale]) => ({
    name: `${SEARCH_PLAN_PREFIX} "${q}"${Object.keys(extra).length ? ` ${new URLSearchParams(extra)}` : ''} (${locale})`,
    runs,
    call: async (db) => (await buildSearchView(db, new URLSearchParams({ q, ...extra }), locale)).groups.reduce((n, g) => n + g.hits.length, 0),
  }));
}

/** Times every plan on the database at `path`. */
export async function timeQueriesOn(label: string, assessments: number, path: string, plans: QueryPlan[]): Promise<QueryTiming[]> {
  const db = await openDatabase({ url: `file:${path}`, embedded: true });
  try {
    const timings: QueryTiming[] = [];
    for (const plan of plans) {
      const t = await timeCalls(plan.runs, () => plan.call(db));
      timings.push({ database: label, assessments, query: plan.name, runs: plan.runs, ...t });
    }
    return timings;
  } finally {
    db.$client.close();
  }
}
