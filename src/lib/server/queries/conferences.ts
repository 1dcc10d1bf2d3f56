/** Conferences: the list, and one with its participants and outcomes. */
import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { conferenceOutcomes, conferenceParticipants, conferences, instruments, parties } from '../../../../db/schema';

export type ConferenceRecord = typeof conferences.$inferSelect;

/** Every conference, latest first. */
export async function listConferences(db: Database): Promise<ConferenceRecord[]> {
  return db.select().from(conferences).orderBy(desc(conferences.startsOn));
}

/** One conference with its participants and outcome instruments, or null. */
export async function getConference(db: Database, slug: string) {
  const rows = await db.select().from(conferences).where(eq(conferences.slug, slug)).limit(1);
  const conference = rows[0];
  if (!conference) return null;
  const [participants, outcomes] = await Promise.all([
    db
      .select({
        partySlug: parties.slug,
        nameEn: parties.nameEn,
        nameTh: parties.nameTh,
        kind: parties.kind,
        role: conferenceParticipants.role,
        delegationLevel: conferenceParticipants.delegationLevel,
        note: conferenceParticipants.note,
      })
      .from(conferenceParticipants)
      .innerJoin(parties, eq(parties.slug, conferenceParticipants.partySlug))
      .where(eq(conferenceParticipants.conferenceSlug, slug))
      .orderBy(asc(conferenceParticipants.role), asc(parties.nameEn)),
    db
      .select({ slug: instruments.slug, titleEn: instruments.titleEn, titleTh: instruments.titleTh, shortName: instruments.shortName })
      .from(conferenceOutcomes)
      .innerJoin(instruments, eq(instruments.slug, conferenceOutcomes.instrumentSlug))
      .where(eq(conferenceOutcomes.conferenceSlug, slug)),
  ]);
  return { conference, participants, outcomes };
}
