/** What an instrument's dashboard shows: its commitments, its parties' actions, and the current status grid. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, participations, parties } from '../../../../db/schema';
import { participationsKnownOn } from './parties';

/** The instrument's commitments in their stated order. */
export async function getInstrumentCommitments(db: Database, slug: string) {
  return db.select().from(commitments).where(eq(commitments.instrumentSlug, slug)).orderBy(asc(commitments.sortOrder));
}

/** Every party action on the instrument, with the party's names; on a past `asOf`, those known then. */
export async function getInstrumentParticipations(db: Database, slug: string, asOf?: string) {
  return db
    .select({
      partySlug: participations.partySlug,
      nameEn: parties.nameEn,
      nameTh: parties.nameTh,
      kind: parties.kind,
      action: participations.action,
      actedOn: participations.actedOn,
      reservations: participations.reservations,
      declarations: participations.declarations,
      sourceUrl: participations.sourceUrl,
      sourcePublisher: participations.sourcePublisher,
      confidence: participations.confidence,
      note: participations.note,
    })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, slug), participationsKnownOn(asOf)))
    .orderBy(asc(parties.nameEn), asc(participations.actedOn));
}
