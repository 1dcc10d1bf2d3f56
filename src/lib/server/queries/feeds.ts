/** Reads the newest published assessments for the Atom feeds: all, one party's, or one instrument's. */
import { and, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { endOfDayIso } from '../../../domain/dates';
import type { Database } from '../../../../db/client';
import { assessments, commitments, parties } from '../../../../db/schema';

/** What a feed covers. */
export interface FeedScope {
  partySlug?: string;
  instrumentSlug?: string;
  /** Only what was published by the end of this day (UTC). */
  publishedBy?: string;
}

/** How many entries a feed holds. */
export const FEED_LIMIT = 50;

/** The newest published assessments in the scope (by publication time, then id), with the names an entry shows. */
export async function getFeedAssessments(db: Database, scope: FeedScope, limit: number = FEED_LIMIT) {
  const where: SQL[] = [eq(assessments.state, 'published')];
  if (scope.partySlug) where.push(eq(assessments.partySlug, scope.partySlug));
  if (scope.instrumentSlug) where.push(eq(commitments.instrumentSlug, scope.instrumentSlug));
  if (scope.publishedBy) where.push(lte(assessments.publishedAt, endOfDayIso(scope.publishedBy)));
  return db
    .select({
      id: assessments.id,
      partySlug: assessments.partySlug,
      partyNameEn: parties.nameEn,
      partyNameTh: parties.nameTh,
      commitmentCode: assessments.commitmentCode,
      commitmentTitleEn: commitments.titleEn,
      commitmentTitleTh: commitments.titleTh,
      instrumentSlug: commitments.instrumentSlug,
      status: assessments.status,
      assessor: assessments.assessor,
      asOf: assessments.asOf,
      narrativeEn: assessments.narrativeEn,
      narrativeTh: assessments.narrativeTh,
      authorName: assessments.authorName,
      /** JSON array of `[first write time, name]` of everyone who wrote it. */
      writerNames: sql<string | null>`(SELECT json_group_array(json_array(w.at, w.user_name)) FROM assessment_writers w WHERE w.assessment_id = ${assessments.id})`,
      publishedAt: sql<string>`coalesce(${assessments.publishedAt}, ${assessments.asOf})`,
    })
    .from(assessments)
    .innerJoin(parties, eq(parties.slug, assessments.partySlug))
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .where(and(...where))
    .orderBy(desc(assessments.publishedAt), desc(assessments.id))
    .limit(limit);
}

export type FeedAssessment = Awaited<ReturnType<typeof getFeedAssessments>>[number];
