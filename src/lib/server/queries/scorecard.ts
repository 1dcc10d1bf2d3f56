/** Reads what one party's scores are made of: only its own commitments and current assessments. */
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import type { Executor } from '../audit';
import { endOfDayIso } from '../../../domain/dates';
import { assessments, commitments, participations } from '../../../../db/schema';
import { scoreParty, type PartyScores, type ScoredAssessment } from '../../../domain/scoring';
import type { Basis } from '../../../domain/basis';
import type { Assessor, Confidence, EvidenceGrade, Status } from '../../../domain/vocabulary';

export type CommitmentRecord = typeof commitments.$inferSelect;

/**
 * True for an assessment row (alias `alias`) that the monitor shows on `asOf`: dated on or
 * before that day and published by its end (UTC). A row without a publication stamp counts
 * as published on its own date. A later publication, even one dated earlier, never changes
 * the view of a past day.
 */
export function shownOn(alias: string, asOf: string) {
  const a = sql.raw(alias);
  return sql`(${a}.as_of <= ${asOf} AND coalesce(${a}.published_at, ${a}.as_of) <= ${endOfDayIso(asOf)})`;
}

/**
 * For a `current_assessments` row `c`, the id of the assessment that counts on `asOf`: the
 * current one when it is shown on `asOf` (dated on or before it and published by its end),
 * else the latest published one that is (one seek in `assessments_party_latest_idx`, which
 * holds `published_at` beside `as_of`), or null when there is none yet. The current row is the
 * latest of all, so when it is shown it is the latest of those shown.
 */
export function countingId(asOf: string) {
  return sql`(CASE WHEN ${shownOn('c', asOf)} THEN c.assessment_id ELSE (
    SELECT x.id FROM assessments x
    WHERE x.party_slug = c.party_slug AND x.state = 'published' AND x.commitment_code = c.commitment_code
      AND x.assessor = c.assessor AND ${shownOn('x', asOf)}
    ORDER BY x.as_of DESC, x.published_at DESC, x.id DESC
    LIMIT 1
  ) END)`;
}

/** A published assessment as pages show it. */
export interface PublishedAssessment extends ScoredAssessment {
  narrativeEn: string;
  narrativeTh: string | null;
  authorName: string;
  confidence: Confidence;
}

/**
 * SQL: the commitment binds the party's kind (src/domain/applicability.ts): `all`, `states`
 * for a state, `companies` for a company.
 */
export function bindsPartyKind(partySlug: AnyColumn | string) {
  return sql`(${commitments.partyKinds} = 'all' OR ${commitments.partyKinds} = (SELECT CASE p.kind WHEN 'state' THEN 'states' WHEN 'company' THEN 'companies' ELSE '-' END FROM parties p WHERE p.slug = ${partySlug}))`;
}

/**
 * Commitments that apply to a party: every commitment of the instruments it joined, and its
 * own pledges, of those that bind its kind of party.
 */
export async function getApplicableCommitments(db: Executor, partySlug: string): Promise<CommitmentRecord[]> {
  const joined = db
    .selectDistinct({ slug: participations.instrumentSlug })
    .from(participations)
    .where(eq(participations.partySlug, partySlug));
  return db
    .select()
    .from(commitments)
    .where(
      and(
        or(
          and(eq(commitments.applicability, 'all_parties'), inArray(commitments.instrumentSlug, joined)),
          and(eq(commitments.applicability, 'party_pledge'), eq(commitments.pledgePartySlug, partySlug)),
        ),
        bindsPartyKind(partySlug),
      ),
    )
    .orderBy(commitments.instrumentSlug, commitments.sortOrder);
}

/**
 * The published assessments that count for a party on `asOf`: the latest per commitment and
 * assessor. Reads the party's rows of `current_assessments` (one per commitment and
 * assessor); only where that row is dated after `asOf` does it seek the history, one index
 * seek per commitment and assessor, so the cost follows what the page shows, not how long
 * the history is.
 */
