/** Current statuses across many parties at once: for the map, theme pages and instrument heatmaps. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, participations } from '../../../../db/schema';
import type { Applicable, LatestStatus } from '../../../domain/aggregate';
import type { Assessor, Status, Theme } from '../../../domain/vocabulary';

export interface CommitmentScope {
  instrument?: string;
  theme?: Theme;
}

function scopeCondition(scope: CommitmentScope): SQL {
  if (scope.instrument) return sql`c.instrument_slug = ${scope.instrument}`;
  if (scope.theme) return sql`c.theme = ${scope.theme}`;
  return sql`1 = 1`;
}

/**
 * The latest published assessment on or before `asOf` for every party, commitment and
 * assessor within the scope. Reads only the scope's commitments (by index), never the whole table.
 */
export async function getLatestStatuses(db: Database, scope: CommitmentScope, asOf: string): Promise<LatestStatus[]> {
  const rows = await db.all<{ id: number; party_slug: string; commitment_code: string; status: Status; assessor: Assessor; as_of: string }>(sql`
    SELECT id, party_slug, commitment_code, status, assessor, as_of FROM (
      SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of,
        row_number() OVER (
          PARTITION BY a.party_slug, a.commitment_code, a.assessor
          ORDER BY a.as_of DESC, a.published_at DESC, a.id DESC
        ) AS rank
      FROM assessments a
      WHERE a.commitment_code IN (SELECT c.code FROM commitments c WHERE ${scopeCondition(scope)})
        AND a.state = 'published' AND a.as_of <= ${asOf}
    ) WHERE rank = 1`);
  return rows.map((r) => ({ assessmentId: r.id, partySlug: r.party_slug, commitmentCode: r.commitment_code, status: r.status, assessor: r.assessor, asOf: r.as_of }));
}

/** Which commitments in the scope apply to which parties: instrument membership plus each party's own pledges. */
export async function getApplicability(db: Database, scope: CommitmentScope): Promise<Applicable[]> {
  const scopeWhere: SQL[] = [];
  if (scope.instrument) scopeWhere.push(eq(commitments.instrumentSlug, scope.instrument));
  if (scope.theme) scopeWhere.push(eq(commitments.theme, scope.theme));
  const viaMembership = await db
    .selectDistinct({ partySlug: participations.partySlug, commitmentCode: commitments.code, instrumentSlug: commitments.instrumentSlug, theme: commitments.theme })
    .from(participations)
    .innerJoin(commitments, and(eq(commitments.instrumentSlug, participations.instrumentSlug), eq(commitments.applicability, 'all_parties')))
    .where(scopeWhere.length ? and(...scopeWhere) : undefined);
  const pledges = await db
    .select({ partySlug: commitments.pledgePartySlug, commitmentCode: commitments.code, instrumentSlug: commitments.instrumentSlug, theme: commitments.theme })
    .from(commitments)
    .where(and(eq(commitments.applicability, 'party_pledge'), ...(scopeWhere.length ? scopeWhere : [])));
  return [...viaMembership, ...pledges.filter((p): p is typeof p & { partySlug: string } => p.partySlug !== null)];
}
