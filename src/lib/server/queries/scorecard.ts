/** Reads what one party's scores are made of: only its own commitments and current assessments. */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, evidence, participations } from '../../../../db/schema';
import { scoreParty, type PartyScores, type ScoredAssessment } from '../../../domain/scoring';
import type { Assessor, EvidenceGrade, Status } from '../../../domain/vocabulary';

export type CommitmentRecord = typeof commitments.$inferSelect;

/** A published assessment as pages show it. */
export interface PublishedAssessment extends ScoredAssessment {
  narrativeEn: string;
  narrativeTh: string | null;
  authorName: string;
  confidence: 'confirmed' | 'inferred';
}

/** Commitments that apply to a party: every commitment of the instruments it joined, and its own pledges. */
export async function getApplicableCommitments(db: Database, partySlug: string): Promise<CommitmentRecord[]> {
  const joined = db
    .selectDistinct({ slug: participations.instrumentSlug })
    .from(participations)
    .where(eq(participations.partySlug, partySlug));
  return db
    .select()
    .from(commitments)
    .where(
      or(
        and(eq(commitments.applicability, 'all_parties'), inArray(commitments.instrumentSlug, joined)),
        and(eq(commitments.applicability, 'party_pledge'), eq(commitments.pledgePartySlug, partySlug)),
      ),
    )
    .orderBy(commitments.instrumentSlug, commitments.sortOrder);
}

/**
 * The published assessments that count for a party on `asOf`: the latest per commitment and
 * assessor, read with a window over the party's own rows only.
 */
export async function getCurrentAssessments(db: Database, partySlug: string, asOf: string): Promise<PublishedAssessment[]> {
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
    confidence: 'confirmed' | 'inferred';
  }>(sql`
    SELECT id, party_slug, commitment_code, status, assessor, as_of, published_at, narrative_en, narrative_th, author_name, confidence
    FROM (
      SELECT a.*, row_number() OVER (
        PARTITION BY a.commitment_code, a.assessor
        ORDER BY a.as_of DESC, a.published_at DESC, a.id DESC
      ) AS rank
      FROM assessments a
      WHERE a.party_slug = ${partySlug} AND a.state = 'published' AND a.as_of <= ${asOf}
    )
    WHERE rank = 1`);
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
    })
    .from(evidence)
    .where(inArray(evidence.assessmentId, assessmentIds))
    .orderBy(evidence.assessmentId, evidence.position);
}
