/** Parties: the list with filters, one party, its treaty actions, timeline and indicators. */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { endOfDayIso, todayIso } from '../../../domain/dates';
import type { Database } from '../../../../db/client';
import { assessments, commitments, domesticSteps, indicators, indicatorValues, instruments, participations, parties } from '../../../../db/schema';
import type { PartyKind, Region } from '../../../domain/vocabulary';

export type PartyRecord = typeof parties.$inferSelect;

/** One party by its slug (lower-case ISO alpha-3 for states), or null. */
export async function getParty(db: Database, slug: string): Promise<PartyRecord | null> {
  const rows = await db.select().from(parties).where(eq(parties.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export interface PartyFilter {
  kind?: PartyKind;
  region?: Region;
  instrument?: string;
  /** With `instrument`: parties whose action on it was known on this day (see participationsKnownOn). */
  asOf?: string;
}

/** Parties matching the filter, by English name. */
export async function listParties(db: Database, filter: PartyFilter = {}): Promise<PartyRecord[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(parties.kind, filter.kind));
  if (filter.region) where.push(eq(parties.region, filter.region));
  if (filter.instrument) {
    where.push(
      inArray(
        parties.slug,
        db.select({ slug: participations.partySlug }).from(participations).where(and(eq(participations.instrumentSlug, filter.instrument), participationsKnownOn(filter.asOf))),
      ),
    );
  }
  return db
    .select()
    .from(parties)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(parties.nameEn));
}

/**
 * Treaty actions the monitor knew on `asOf`: all of them today (undated ones included), only
 * those dated on or before a past day, so that a past view never gains a later-recorded action.
 */
export function participationsKnownOn(asOf: string | undefined, today: string = todayIso()): SQL | undefined {
  return asOf === undefined || asOf >= today ? undefined : lte(participations.actedOn, asOf);
}

/** The columns a treaty action is shown with, beside its party's or instrument's names. */
export const PARTICIPATION_COLUMNS = {
  action: participations.action,
  actedOn: participations.actedOn,
  reservations: participations.reservations,
  declarations: participations.declarations,
  sourceUrl: participations.sourceUrl,
  sourcePublisher: participations.sourcePublisher,
  confidence: participations.confidence,
  note: participations.note,
  checkedOn: participations.checkedOn,
  notificationRef: participations.notificationRef,
};

/** The columns a domestic step is shown with, beside its party's or instrument's names. */
export const DOMESTIC_STEP_COLUMNS = {
  step: domesticSteps.step,
  takenOn: domesticSteps.takenOn,
  summaryEn: domesticSteps.summaryEn,
  summaryTh: domesticSteps.summaryTh,
  sourceUrl: domesticSteps.sourceUrl,
  sourcePublisher: domesticSteps.sourcePublisher,
  confidence: domesticSteps.confidence,
  note: domesticSteps.note,
  checkedOn: domesticSteps.checkedOn,
};

/** Domestic steps known on `asOf`: on a past day, those dated on or before it (undated ones appear only today). */
export function domesticStepsKnownOn(asOf: string | undefined, today: string = todayIso()): SQL | undefined {
  return asOf === undefined || asOf >= today ? undefined : lte(domesticSteps.takenOn, asOf);
}

/** Indicator values the monitor held at the end of `asOf` (all of them today). */
export function indicatorValuesKnownOn(asOf: string | undefined, today: string = todayIso()): SQL | undefined {
  return asOf === undefined || asOf >= today ? undefined : lte(indicatorValues.createdAt, endOfDayIso(asOf));
}

/** A party's actions on every instrument it joined, with the instrument's names; on a past `asOf`, those known then. */
export async function getPartyParticipations(db: Database, slug: string, asOf?: string) {
  return db
    .select({
      instrumentSlug: participations.instrumentSlug,
      instrumentShortName: instruments.shortName,
      instrumentTitleEn: instruments.titleEn,
      instrumentTitleTh: instruments.titleTh,
      instrumentType: instruments.type,
      ...PARTICIPATION_COLUMNS,
    })
    .from(participations)
    .innerJoin(instruments, eq(instruments.slug, participations.instrumentSlug))
    .where(and(eq(participations.partySlug, slug), participationsKnownOn(asOf)))
    .orderBy(asc(instruments.sortOrder), asc(participations.actedOn));
}

/** A party's published assessments shown on `asOf` (dated then and published by its end), newest first, up to `limit` rows (for the timeline). */
export async function getPartyTimeline(db: Database, slug: string, asOf: string, limit = 50) {
  return db
    .select({
      id: assessments.id,
      commitmentCode: assessments.commitmentCode,
      titleEn: commitments.titleEn,
      titleTh: commitments.titleTh,
      status: assessments.status,
      assessor: assessments.assessor,
      asOf: assessments.asOf,
      publishedAt: assessments.publishedAt,
    })
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .where(and(eq(assessments.partySlug, slug), eq(assessments.state, 'published'), lte(assessments.asOf, asOf), publishedBy(asOf)))
    .orderBy(desc(assessments.asOf), desc(assessments.id))
    .limit(limit);
}

/** Published assessments the monitor had published by the end of `asOf` (a missing stamp counts as the row's own date). */
export function publishedBy(asOf: string): SQL {
  return sql`coalesce(${assessments.publishedAt}, ${assessments.asOf}) <= ${endOfDayIso(asOf)}`;
}

/** A party's indicators with their values in time order; on a past `asOf`, the values held then. */
export async function getPartyIndicators(db: Database, slug: string, asOf?: string) {
  const rows = await db
    .select({
      slug: indicators.slug,
      nameEn: indicators.nameEn,
      nameTh: indicators.nameTh,
      unit: indicators.unit,
      descriptionEn: indicators.descriptionEn,
      descriptionTh: indicators.descriptionTh,
      periodStart: indicatorValues.periodStart,
      periodEnd: indicatorValues.periodEnd,
      periodLabel: indicatorValues.periodLabel,
      value: indicatorValues.value,
      valueHigh: indicatorValues.valueHigh,
      sourceUrl: indicatorValues.sourceUrl,
      sourcePublisher: indicatorValues.sourcePublisher,
      confidence: indicatorValues.confidence,
      note: indicatorValues.note,
      checkedOn: indicatorValues.checkedOn,
    })
    .from(indicators)
    .innerJoin(indicatorValues, eq(indicatorValues.indicatorSlug, indicators.slug))
    .where(and(eq(indicators.partySlug, slug), indicatorValuesKnownOn(asOf)))
    .orderBy(asc(indicators.slug), asc(indicatorValues.periodEnd));
  const grouped = new Map<string, { slug: string; nameEn: string; nameTh: string; unit: string; descriptionEn: string | null; descriptionTh: string | null; values: typeof rows }>();
  for (const row of rows) {
    let group = grouped.get(row.slug);
    if (!group) {
      group = { slug: row.slug, nameEn: row.nameEn, nameTh: row.nameTh, unit: row.unit, descriptionEn: row.descriptionEn, descriptionTh: row.descriptionTh, values: [] };
      grouped.set(row.slug, group);
    }
    group.values.push(row);
  }
  return [...grouped.values()];
}

/** A party's domestic steps on the way to deposits, with the instrument's short name, by date. */
export async function getPartyDomesticSteps(db: Database, slug: string, asOf?: string) {
  return db
    .select({
      instrumentSlug: domesticSteps.instrumentSlug,
      instrumentShortName: instruments.shortName,
      ...DOMESTIC_STEP_COLUMNS,
    })
    .from(domesticSteps)
    .innerJoin(instruments, eq(instruments.slug, domesticSteps.instrumentSlug))
    .where(and(eq(domesticSteps.partySlug, slug), domesticStepsKnownOn(asOf)))
    .orderBy(asc(domesticSteps.takenOn));
}
