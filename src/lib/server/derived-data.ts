/**
 * The derived tables (db/schema/derived.ts): scores per party computed once per change
 * instead of per page view, a full rebuild for bulk loads, and a check that every derived
 * row equals a recomputation from the history (`npm run db:check`).
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { currentAssessments, parties, partyScores, publishedTotals } from '../../../db/schema';
import { scoreParty, type PartyScores, type Score } from '../../domain/scoring';
import { endOfDayIso } from '../../domain/dates';
import { ASSESSORS, type Assessor, type Theme } from '../../domain/vocabulary';
import type { Executor } from './audit';
import { getApplicableCommitments, getCurrentAssessments } from './queries/scorecard';

/** A day after any `as_of`: "whatever is latest". */
const END_OF_TIME = '9999-12-31';

export type PartyScoreRow = typeof partyScores.$inferSelect;

/** Which scores a page wants: the overall one, or those of one instrument or one theme. */
export type ScoreScope = { scope: 'overall' } | { scope: 'instrument'; key: string } | { scope: 'theme'; key: Theme };

const scopeKeyOf = (scope: ScoreScope) => (scope.scope === 'overall' ? '' : scope.key);

/** The `party_scores` rows of one party's scores: overall, per instrument and per theme, per assessor. */
export function partyScoreRows(partySlug: string, scores: PartyScores, validFrom: string | null, publishedThrough: string | null = null): PartyScoreRow[] {
  const rows: PartyScoreRow[] = [];
  const count = (pick: (code: { instrumentSlug: string; theme: Theme }) => boolean) => scores.commitments.filter((c) => pick(c.commitment)).length;
  const push = (scope: PartyScoreRow['scope'], scopeKey: string, assessor: Assessor, score: Score, commitments: number) =>
    rows.push({ partySlug, scope, scopeKey, assessor, score: score.score, rated: score.rated, applicable: score.applicable, commitments, validFrom, publishedThrough, methodologyVersion: score.methodologyVersion });
  for (const assessor of ASSESSORS) {
    const s = scores.byAssessor[assessor];
    push('overall', '', assessor, s.overall, scores.commitments.length);
    for (const [slug, score] of Object.entries(s.byInstrument)) push('instrument', slug, assessor, score, count((c) => c.instrumentSlug === slug));
    for (const [theme, score] of Object.entries(s.byTheme)) push('theme', theme, assessor, score!, count((c) => c.theme === theme));
  }
  return rows;
}

/** One party's score rows computed from its current assessments (what `party_scores` should hold for it). */
export async function computePartyScoreRows(db: Executor, partySlug: string): Promise<PartyScoreRow[]> {
  const [applicable, current] = await Promise.all([getApplicableCommitments(db, partySlug), getCurrentAssessments(db, partySlug, END_OF_TIME)]);
  const latest = (pick: (a: (typeof current)[number]) => string) => current.reduce<string | null>((max, a) => (max === null || pick(a) > max ? pick(a) : max), null);
  const validFrom = latest((a) => a.asOf);
  const publishedThrough = latest((a) => a.publishedAt ?? a.asOf);
  return partyScoreRows(partySlug, scoreParty(partySlug, applicable, current, END_OF_TIME), validFrom, publishedThrough);
}

/**
 * Writes the scores of every party that has none (the triggers drop a party's rows when
 * what it is scored on changes), or of the parties given. Run it in the transaction that
 * made the change. Returns how many parties it scored.
 */
export async function refreshPartyScores(db: Executor, partySlugs?: string[]): Promise<number> {
  const slugs =
    partySlugs ??
    (
      await db
        .select({ slug: parties.slug })
        .from(parties)
        .where(notInArray(parties.slug, db.select({ slug: partyScores.partySlug }).from(partyScores).where(eq(partyScores.scope, 'overall'))))
    ).map((r) => r.slug);
  for (const slug of slugs) {
    const rows = await computePartyScoreRows(db, slug);
    await db.delete(partyScores).where(eq(partyScores.partySlug, slug));
    for (let i = 0; i < rows.length; i += 500) await db.insert(partyScores).values(rows.slice(i, i + 500));
  }
  return slugs.length;
}

/**
 * Each party's scores in `scope` on `asOf`, keyed by party; a party is present when at least
 * one commitment of the scope applies to it. Read from `party_scores` (a few hundred rows);
 * a party whose rows are missing or rest on assessments dated after `asOf` or published after
 * its end is scored live from
 * its own rows (see getCurrentAssessments).
 */
