/**
 * The view model of one published assessment's page (/assessments/{id}): the party, the
 * commitment and its instrument, the status and what it counts for, the narrative, every
 * piece of evidence with its own confidence and checked day, the measures it cites, who wrote
 * it, when it was published, and the other published assessments of the same commitment by
 * the same assessor. Only a published assessment shown on the day asked for is ever read into
 * it: a draft, one under review, or one published after that day is `null` (the page's 404).
 *
 * Names: the feeds already name everyone who wrote an assessment (its author and each later
 * writer); reviewers are named nowhere in public, so the page says that the secretariat
 * reviewed it and names no reviewer.
 */
import { and, asc, eq } from 'drizzle-orm';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import type { Database } from '../../../../db/client';
import { assessments, assessmentWriters, commitments, instruments, parties } from '../../../../db/schema';
import { firstShownDay, isNewer, isShownOn, type ScoredAssessment } from '../../../domain/scoring';
import type { Assessor, Confidence, EvidenceGrade, Status, Theme } from '../../../domain/vocabulary';
import { SCORE_MEANINGS } from '../../../i18n/cite-strings';
import type { Locale } from '../../../i18n/locales';
import { ASSESSOR_LABELS, CONFIDENCE_LABELS, GRADE_LABELS, STATUS_LABELS, THEME_LABELS } from '../../../i18n/ui';
import { getCitedMeasures } from '../queries/measures';
import { getEvidence } from '../queries/scorecard';

interface ViewOptions {
  locale: Locale;
  /** The day the page shows (today, or a past `as_of`). */
  day: string;
  /** Data translations for a language other than English and Thai (the request's `locals.translations`). */
  translations?: DataTranslations;
}

const pickerOf = (translations: DataTranslations = NO_TRANSLATIONS) => (locale: Locale, en: string, th: string | null | undefined) => localText(locale, translations, en, th).text;

/** One other published assessment of the same commitment and assessor. */
export interface AssessmentVersion {
  id: number;
  status: Status;
  statusLabel: string;
  asOf: string;
  publishedAt: string | null;
}

/** Everything /assessments/{id} shows. */
export interface AssessmentView {
  id: number;
  party: { slug: string; name: string };
  commitment: { code: string; reference: string; title: string; theme: Theme; themeLabel: string };
  instrument: { slug: string; shortName: string; title: string };
  status: Status;
  statusLabel: string;
  scoreMeaning: string;
  assessor: Assessor;
  assessorLabel: string;
  confidence: Confidence;
  confidenceLabel: string;
  /** The day the assessment describes. */
  asOf: string;
  publishedAt: string | null;
  /** The first day whose view shows it (its scorecard permalink). */
  firstShownDay: string;
  narrative: string;
  /** True when the page is not English and the narrative is shown in English (no Thai written; never any other language). */
  narrativeFallback: boolean;
  /** Everyone who wrote it, the author first (as the feeds name them). */
  writers: string[];
  evidence: {
    id: number;
    url: string;
    title: string;
    publisher: string;
    publishedOn: string | null;
    grade: EvidenceGrade;
    gradeLabel: string;
    confidence: Confidence | null;
    confidenceLabel: string | null;
    checkedOn: string | null;
  }[];
  measures: { id: string; title: string }[];
  /** The other published assessments of this commitment by this assessor shown on the day, newest first. */
  versions: AssessmentVersion[];
  /** The newest of those when it is newer than this one: this one no longer counts. */
  supersededBy: AssessmentVersion | null;
}

/** The page of published assessment `id` as shown on `day`, or null when there is none (unknown, unpublished, or published later). */
export async function buildAssessmentView(db: Database, id: number, { locale, day, translations }: ViewOptions): Promise<AssessmentView | null> {
  const pick = pickerOf(translations);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db
    .select({ assessment: assessments, commitment: commitments, instrument: instruments, party: parties })
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug))
    .innerJoin(parties, eq(parties.slug, assessments.partySlug))
    .where(and(eq(assessments.id, id), eq(assessments.state, 'published')));
  if (!row) return null;
  const { assessment: a, commitment: c, instrument: i, party: p } = row;
  if (!isShownOn(a, day)) return null;

  const [evidenceRows, cited, writerRows, siblings] = await Promise.all([
    getEvidence(db, [a.id]),
    getCitedMeasures(db, [a.id]),
    db.select({ userName: assessmentWriters.userName, at: assessmentWriters.at }).from(assessmentWriters).where(eq(assessmentWriters.assessmentId, a.id)).orderBy(asc(assessmentWriters.at)),
    db
      .select({ id: assessments.id, status: assessments.status, asOf: assessments.asOf, publishedAt: assessments.publishedAt })
      .from(assessments)
      .where(and(eq(assessments.partySlug, a.partySlug), eq(assessments.commitmentCode, a.commitmentCode), eq(assessments.assessor, a.assessor), eq(assessments.state, 'published'))),
  ]);
  const shown = siblings.filter((s) => s.id !== a.id && isShownOn(s, day));
  const asScored = (s: { id: number; status: Status; asOf: string; publishedAt: string | null }): ScoredAssessment => ({ ...s, partySlug: a.partySlug, commitmentCode: a.commitmentCode, assessor: a.assessor });
  shown.sort((x, y) => (isNewer(asScored(x), asScored(y)) ? -1 : 1));
  const versions: AssessmentVersion[] = shown.map((s) => ({ id: s.id, status: s.status, statusLabel: STATUS_LABELS[locale][s.status], asOf: s.asOf, publishedAt: s.publishedAt }));
  const newest = shown[0];
  const supersededBy = newest && isNewer(asScored(newest), asScored(a)) ? versions[0]! : null;

  return {
    id: a.id,
    party: { slug: p.slug, name: pick(locale, p.nameEn, p.nameTh) },
    commitment: { code: c.code, reference: c.reference, title: pick(locale, c.titleEn, c.titleTh), theme: c.theme, themeLabel: THEME_LABELS[locale][c.theme] },
    instrument: { slug: i.slug, shortName: i.shortName, title: pick(locale, i.titleEn, i.titleTh) },
    status: a.status,
    statusLabel: STATUS_LABELS[locale][a.status],
    scoreMeaning: SCORE_MEANINGS[locale][a.status],
    assessor: a.assessor,
    assessorLabel: ASSESSOR_LABELS[locale][a.assessor],
    confidence: a.confidence,
    confidenceLabel: CONFIDENCE_LABELS[locale][a.confidence],
    asOf: a.asOf,
    publishedAt: a.publishedAt,
    firstShownDay: firstShownDay(a),
    narrative: pick(locale, a.narrativeEn, a.narrativeTh),
    // English shown on a Thai or Indonesian page (narratives are written in English and Thai only).
    narrativeFallback: localText(locale, translations ?? NO_TRANSLATIONS, a.narrativeEn, a.narrativeTh).lang !== locale,
    writers: [...new Set([a.authorName, ...writerRows.map((w) => w.userName)])],
    evidence: evidenceRows.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      publisher: e.publisher,
      publishedOn: e.publishedOn,
      grade: e.grade,
      gradeLabel: GRADE_LABELS[locale][e.grade],
      confidence: e.confidence ?? null,
      confidenceLabel: e.confidence ? CONFIDENCE_LABELS[locale][e.confidence] : null,
      checkedOn: e.checkedOn ?? null,
    })),
    measures: cited.map((m) => ({ id: m.id, title: pick(locale, m.titleEn, m.titleTh) })),
    versions,
    supersededBy,
  };
}
