/** In-process timings of the read queries behind the pages (no HTTP): how a page's cost grows with the data. */
import { openDatabase, type Database } from '../../db/client';
import { getPartyTimeline } from '../../src/lib/server/queries/parties';
import { getCurrentAssessments, getPartyScores } from '../../src/lib/server/queries/scorecard';
import { getLatestStatuses } from '../../src/lib/server/queries/statuses';

export interface QueryTiming {
  database: string;
  assessments: number;
  query: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  /** Rows the query returned (on the last run). */
  rows: number;
}

/** The median and 90th percentile of `runs` calls of `fn`, after two warm-up calls. */
export async function timeCalls(runs: number, fn: () => Promise<number>): Promise<{ medianMs: number; p90Ms: number; minMs: number; rows: number }> {
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
  return { medianMs: at(0.5), p90Ms: at(0.9), minMs: times[0]!, rows };
}

export interface QueryPlan {
  name: string;
  runs: number;
  call: (db: Database) => Promise<number>;
}

/** The queries timed on every database size. */
export function pageQueries(party: string, today: string, pastAsOf: string, runs: number): QueryPlan[] {
  const few = Math.max(3, Math.ceil(runs / 5));
  return [
    { name: `getPartyScores(${party}, today)`, runs, call: async (db) => (await getPartyScores(db, party, today)).scores.commitments.length },
    { name: `getCurrentAssessments(${party}, ${pastAsOf})`, runs, call: async (db) => (await getCurrentAssessments(db, party, pastAsOf)).length },
    { name: `getPartyTimeline(${party}, today)`, runs, call: async (db) => (await getPartyTimeline(db, party, today)).length },
    { name: 'getLatestStatuses(UN Convention, today)', runs: few, call: async (db) => (await getLatestStatuses(db, { instrument: 'un-convention-against-cybercrime' }, today)).length },
    { name: 'getLatestStatuses(all, today) (home page)', runs: few, call: async (db) => (await getLatestStatuses(db, {}, today)).length },
  ];
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
