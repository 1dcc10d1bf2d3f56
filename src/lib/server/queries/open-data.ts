/**
 * Reads for the open-data API and the bulk downloads that the pages do not need: published
 * assessments page by page, whole tables, counts. Only published assessments (and their
 * evidence) are ever read here.
 */
import { and, asc, count, countDistinct, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import {
  assessments,
  commitments,
  conferenceOutcomes,
  conferenceParticipants,
  conferences,
  evidence,
  indicators,
  indicatorValues,
  instruments,
  participations,
  parties,
  partyScores,
} from '../../../../db/schema';
import { ASSESSORS, THEMES, type Status, type Theme } from '../../../domain/vocabulary';
import { THEME_LABELS } from '../../../i18n/ui';
import { computePartyScoreRows, type PartyScoreRow } from '../derived-data';
import { publishedBy } from './parties';

/** The public columns of a published assessment (with its commitment's instrument and theme); staff-only fields are never read. */
const PUBLISHED_ASSESSMENT_COLUMNS = {
  id: assessments.id,
  partySlug: assessments.partySlug,
  commitmentCode: assessments.commitmentCode,
  instrumentSlug: commitments.instrumentSlug,
  theme: commitments.theme,
  status: assessments.status,
  assessor: assessments.assessor,
  asOf: assessments.asOf,
  publishedAt: assessments.publishedAt,
  confidence: assessments.confidence,
  narrativeEn: assessments.narrativeEn,
  narrativeTh: assessments.narrativeTh,
};

export interface PublishedAssessmentFilter {
  partySlug?: string;
  instrumentSlug?: string;
  theme?: Theme;
  status?: Status;
  /** Published on or after this day (UTC). */
  since?: string;
  /** Shown on this day: describing it or an earlier one, and published by its end (UTC). */
  asOf?: string;
  /** Only rows after this position in the list's order. */
  after?: { publishedAt: string | null; id: number };
}

/**
 * Published assessments in a stable order (`published_at`, then `id`; SQLite sorts a missing
 * stamp first), with their commitment's instrument and theme, up to `limit` rows.
 */
export async function listPublishedAssessments(db: Database, filter: PublishedAssessmentFilter, limit: number) {
  const where: (SQL | undefined)[] = [eq(assessments.state, 'published')];
  if (filter.partySlug) where.push(eq(assessments.partySlug, filter.partySlug));
  if (filter.instrumentSlug) where.push(eq(commitments.instrumentSlug, filter.instrumentSlug));
  if (filter.theme) where.push(eq(commitments.theme, filter.theme));
  if (filter.status) where.push(eq(assessments.status, filter.status));
  if (filter.since) where.push(gte(assessments.publishedAt, filter.since));
  if (filter.asOf) where.push(lte(assessments.asOf, filter.asOf), publishedBy(filter.asOf));
  if (filter.after) {
    const { publishedAt, id } = filter.after;
    where.push(
      publishedAt === null
        ? or(and(isNull(assessments.publishedAt), gt(assessments.id, id)), isNotNull(assessments.publishedAt))
        : or(gt(assessments.publishedAt, publishedAt), and(eq(assessments.publishedAt, publishedAt), gt(assessments.id, id))),
    );
  }
  return db
    .select(PUBLISHED_ASSESSMENT_COLUMNS)
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .where(and(...where))
    .orderBy(asc(assessments.publishedAt), asc(assessments.id))
    .limit(limit);
}

/** How many commitments and how many parties (with any recorded action) each instrument has. */
export async function getInstrumentCounts(db: Database): Promise<Map<string, { commitments: number; parties: number }>> {
  const [commitmentRows, partyRows] = await Promise.all([
    db.select({ slug: commitments.instrumentSlug, n: count() }).from(commitments).groupBy(commitments.instrumentSlug),
    db
      .select({ slug: participations.instrumentSlug, n: countDistinct(participations.partySlug) })
      .from(participations)
      .groupBy(participations.instrumentSlug),
  ]);
  const counts = new Map<string, { commitments: number; parties: number }>();
  const entry = (slug: string) => {
    let held = counts.get(slug);
    if (!held) counts.set(slug, (held = { commitments: 0, parties: 0 }));
    return held;
  };
  for (const row of commitmentRows) entry(row.slug).commitments = row.n;
  for (const row of partyRows) entry(row.slug).parties = row.n;
  return counts;
}

/** Commitments, optionally of one instrument or theme, by instrument order then their stated order. */
export async function listCommitments(db: Database, filter: { instrumentSlug?: string; theme?: Theme } = {}) {
  const where: SQL[] = [];
  if (filter.instrumentSlug) where.push(eq(commitments.instrumentSlug, filter.instrumentSlug));
  if (filter.theme) where.push(eq(commitments.theme, filter.theme));
  const rows = await db
    .select({ commitment: commitments })
    .from(commitments)
    .innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(instruments.sortOrder), asc(commitments.sortOrder), asc(commitments.code));
  return rows.map((r) => r.commitment);
}

