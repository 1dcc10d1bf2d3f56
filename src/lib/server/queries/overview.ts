/** The figures on the home page. */
import { and, count, eq, gt } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessments, commitments, instruments, participations, parties } from '../../../../db/schema';
import { endOfDayIso, todayIso } from '../../../domain/dates';
import { getPublishedCount } from '../derived-data';
import { getFeedAssessments } from './feeds';
import { participationsKnownOn } from './parties';

/**
 * How many parties, instruments, commitments and published assessments there are; the last
 * from the counter the publishing triggers keep, less (on a past `asOf`) those published after
 * that day's end: a range of `assessments_published_at_idx`, short for a recent day.
 */
export async function getCounts(db: Database, asOf: string = todayIso()) {
  const past = asOf < todayIso();
  const [p, i, c, a, later] = await Promise.all([
    db.select({ n: count() }).from(parties),
    db.select({ n: count() }).from(instruments),
    db.select({ n: count() }).from(commitments),
    getPublishedCount(db),
    past
      ? db.select({ n: count() }).from(assessments).where(and(eq(assessments.state, 'published'), gt(assessments.publishedAt, endOfDayIso(asOf))))
      : Promise.resolve([{ n: 0 }]),
  ]);
  return { parties: p[0]!.n, instruments: i[0]!.n, commitments: c[0]!.n, publishedAssessments: a - later[0]!.n };
}

/** The parties that joined an instrument with a given action (e.g. the Partnership's members); on a past `asOf`, as known then. */
export async function getMembers(db: Database, instrumentSlug: string, action: 'membership' | 'partner', asOf?: string) {
  return db
    .select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh, kind: parties.kind, actedOn: participations.actedOn })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, instrumentSlug), eq(participations.action, action), participationsKnownOn(asOf)))
    .orderBy(parties.nameEn);
}

/** The most recently published assessments (by the end of `asOf` when given), newest first: the site feed's entries (same order, same names). */
export async function getLatestPublished(db: Database, limit: number, asOf?: string) {
  return getFeedAssessments(db, asOf ? { publishedBy: asOf } : {}, limit);
}