export async function getScoresByParty(db: Executor, scope: ScoreScope, asOf: string): Promise<Map<string, Record<Assessor, Score>>> {
  const [slugs, markers, rows] = await Promise.all([
    db.select({ slug: parties.slug }).from(parties).orderBy(parties.slug),
    db.select({ partySlug: partyScores.partySlug, validFrom: partyScores.validFrom, publishedThrough: partyScores.publishedThrough }).from(partyScores).where(and(eq(partyScores.scope, 'overall'), eq(partyScores.assessor, 'independent'))),
    db.select().from(partyScores).where(and(eq(partyScores.scope, scope.scope), eq(partyScores.scopeKey, scopeKeyOf(scope)))),
  ]);
  const endOfDay = endOfDayIso(asOf);
  const fresh = new Set(markers.filter((m) => m.validFrom === null || (m.validFrom <= asOf && (m.publishedThrough ?? m.validFrom) <= endOfDay)).map((m) => m.partySlug));
  const byParty = new Map<string, PartyScoreRow[]>();
  for (const row of rows) if (fresh.has(row.partySlug)) byParty.set(row.partySlug, [...(byParty.get(row.partySlug) ?? []), row]);
  for (const { slug } of slugs) {
    if (fresh.has(slug)) continue;
    const [applicable, current] = await Promise.all([getApplicableCommitments(db, slug), getCurrentAssessments(db, slug, asOf)]);
    const live = partyScoreRows(slug, scoreParty(slug, applicable, current, asOf), null).filter((r) => r.scope === scope.scope && r.scopeKey === scopeKeyOf(scope));
    byParty.set(slug, live);
  }
  const result = new Map<string, Record<Assessor, Score>>();
  for (const slug of slugs.map((s) => s.slug)) {
    const held = byParty.get(slug);
    if (!held || held.length === 0 || held[0]!.commitments === 0) continue;
    const scores = {} as Record<Assessor, Score>;
    for (const row of held) {
      scores[row.assessor] = { score: row.score, rated: row.rated, applicable: row.applicable, coverage: row.applicable === 0 ? null : row.rated / row.applicable, methodologyVersion: row.methodologyVersion };
    }
    result.set(slug, scores);
  }
  return result;
}

/** The number of published assessments, from the counter the publishing triggers keep. */
export async function getPublishedCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: publishedTotals.assessments }).from(publishedTotals).where(eq(publishedTotals.id, 1));
  return row?.n ?? 0;
}

/** The `current_assessments` rows recomputed from the whole history, by a scan (for rebuilds and checks), without their basis. */
const RECOMPUTED_CURRENT = sql`
  SELECT party_slug, commitment_code, assessor, id AS assessment_id, status, as_of, published_at FROM (
    SELECT party_slug, commitment_code, assessor, id, status, as_of, published_at,
      row_number() OVER (PARTITION BY party_slug, commitment_code, assessor ORDER BY as_of DESC, published_at DESC, id DESC) AS rank
    FROM assessments WHERE state = 'published'
  ) WHERE rank = 1`;

/** The same rows, each with its basis computed by the `assessment_bases` view. */
const RECOMPUTED_CURRENT_WITH_BASIS = sql`
  SELECT r.*, (SELECT b.basis FROM assessment_bases b WHERE b.assessment_id = r.assessment_id) AS basis FROM (${RECOMPUTED_CURRENT}) r`;

/**
 * Recomputes every derived table from the history: for a bulk load that ran with the
 * triggers off (db/generate), or to repair. Run it in one transaction.
 */
export async function rebuildDerivedData(db: Executor): Promise<void> {
  await db.delete(currentAssessments);
  // Each row's basis is set by the table's insert trigger (migration 0018).
  await db.run(sql`INSERT INTO current_assessments (party_slug, commitment_code, assessor, assessment_id, status, as_of, published_at) ${RECOMPUTED_CURRENT}`);
  await db.run(sql`INSERT INTO published_totals (id, assessments) SELECT 1, count(*) FROM assessments WHERE state = 'published' ON CONFLICT (id) DO UPDATE SET assessments = excluded.assessments`);
  await db.delete(partyScores);
  await refreshPartyScores(db);
}

