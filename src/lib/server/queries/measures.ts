/**
 * Reads the measures register: one party's measures, one measure with its steps, sources and
 * crosswalk, the measures serving one commitment, and pages of measures for the API. Only
 * published measures unless a function says otherwise.
 */
import { and, asc, count, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../audit';
import { assessmentMeasures, commitments, instruments, measureCommitments, measures, measureSources, measureSteps, parties } from '../../../../db/schema';
import type { MeasureExtent, MeasureKind } from '../../../domain/vocabulary';
import { idList } from './scorecard';

export type MeasureRecord = typeof measures.$inferSelect;
export type MeasureStepRecord = typeof measureSteps.$inferSelect;
export type MeasureSourceRecord = typeof measureSources.$inferSelect;

/** A crosswalk link as pages show it: the commitment, its instrument, how far the measure goes. */
export interface MeasureLink {
  measureId: string;
  commitmentCode: string;
  extent: MeasureExtent;
  noteEn: string | null;
  noteTh: string | null;
  commitmentTitleEn: string;
  commitmentTitleTh: string;
  reference: string;
  instrumentSlug: string;
  instrumentShortName: string;
  instrumentTitleEn: string;
  instrumentTitleTh: string;
}

/** A measure with everything its page shows. */
export interface MeasureDetail {
  measure: MeasureRecord;
  steps: MeasureStepRecord[];
  sources: MeasureSourceRecord[];
  links: MeasureLink[];
}

const published = eq(measures.state, 'published');

/** One measure with its steps, sources and crosswalk links; null when missing (or unpublished, unless asked). */
export async function getMeasure(db: Executor, id: string, options: { includeUnpublished?: boolean } = {}): Promise<MeasureDetail | null> {
  const [measure] = await db
    .select()
    .from(measures)
    .where(options.includeUnpublished ? eq(measures.id, id) : and(eq(measures.id, id), published));
  if (!measure) return null;
  const [steps, sources, links] = await Promise.all([
    db.select().from(measureSteps).where(eq(measureSteps.measureId, id)).orderBy(asc(measureSteps.position)),
    db.select().from(measureSources).where(eq(measureSources.measureId, id)).orderBy(asc(measureSources.position)),
    getMeasureLinks(db, [id]),
  ]);
  return { measure, steps, sources, links };
}

/** The crosswalk links of the given measures, in instrument then commitment order. */
export async function getMeasureLinks(db: Executor, ids: string[]): Promise<MeasureLink[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      measureId: measureCommitments.measureId,
      commitmentCode: measureCommitments.commitmentCode,
      extent: measureCommitments.extent,
      noteEn: measureCommitments.noteEn,
      noteTh: measureCommitments.noteTh,
      commitmentTitleEn: commitments.titleEn,
      commitmentTitleTh: commitments.titleTh,
      reference: commitments.reference,
      instrumentSlug: instruments.slug,
      instrumentShortName: instruments.shortName,
      instrumentTitleEn: instruments.titleEn,
      instrumentTitleTh: instruments.titleTh,
    })
    .from(measureCommitments)
    .innerJoin(commitments, eq(commitments.code, measureCommitments.commitmentCode))
    .innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug))
    .where(inArray(measureCommitments.measureId, ids))
    .orderBy(asc(instruments.sortOrder), asc(commitments.sortOrder));
}

/** A party's published measures, newest step first, with how many commitments each serves. */
export async function listPartyMeasures(db: Executor, partySlug: string) {
  return db
    .select({
      id: measures.id,
      kind: measures.kind,
      titleEn: measures.titleEn,
      titleTh: measures.titleTh,
      currentStep: measures.currentStep,
      currentStepOn: sql<string | null>`(SELECT s.date FROM measure_steps s WHERE s.measure_id = measures.id ORDER BY s.position DESC LIMIT 1)`,
      commitments: sql<number>`(SELECT count(*) FROM measure_commitments mc WHERE mc.measure_id = measures.id)`,
    })
    .from(measures)
    .where(and(eq(measures.partySlug, partySlug), published))
    .orderBy(asc(measures.kind), asc(measures.titleEn));
}

/** How many published measures a party has. */
export async function countPartyMeasures(db: Executor, partySlug: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(measures).where(and(eq(measures.partySlug, partySlug), published));
  return row?.n ?? 0;
}

/** The published measures that serve one commitment: who has a measure for it and how far it goes. */
export async function listCommitmentMeasures(db: Executor, commitmentCode: string) {
  return db
    .select({
      id: measures.id,
      partySlug: measures.partySlug,
      partyNameEn: parties.nameEn,
      partyNameTh: parties.nameTh,
      kind: measures.kind,
      titleEn: measures.titleEn,
      titleTh: measures.titleTh,
      currentStep: measures.currentStep,
      extent: measureCommitments.extent,
      noteEn: measureCommitments.noteEn,
      noteTh: measureCommitments.noteTh,
    })
    .from(measureCommitments)
    .innerJoin(measures, eq(measures.id, measureCommitments.measureId))
    .innerJoin(parties, eq(parties.slug, measures.partySlug))
    .where(and(eq(measureCommitments.commitmentCode, commitmentCode), published))
    .orderBy(asc(parties.nameEn), asc(measures.titleEn));
}

