/** Reads what one party's scores are made of: only its own commitments and current assessments. */
import { and, eq, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import type { Executor } from '../audit';
import { endOfDayIso } from '../../../domain/dates';
import { assessments, commitments, evidence, participations } from '../../../../db/schema';
import { scoreParty, type PartyScores, type ScoredAssessment } from '../../../domain/scoring';
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

/** A counting assessment without its texts: what scores are made of. */
export interface CountingAssessment extends ScoredAssessment {
  confidence: Confidence;
}

/**
 * The assessments that count for a party on `asOf` (as `getCurrentAssessments`), without their
 * narratives: a scorecard scores every commitment but prints the texts of one page of them.
 */
export async function getCountingAssessments(db: Executor, partySlug: string, asOf: string): Promise<CountingAssessment[]> {
  const rows = await db.all<{ id: number; commitment_code: string; status: Status; assessor: Assessor; as_of: string; published_at: string | null; confidence: Confidence }>(sql`
    SELECT a.id, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at, a.confidence
    FROM current_assessments c
    JOIN assessments a ON a.id = ${countingId(asOf)}
    WHERE c.party_slug = ${partySlug}`);
  return rows.map((r) => ({ id: r.id, partySlug, commitmentCode: r.commitment_code, status: r.status, assessor: r.assessor, asOf: r.as_of, publishedAt: r.published_at, confidence: r.confidence }));
}

/** The narratives of the given assessments, by id. */
export async function getAssessmentTexts(db: Executor, ids: number[]): Promise<Map<number, { narrativeEn: string; narrativeTh: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: assessments.id, narrativeEn: assessments.narrativeEn, narrativeTh: assessments.narrativeTh }).from(assessments).where(inArray(assessments.id, ids));
  return new Map(rows.map((r) => [r.id, { narrativeEn: r.narrativeEn, narrativeTh: r.narrativeTh }]));
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
export async function getEvidence(db: Database, assessmentIds: number[]): Promise<EvidenceItem[]> {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      id: evidence.id,
      assessmentId: evidence.assessmentId,
      url: evidence.url,
      title: evidence.title,
      publisher: evidence.publisher,
      publishedOn: evidence.publishedOn,
      grade: evidence.grade,
      confidence: evidence.confidence,
      checkedOn: evidence.checkedOn,
    })
    .from(evidence)
    .where(inArray(evidence.assessmentId, assessmentIds))
    .orderBy(evidence.assessmentId, evidence.position);
}