/** Every indicator (optionally about one party) with its values in time order. */
export async function listIndicatorsWithValues(db: Database, filter: { partySlug?: string } = {}) {
  const [indicatorRows, valueRows] = await Promise.all([
    db
      .select()
      .from(indicators)
      .where(filter.partySlug ? eq(indicators.partySlug, filter.partySlug) : undefined)
      .orderBy(asc(indicators.slug)),
    db.select().from(indicatorValues).orderBy(asc(indicatorValues.indicatorSlug), asc(indicatorValues.periodEnd), asc(indicatorValues.id)),
  ]);
  const valuesBy = Map.groupBy(valueRows, (v) => v.indicatorSlug);
  return indicatorRows.map((indicator) => ({ ...indicator, values: valuesBy.get(indicator.slug) ?? [] }));
}

/** Every conference, latest first, with its participants (by role, then English name) and outcome instruments. */
export async function listConferencesWithParticipants(db: Database) {
  const [conferenceRows, participantRows, outcomeRows] = await Promise.all([
    db.select().from(conferences).orderBy(desc(conferences.startsOn), asc(conferences.slug)),
    db
      .select({
        conferenceSlug: conferenceParticipants.conferenceSlug,
        partySlug: conferenceParticipants.partySlug,
        nameEn: parties.nameEn,
        nameTh: parties.nameTh,
        role: conferenceParticipants.role,
        delegationLevel: conferenceParticipants.delegationLevel,
        note: conferenceParticipants.note,
      })
      .from(conferenceParticipants)
      .innerJoin(parties, eq(parties.slug, conferenceParticipants.partySlug))
      .orderBy(asc(conferenceParticipants.conferenceSlug), asc(conferenceParticipants.role), asc(parties.nameEn)),
    db
      .select()
      .from(conferenceOutcomes)
      .innerJoin(instruments, eq(instruments.slug, conferenceOutcomes.instrumentSlug))
      .orderBy(asc(conferenceOutcomes.conferenceSlug), asc(instruments.sortOrder)),
  ]);
  const participantsBy = Map.groupBy(participantRows, (p) => p.conferenceSlug);
  const outcomesBy = Map.groupBy(outcomeRows, (o) => o.conference_outcomes.conferenceSlug);
  return conferenceRows.map((conference) => ({
    ...conference,
    participants: participantsBy.get(conference.slug) ?? [],
    outcomes: (outcomesBy.get(conference.slug) ?? []).map((o) => o.conference_outcomes.instrumentSlug),
  }));
}

// ---------------------------------------------------------------------------------------
// Whole tables for the bulk downloads. Each returns plain rows in a stable order; the
// download module picks and names the columns.

/** Every party, by slug. */
export async function readPartiesTable(db: Database) {
  return db.select().from(parties).orderBy(asc(parties.slug));
}

/** Every instrument, in display order. */
export async function readInstrumentsTable(db: Database) {
  return db.select().from(instruments).orderBy(asc(instruments.sortOrder), asc(instruments.slug));
}

/** Every party action on every instrument. */
export async function readParticipationsTable(db: Database) {
  return db.select().from(participations).orderBy(asc(participations.instrumentSlug), asc(participations.partySlug), asc(participations.id));
}

/** Every commitment. */
export async function readCommitmentsTable(db: Database) {
  return db.select().from(commitments).orderBy(asc(commitments.instrumentSlug), asc(commitments.sortOrder), asc(commitments.code));
}

/**
 * Every published assessment, in the API's order, with its party's names and its commitment's
 * titles beside the codes; staff-only fields (author, reviewer, review comments, drafts) are
 * never read.
 */
export async function readPublishedAssessmentsTable(db: Database) {
  return db
    .select({
      ...PUBLISHED_ASSESSMENT_COLUMNS,
      partyNameEn: parties.nameEn,
      partyNameTh: parties.nameTh,
      commitmentTitleEn: commitments.titleEn,
      commitmentTitleTh: commitments.titleTh,
    })
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .innerJoin(parties, eq(parties.slug, assessments.partySlug))
    .where(eq(assessments.state, 'published'))
    .orderBy(asc(assessments.publishedAt), asc(assessments.id));
}