/** Filters of the API's measure list. */
export interface MeasureFilter {
  partySlug?: string;
  commitmentCode?: string;
  kind?: MeasureKind;
  /** Keyset cursor: rows strictly after this (published_at, id). */
  after?: { publishedAt: string; id: string };
}

/** Published measures in (`published_at`, `id`) order, `limit` of them after the cursor. */
export async function listPublishedMeasures(db: Executor, filter: MeasureFilter, limit: number): Promise<MeasureRecord[]> {
  const where: (SQL | undefined)[] = [published];
  if (filter.partySlug) where.push(eq(measures.partySlug, filter.partySlug));
  if (filter.kind) where.push(eq(measures.kind, filter.kind));
  if (filter.commitmentCode) {
    where.push(
      inArray(
        measures.id,
        db.select({ id: measureCommitments.measureId }).from(measureCommitments).where(eq(measureCommitments.commitmentCode, filter.commitmentCode)),
      ),
    );
  }
  if (filter.after) {
    const { publishedAt, id } = filter.after;
    where.push(or(gt(measures.publishedAt, publishedAt), and(eq(measures.publishedAt, publishedAt), gt(measures.id, id))));
  }
  return db
    .select()
    .from(measures)
    .where(and(...where))
    .orderBy(asc(measures.publishedAt), asc(measures.id))
    .limit(limit);
}

/** The steps and sources of the given measures, for the API and downloads. */
export async function getMeasureChildren(db: Executor, ids: string[]) {
  if (ids.length === 0) return { steps: [] as MeasureStepRecord[], sources: [] as MeasureSourceRecord[] };
  const [steps, sources] = await Promise.all([
    db.select().from(measureSteps).where(inArray(measureSteps.measureId, ids)).orderBy(asc(measureSteps.measureId), asc(measureSteps.position)),
    db.select().from(measureSources).where(inArray(measureSources.measureId, ids)).orderBy(asc(measureSources.measureId), asc(measureSources.position)),
  ]);
  return { steps, sources };
}

/** The published measures each of the given assessments cites, with whether each has an official source. */
export async function getCitedMeasures(db: Executor, assessmentIds: number[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: assessmentMeasures.assessmentId,
      id: measures.id,
      titleEn: measures.titleEn,
      titleTh: measures.titleTh,
      hasOfficialSource: sql<number>`EXISTS (SELECT 1 FROM measure_sources s WHERE s.measure_id = measures.id AND s.role = 'official')`,
    })
    .from(assessmentMeasures)
    .innerJoin(measures, eq(measures.id, assessmentMeasures.measureId))
    // `+state`: seek each assessment's citations, not every published measure for each assessment (hundreds of ids).
    .where(and(sql`${assessmentMeasures.assessmentId} IN ${idList(assessmentIds)}`, sql`+${measures.state} = 'published'`))
    .orderBy(asc(assessmentMeasures.assessmentId), asc(measures.titleEn));
}

/** Every published measure, for the /data download (staff-only fields never read). */
export async function readPublishedMeasuresTable(db: Executor) {
  return db
    .select({
      id: measures.id,
      partySlug: measures.partySlug,
      kind: measures.kind,
      titleEn: measures.titleEn,
      titleTh: measures.titleTh,
      titleOriginal: measures.titleOriginal,
      originalLanguage: measures.originalLanguage,
      summaryEn: measures.summaryEn,
      summaryTh: measures.summaryTh,
      currentStep: measures.currentStep,
      currentStepOn: sql<string | null>`(SELECT s.date FROM measure_steps s WHERE s.measure_id = measures.id ORDER BY s.position DESC LIMIT 1)`,
      officialSourceUrl: sql<string | null>`(SELECT s.url FROM measure_sources s WHERE s.measure_id = measures.id AND s.role = 'official' ORDER BY s.position LIMIT 1)`,
      disputedEn: measures.disputedEn,
      publishedAt: measures.publishedAt,
    })
    .from(measures)
    .where(published)
    .orderBy(asc(measures.publishedAt), asc(measures.id));
}

/** The crosswalk of every published measure, for the /data download. */
export async function readPublishedMeasureCommitmentsTable(db: Executor) {
  return db
    .select({
      measureId: measureCommitments.measureId,
      partySlug: measures.partySlug,
      commitmentCode: measureCommitments.commitmentCode,
      instrumentSlug: commitments.instrumentSlug,
      extent: measureCommitments.extent,
      noteEn: measureCommitments.noteEn,
      noteTh: measureCommitments.noteTh,
    })
    .from(measureCommitments)
    .innerJoin(measures, eq(measures.id, measureCommitments.measureId))
    .innerJoin(commitments, eq(commitments.code, measureCommitments.commitmentCode))
    .where(published)
    .orderBy(asc(measureCommitments.measureId), asc(commitments.instrumentSlug), asc(commitments.sortOrder));
}
