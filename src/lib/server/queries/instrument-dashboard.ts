/** What an instrument's dashboard shows: its commitments, its parties' actions, and the current status grid. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, domesticSteps, participations, parties } from '../../../../db/schema';
import { DOMESTIC_STEP_COLUMNS, domesticStepsKnownOn, PARTICIPATION_COLUMNS, participationsKnownOn } from './parties';

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
      ...PARTICIPATION_COLUMNS,
    })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, slug), participationsKnownOn(asOf)))
    .orderBy(asc(parties.nameEn), asc(participations.actedOn));
}

/** Every domestic step recorded on the way to a deposit of the instrument, with the party's names, by date. */
export async function getInstrumentDomesticSteps(db: Database, slug: string, asOf?: string) {
  return db
    .select({
      partySlug: domesticSteps.partySlug,
      nameEn: parties.nameEn,
      nameTh: parties.nameTh,
      ...DOMESTIC_STEP_COLUMNS,
    })
    .from(domesticSteps)
    .innerJoin(parties, eq(parties.slug, domesticSteps.partySlug))
    .where(and(eq(domesticSteps.instrumentSlug, slug), domesticStepsKnownOn(asOf)))
    .orderBy(asc(domesticSteps.takenOn), asc(parties.nameEn));
}