export async function getCurrentAssessments(db: Executor, partySlug: string, asOf: string): Promise<PublishedAssessment[]> {
  const rows = await db.all<{
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
    confidence: Confidence;
  }>(sql`
    SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at, a.narrative_en, a.narrative_th, a.author_name, a.confidence
    FROM current_assessments c
    JOIN assessments a ON a.id = ${countingId(asOf)}
    WHERE c.party_slug = ${partySlug}`);
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

/**
 * A counting assessment without its texts: what scores are made of, and what it rests on
 * (its basis: src/domain/basis.ts, computed in SQL by the `assessment_bases` view).
 */
export interface CountingAssessment extends ScoredAssessment {
  basis: Basis;
}

/**
 * The assessments that count for a party on `asOf` (as `getCurrentAssessments`), without their
 * narratives but with their basis: a scorecard scores every commitment and counts every basis,
 * but prints the texts of one page of them. When every current row is shown on `asOf` (today's
 * view, unless something is dated or published later) they are read from `current_assessments`
 * alone, one range of its primary key, each row with the basis the triggers keep beside it
 * (migration 0018); only otherwise are the assessments themselves read (the history sought),
 * each basis computed by the view.
 */
export async function getCountingAssessments(db: Executor, partySlug: string, asOf: string): Promise<CountingAssessment[]> {
  // The row's columns and basis, and (current rows only) whether it is shown on `asOf`.
  type Row = [id: number, commitmentCode: string, status: Status, assessor: Assessor, asOf: string, publishedAt: string | null, basis: Basis, shown?: number];
  const current = await allAsJson<Row>(
    db,
    sql`SELECT json_group_array(json_array(c.assessment_id, c.commitment_code, c.status, c.assessor, c.as_of, c.published_at, c.basis, ${shownOn('c', asOf)})) AS rows
    FROM current_assessments c
    WHERE c.party_slug = ${partySlug}`,
  );
  const rows: Row[] = current.every((r) => r[7])
    ? current
    : await allAsJson<Row>(
        db,
        sql`SELECT json_group_array(json_array(a.id, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at, (SELECT b.basis FROM assessment_bases b WHERE b.assessment_id = a.id))) AS rows
    FROM current_assessments c
    JOIN assessments a ON a.id = ${countingId(asOf)}
    WHERE c.party_slug = ${partySlug}`,
      );
  return rows.map(([id, commitmentCode, status, assessor, rowAsOf, publishedAt, basis]) => ({ id, partySlug, commitmentCode, status, assessor, asOf: rowAsOf, publishedAt, basis }));
}

/**
 * The rows of `query`, a `SELECT json_group_array(json_array(...)) AS rows ...`: hundreds of
 * rows come back as one string, which costs a fraction of what the driver spends building one
 * object per row.
 */
export async function allAsJson<T>(db: Executor, query: SQL): Promise<T[]> {
  const [row] = await db.all<{ rows: string | null }>(query);
  return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
}

/**
 * SQL: the ids of `ids` as a table (`IN ${idList(ids)}`), bound as one JSON parameter: a
 * scorecard passes hundreds, and one placeholder per id costs more to build than the query.
 */
export function idList(ids: readonly (number | string)[]) {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** The narratives and confidence of the given assessments, by id. */
export async function getAssessmentTexts(db: Executor, ids: number[]): Promise<Map<number, { narrativeEn: string; narrativeTh: string | null; confidence: Confidence }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: assessments.id, narrativeEn: assessments.narrativeEn, narrativeTh: assessments.narrativeTh, confidence: assessments.confidence })
    .from(assessments)
    .where(inArray(assessments.id, ids));
  return new Map(rows.map((r) => [r.id, { narrativeEn: r.narrativeEn, narrativeTh: r.narrativeTh, confidence: r.confidence }]));
}

/** One party's scores on `asOf`, with the commitments they cover. */
export async function getPartyScores(
  db: Database,
  partySlug: string,
  asOf: string,
): Promise<{ scores: PartyScores<PublishedAssessment>; commitments: CommitmentRecord[] }> {
  const [applicable, current] = await Promise.all([
    getApplicableCommitments(db, partySlug),
    getCurrentAssessments(db, partySlug, asOf),
  ]);
  const scores = scoreParty(partySlug, applicable, current, asOf);
  return { scores, commitments: applicable };
}

export interface EvidenceItem {
  id: number;
  assessmentId: number;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  grade: EvidenceGrade;
  /** How sure the monitor is of what the page states, and when it was last read (null on rows entered before these were recorded). */
  confidence?: Confidence | null;
  checkedOn?: string | null;
}

/** Evidence of the given assessments, in their stated order. */
export async function getEvidence(db: Executor, assessmentIds: number[]): Promise<EvidenceItem[]> {
  if (assessmentIds.length === 0) return [];
  type Row = [id: number, assessmentId: number, url: string, title: string, publisher: string, publishedOn: string | null, grade: EvidenceGrade, confidence: Confidence | null, checkedOn: string | null];
  const rows = await allAsJson<Row>(
    db,
    sql`SELECT json_group_array(json_array(id, assessment_id, url, title, publisher, published_on, grade, confidence, checked_on) ORDER BY assessment_id, position, id) AS rows
    FROM evidence WHERE assessment_id IN ${idList(assessmentIds)}`,
  );
  return rows.map(([id, assessmentId, url, title, publisher, publishedOn, grade, confidence, checkedOn]) => ({ id, assessmentId, url, title, publisher, publishedOn, grade, confidence, checkedOn }));
}