export interface DerivedDataCheck {
  ok: boolean;
  /** One line per disagreement (at most 20 per table). */
  problems: string[];
  checked: { currentAssessments: number; partiesScored: number; partiesMissingScores: number; publishedAssessments: number };
}

/** Compares every derived row with a recomputation from the history; changes nothing. */
export async function checkDerivedData(db: Executor): Promise<DerivedDataCheck> {
  const problems: string[] = [];
  const key = (r: { party_slug: string; commitment_code: string; assessor: string }) => `${r.party_slug}|${r.commitment_code}|${r.assessor}`;
  type CurrentRow = { party_slug: string; commitment_code: string; assessor: string; assessment_id: number; status: string; as_of: string; published_at: string | null; basis: string };
  const expected = new Map((await db.all<CurrentRow>(RECOMPUTED_CURRENT_WITH_BASIS)).map((r) => [key(r), r]));
  const actual = new Map((await db.all<CurrentRow>(sql`SELECT party_slug, commitment_code, assessor, assessment_id, status, as_of, published_at, basis FROM current_assessments`)).map((r) => [key(r), r]));
  const currentProblems: string[] = [];
  for (const [k, want] of expected) {
    const got = actual.get(k);
    if (!got) currentProblems.push(`current_assessments: ${k} is missing (should be assessment ${want.assessment_id})`);
    else if (got.assessment_id !== want.assessment_id || got.status !== want.status || got.as_of !== want.as_of || got.published_at !== want.published_at) currentProblems.push(`current_assessments: ${k} holds assessment ${got.assessment_id} (${got.status}, ${got.as_of}); the history says ${want.assessment_id} (${want.status}, ${want.as_of})`);
    else if (got.basis !== want.basis) currentProblems.push(`current_assessments: ${k} says assessment ${got.assessment_id} rests on ${got.basis}; its evidence and cited measures say ${want.basis}`);
  }
  for (const k of actual.keys()) if (!expected.has(k)) currentProblems.push(`current_assessments: ${k} has no published assessment in the history`);
  problems.push(...currentProblems.slice(0, 20));
  if (currentProblems.length > 20) problems.push(`current_assessments: … and ${currentProblems.length - 20} more`);

  const [counted] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM assessments WHERE state = 'published'`);
  const total = await getPublishedCount(db);
  if (total !== counted!.n) problems.push(`published_totals: says ${total}, the history has ${counted!.n} published assessments`);

  const stored = await db.select().from(partyScores);
  const storedBy = Map.groupBy(stored, (r) => r.partySlug);
  const scored = [...storedBy.keys()].filter((slug) => storedBy.get(slug)!.some((r) => r.scope === 'overall'));
  const rowKey = (r: PartyScoreRow) => `${r.scope}|${r.scopeKey}|${r.assessor}`;
  const scoreProblems: string[] = [];
  for (const slug of scored) {
    const want = new Map((await computePartyScoreRows(db, slug)).map((r) => [rowKey(r), JSON.stringify(r)]));
    const got = new Map(storedBy.get(slug)!.map((r) => [rowKey(r), JSON.stringify(r)]));
    for (const [k, w] of want) if (got.get(k) !== w) scoreProblems.push(`party_scores: ${slug} ${k} is ${got.get(k) ?? 'missing'}; recomputed ${w}`);
    for (const k of got.keys()) if (!want.has(k)) scoreProblems.push(`party_scores: ${slug} ${k} should not exist`);
  }
  for (const slug of storedBy.keys()) if (!scored.includes(slug)) scoreProblems.push(`party_scores: ${slug} has rows but no overall row`);
  problems.push(...scoreProblems.slice(0, 20));
  if (scoreProblems.length > 20) problems.push(`party_scores: … and ${scoreProblems.length - 20} more`);

  const allParties = (await db.select({ slug: parties.slug }).from(parties)).length;
  return {
    ok: problems.length === 0,
    problems,
    checked: { currentAssessments: expected.size, partiesScored: scored.length, partiesMissingScores: allParties - scored.length, publishedAssessments: counted!.n },
  };
}

/** The parties among `slugs` whose scores are cached (for tests and the check command). */
export async function scoredParties(db: Executor, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.selectDistinct({ slug: partyScores.partySlug }).from(partyScores).where(and(inArray(partyScores.partySlug, slugs), eq(partyScores.scope, 'overall')));
  return rows.map((r) => r.slug);
}
