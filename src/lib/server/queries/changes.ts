/**
 * Reads what the "what changed" view needs, and nothing more: the assessments that counted on
 * `from` (one per party, commitment and assessor, found with a window over the scope's rows)
 * and the published assessments dated inside the window, with their evidence.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import type { Applicable } from '../../../domain/aggregate';
import type { HistoryAssessment } from '../../../domain/changes';
import type { Assessor, Status } from '../../../domain/vocabulary';
import { getApplicability } from './statuses';
import { getApplicableCommitments, getEvidence } from './scorecard';

/** One party's history, or every party's history on one instrument's commitments. */
export type ChangeScope = { partySlug: string } | { instrumentSlug: string };

function scopeCondition(scope: ChangeScope): SQL {
  return 'partySlug' in scope
    ? sql`a.party_slug = ${scope.partySlug}`
    : sql`a.commitment_code IN (SELECT c.code FROM commitments c WHERE c.instrument_slug = ${scope.instrumentSlug})`;
}

type Row = { id: number; party_slug: string; commitment_code: string; status: Status; assessor: Assessor; as_of: string; published_at: string | null };

const toAssessment = (r: Row) => ({
  id: r.id,
  partySlug: r.party_slug,
  commitmentCode: r.commitment_code,
  status: r.status,
  assessor: r.assessor,
  asOf: r.as_of,
  publishedAt: r.published_at,
});

/** The assessments that counted on `from`, and those dated in (`from`, `to`], each with its evidence. */
export async function getChangeHistory(db: Database, scope: ChangeScope, from: string, to: string): Promise<{ before: HistoryAssessment[]; window: HistoryAssessment[] }> {
  const where = scopeCondition(scope);
  const [beforeRows, windowRows] = await Promise.all([
    db.all<Row>(sql`
      SELECT id, party_slug, commitment_code, status, assessor, as_of, published_at FROM (
        SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at,
          row_number() OVER (
            PARTITION BY a.party_slug, a.commitment_code, a.assessor
            ORDER BY a.as_of DESC, a.published_at DESC, a.id DESC
          ) AS rank
        FROM assessments a
        WHERE ${where} AND a.state = 'published' AND a.as_of <= ${from}
      ) WHERE rank = 1`),
    db.all<Row>(sql`
      SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at
      FROM assessments a
      WHERE ${where} AND a.state = 'published' AND a.as_of > ${from} AND a.as_of <= ${to}`),
  ]);
  const evidence = Map.groupBy(await getEvidence(db, [...beforeRows, ...windowRows].map((r) => r.id)), (e) => e.assessmentId);
  const withEvidence = (r: Row): HistoryAssessment => ({
    ...toAssessment(r),
    evidence: (evidence.get(r.id) ?? []).map((e) => ({ id: e.id, url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn, grade: e.grade })),
  });
  return { before: beforeRows.map(withEvidence), window: windowRows.map(withEvidence) };
}

/** Which commitments apply to which parties within the scope. */
export async function getScopeApplicability(db: Database, scope: ChangeScope): Promise<Applicable[]> {
  if ('instrumentSlug' in scope) return getApplicability(db, { instrument: scope.instrumentSlug });
  const commitments = await getApplicableCommitments(db, scope.partySlug);
  return commitments.map((c) => ({ partySlug: scope.partySlug, commitmentCode: c.code, instrumentSlug: c.instrumentSlug, theme: c.theme }));
}
