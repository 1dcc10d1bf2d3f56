/** Current statuses across many parties at once: for the map, theme pages and instrument heatmaps. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, participations } from '../../../../db/schema';
import type { Applicable, LatestStatus } from '../../../domain/aggregate';
import { bindsPartyKind, countingId, shownOn } from './scorecard';
import type { Assessor, Status, Theme } from '../../../domain/vocabulary';

export interface CommitmentScope {
  instrument?: string;
  theme?: Theme;
}

function scopeCondition(scope: CommitmentScope): SQL {
  if (scope.instrument) return sql`c.commitment_code IN (SELECT code FROM commitments WHERE instrument_slug = ${scope.instrument})`;
  if (scope.theme) return sql`c.commitment_code IN (SELECT code FROM commitments WHERE theme = ${scope.theme})`;
  return sql`1 = 1`;
}

/**
 * The latest published assessment on or before `asOf` for every party, commitment and
 * assessor within the scope: the scope's `current_assessments` rows as they are where they
 * are shown on `asOf` (dated on or before it, published by its end), and a history seek (see `countingId`) only for the others.
 * Never reads the whole history; on today's date it reads no history at all.
 */
export async function getLatestStatuses(db: Database, scope: CommitmentScope, asOf: string): Promise<LatestStatus[]> {
  const rows = await db.all<{ id: number; party_slug: string; commitment_code: string; status: Status; assessor: Assessor; as_of: string }>(sql`
    SELECT c.assessment_id AS id, c.party_slug, c.commitment_code, c.status, c.assessor, c.as_of
    FROM current_assessments c
    WHERE ${scopeCondition(scope)} AND ${shownOn('c', asOf)}
    UNION ALL
    SELECT a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of
    FROM current_assessments c
    JOIN assessments a ON a.id = ${countingId(asOf)}
    WHERE ${scopeCondition(scope)} AND NOT ${shownOn('c', asOf)}`);
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
    .innerJoin(
      commitments,
      and(eq(commitments.instrumentSlug, participations.instrumentSlug), eq(commitments.applicability, 'all_parties'), bindsPartyKind(participations.partySlug)),
    )
    .where(scopeWhere.length ? and(...scopeWhere) : undefined);
  const pledges = await db
    .select({ partySlug: commitments.pledgePartySlug, commitmentCode: commitments.code, instrumentSlug: commitments.instrumentSlug, theme: commitments.theme })
    .from(commitments)
    .where(and(eq(commitments.applicability, 'party_pledge'), bindsPartyKind(commitments.pledgePartySlug), ...(scopeWhere.length ? scopeWhere : [])));
  return [...viaMembership, ...pledges.filter((p): p is typeof p & { partySlug: string } => p.partySlug !== null)];
}
