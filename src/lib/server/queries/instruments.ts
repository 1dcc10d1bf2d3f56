/** Instruments and where each stands on entry into force. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { instruments, participations, parties } from '../../../../db/schema';
import { isDepositarySource } from '../../../domain/data-quality';
import { participationsKnownOn } from './parties';
import { computeEntryIntoForce, type EntryIntoForce, type EntryIntoForceRule } from '../../../domain/entry-into-force';

export type InstrumentRecord = typeof instruments.$inferSelect;

/** The entry-into-force rule of an instrument row, or null when it has none. */
export function ruleOf(instrument: InstrumentRecord): EntryIntoForceRule | null {
  if (instrument.eifThreshold === null) return null;
  return {
    threshold: instrument.eifThreshold,
    delayDays: instrument.eifDelayDays ?? 0,
    laterPartyDelayDays: instrument.eifLaterPartyDelayDays,
    regionalOrgsCountExtra: instrument.eifRegionalOrgsCountExtra,
    enteredIntoForceOn: instrument.enteredIntoForceOn,
  };
}

/** The host names of an instrument's depositary record (empty when none is declared). */
export function depositaryHostsOf(instrument: InstrumentRecord): string[] {
  return instrument.depositaryHosts ? instrument.depositaryHosts.split(' ').filter(Boolean) : [];
}

/** Every instrument in display order. */
export async function listInstruments(db: Database): Promise<InstrumentRecord[]> {
  return db.select().from(instruments).orderBy(asc(instruments.sortOrder));
}

/** One instrument by slug, or null. */
export async function getInstrument(db: Database, slug: string): Promise<InstrumentRecord | null> {
  const rows = await db.select().from(instruments).where(eq(instruments.slug, slug)).limit(1);
  return rows[0] ?? null;
}

/** Where an instrument stands on entry into force on `today` (a past day: from the actions known then); null when it has no rule. */
export async function getEntryIntoForce(db: Database, instrument: InstrumentRecord, today: string): Promise<EntryIntoForce | null> {
  const rule = ruleOf(instrument);
  if (!rule) return null;
  const actions = await db
    .select({
      partySlug: participations.partySlug,
      partyKind: parties.kind,
      action: participations.action,
      actedOn: participations.actedOn,
      sourceUrl: participations.sourceUrl,
    })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, instrument.slug), participationsKnownOn(today)));
  const hosts = depositaryHostsOf(instrument);
  const result = computeEntryIntoForce(
    rule,
    actions.map(({ sourceUrl, ...a }) => ({ ...a, depositaryRecorded: isDepositarySource(sourceUrl, hosts) })),
    today,
  );
  return result.hasRule ? result : null;
}
