/** The figures on the home page. */
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, instruments, participations, parties } from '../../../../db/schema';
import { getPublishedCount } from '../derived-data';
import { getFeedAssessments } from './feeds';

/** How many parties, instruments, commitments and published assessments there are (the last from the counter the publishing triggers keep). */
export async function getCounts(db: Database) {
  const [p, i, c, a] = await Promise.all([
    db.select({ n: count() }).from(parties),
    db.select({ n: count() }).from(instruments),
    db.select({ n: count() }).from(commitments),
    getPublishedCount(db),
  ]);
  return { parties: p[0]!.n, instruments: i[0]!.n, commitments: c[0]!.n, publishedAssessments: a };
}

/** The parties that joined an instrument with a given action (e.g. the Partnership's members). */
export async function getMembers(db: Database, instrumentSlug: string, action: 'membership' | 'partner') {
  return db
    .select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh, kind: parties.kind, actedOn: participations.actedOn })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, instrumentSlug), eq(participations.action, action)))
    .orderBy(parties.nameEn);
}

/** The most recently published assessments, newest first: the site feed's entries (same order, same names). */
export async function getLatestPublished(db: Database, limit: number) {
  return getFeedAssessments(db, {}, limit);
}