/** The evidence of published assessments only. */
export async function readPublishedEvidenceTable(db: Database) {
  return db
    .select({
      id: evidence.id,
      assessmentId: evidence.assessmentId,
      position: evidence.position,
      url: evidence.url,
      title: evidence.title,
      publisher: evidence.publisher,
      publishedOn: evidence.publishedOn,
      grade: evidence.grade,
      confidence: evidence.confidence,
      checkedOn: evidence.checkedOn,
    })
    .from(evidence)
    .where(inArray(evidence.assessmentId, db.select({ id: assessments.id }).from(assessments).where(eq(assessments.state, 'published'))))
    .orderBy(asc(evidence.assessmentId), asc(evidence.position), asc(evidence.id));
}

/** Score and coverage fractions in the download: four decimals, enough to quote a percentage to two. */
const roundFraction = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/**
 * Every party's current scores, one row per party, scope (overall, each instrument, each theme)
 * and assessor, with the names beside the codes: the `party_scores` rows, and for a party whose
 * rows are missing (a refresh still to come) the same rows computed from its history, so that
 * the file never lacks a party. Scopes in which no commitment applies to the party are left out.
 */
export async function readPartyScoresTable(db: Database) {
  const [partyRows, instrumentRows, stored] = await Promise.all([
    db.select().from(parties).orderBy(asc(parties.slug)),
    db.select().from(instruments).orderBy(asc(instruments.sortOrder), asc(instruments.slug)),
    db.select().from(partyScores),
  ]);
  const storedBy = Map.groupBy(stored, (r) => r.partySlug);
  const instrumentOrder = new Map(instrumentRows.map((i, n) => [i.slug, n]));
  const instrumentBy = new Map(instrumentRows.map((i) => [i.slug, i]));
  const scopeRank = (r: PartyScoreRow) =>
    r.scope === 'overall' ? [0, 0] : r.scope === 'instrument' ? [1, instrumentOrder.get(r.scopeKey) ?? 0] : [2, THEMES.indexOf(r.scopeKey as Theme)];
  const out = [];
  for (const party of partyRows) {
    const held = storedBy.get(party.slug);
    const rows = held?.some((r) => r.scope === 'overall') ? held : await computePartyScoreRows(db, party.slug);
    const sorted = rows
      .filter((r) => r.commitments > 0)
      .sort((a, b) => {
        const [x1, x2] = scopeRank(a);
        const [y1, y2] = scopeRank(b);
        return x1! - y1! || x2! - y2! || ASSESSORS.indexOf(a.assessor) - ASSESSORS.indexOf(b.assessor);
      });
    for (const r of sorted) {
      const instrument = r.scope === 'instrument' ? instrumentBy.get(r.scopeKey) : undefined;
      const names =
        r.scope === 'overall'
          ? { en: 'Overall', th: 'คะแนนรวม' }
          : r.scope === 'instrument'
            ? { en: instrument?.titleEn ?? r.scopeKey, th: instrument?.titleTh ?? r.scopeKey }
            : { en: THEME_LABELS.en[r.scopeKey as Theme], th: THEME_LABELS.th[r.scopeKey as Theme] };
      out.push({
        partySlug: party.slug,
        partyNameEn: party.nameEn,
        partyNameTh: party.nameTh,
        scope: r.scope,
        scopeKey: r.scopeKey,
        scopeNameEn: names.en,
        scopeNameTh: names.th,
        assessor: r.assessor,
        score: roundFraction(r.score),
        rated: r.rated,
        applicable: r.applicable,
        coverage: roundFraction(r.applicable === 0 ? null : r.rated / r.applicable),
        commitments: r.commitments,
        validFrom: r.validFrom,
        // A row published without a stamp counts from the start of its own day.
        publishedThrough: r.publishedThrough && r.publishedThrough.length === 10 ? `${r.publishedThrough}T00:00:00.000Z` : r.publishedThrough,
        methodologyVersion: r.methodologyVersion,
      });
    }
  }
  return out;
}

/** One row per indicator value, with the indicator's own fields. */
export async function readIndicatorValuesTable(db: Database) {
  return db
    .select({
      indicatorSlug: indicators.slug,
      partySlug: indicators.partySlug,
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
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.slug, indicatorValues.indicatorSlug))
    .orderBy(asc(indicators.slug), asc(indicatorValues.periodEnd), asc(indicatorValues.id));
}

/** Every conference, by start date. */
export async function readConferencesTable(db: Database) {
  return db.select().from(conferences).orderBy(asc(conferences.startsOn), asc(conferences.slug));
}

/** Who attended which conference. */
export async function readConferenceParticipantsTable(db: Database) {
  return db.select().from(conferenceParticipants).orderBy(asc(conferenceParticipants.conferenceSlug), asc(conferenceParticipants.partySlug));
}

/** Which instruments each conference produced. */
export async function readConferenceOutcomesTable(db: Database) {
  return db.select().from(conferenceOutcomes).orderBy(asc(conferenceOutcomes.conferenceSlug), asc(conferenceOutcomes.instrumentSlug));
}
