/**
 * View models of the measures register: one measure, one party's measures, one commitment
 * ("who has a measure for it, and how far"), and the measures section of a scorecard. Each
 * joins, sorts and shapes what its page shows, in the page's language; the `.astro` files
 * only render.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../audit';
import { commitments, instruments, parties, researchNotes } from '../../../../db/schema';
import { countBases, type Basis } from '../../../domain/basis';
import type { Confidence, MeasureExtent, MeasureKind, MeasureStep, PartyKindScope, SourceRole, Theme } from '../../../domain/vocabulary';
import type { Locale } from '../../../i18n/locales';
import { EXTENT_LABELS, MEASURE_KIND_LABELS, MEASURE_STEP_LABELS } from '../../../i18n/measure-strings';
import { countPartyMeasures, getCitedMeasures, getMeasure, listCommitmentMeasures, listPartyMeasures } from '../queries/measures';
import type { CountingAssessment } from '../queries/scorecard';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';

interface ViewOptions {
  locale: Locale;
  /** Data translated into `locale` where it has no column (src/i18n/data-text.ts); English otherwise. */
  translations?: DataTranslations;
}

/** A picker of seeded text in the view's language (English where there is none). */
const pickerOf = (translations: DataTranslations = NO_TRANSLATIONS) => (locale: Locale, en: string, th: string | null | undefined) =>
  localText(locale, translations, en, th).text;
/** The language `localText` finds the text in (for the page to mark English on a page in another language). */
const langOf = (locale: Locale, translations: DataTranslations | undefined, en: string, th: string | null | undefined): Locale => localText(locale, translations ?? NO_TRANSLATIONS, en, th).lang;

/** A source line: the exact page, who published it, how sure, when checked. */
export interface SourceView {
  url: string;
  title: string | null;
  publisher: string;
  confidence: Confidence;
  checkedOn: string | null;
  note: string | null;
  role?: SourceRole;
}

/** Everything /measures/{id} shows. */
export interface MeasureView {
  id: string;
  party: { slug: string; name: string };
  kind: MeasureKind;
  kindLabel: string;
  title: string;
  titleOriginal: string | null;
  originalLanguage: string | null;
  summary: string;
  disputed: string | null;
  /** The language each of the measure's own texts is in: English on a page in another language where it has no translation. */
  langs: { title: Locale; summary: Locale; disputed: Locale };
  currentStep: { step: MeasureStep; label: string; date: string } | null;
  steps: { step: MeasureStep; label: string; date: string; source: SourceView }[];
  sources: SourceView[];
  /** Commitments served, grouped by instrument in the site's instrument order. */
  instruments: {
    slug: string;
    shortName: string;
    title: string;
    links: { code: string; reference: string; title: string; extent: MeasureExtent; extentLabel: string; note: string | null; noteLang: Locale }[];
  }[];
  publishedAt: string | null;
}

/** The page of one published measure, or null when there is none. */
export async function buildMeasureView(db: Executor, id: string, { locale, translations }: ViewOptions): Promise<MeasureView | null> {
  const pick = pickerOf(translations);
  const detail = await getMeasure(db, id);
  if (!detail) return null;
  const { measure, steps, sources, links } = detail;
  const [party] = await db.select().from(parties).where(eq(parties.slug, measure.partySlug));
  const lastStep = steps.at(-1);
  const grouped = Map.groupBy(links, (l) => l.instrumentSlug);
  return {
    id: measure.id,
    party: { slug: measure.partySlug, name: party ? pick(locale, party.nameEn, party.nameTh) : measure.partySlug.toUpperCase() },
    kind: measure.kind,
    kindLabel: MEASURE_KIND_LABELS[locale][measure.kind],
    title: pick(locale, measure.titleEn, measure.titleTh),
    titleOriginal: measure.titleOriginal && measure.titleOriginal !== pick(locale, measure.titleEn, measure.titleTh) ? measure.titleOriginal : null,
    originalLanguage: measure.originalLanguage,
    summary: pick(locale, measure.summaryEn, measure.summaryTh),
    disputed: measure.disputedEn ? pick(locale, measure.disputedEn, measure.disputedTh) : null,
    langs: {
      title: langOf(locale, translations, measure.titleEn, measure.titleTh),
      summary: langOf(locale, translations, measure.summaryEn, measure.summaryTh),
      disputed: measure.disputedEn ? langOf(locale, translations, measure.disputedEn, measure.disputedTh) : locale,
    },
    currentStep: lastStep ? { step: lastStep.step, label: MEASURE_STEP_LABELS[locale][lastStep.step], date: lastStep.date } : null,
    steps: steps.map((s) => ({
      step: s.step,
      label: MEASURE_STEP_LABELS[locale][s.step],
      date: s.date,
      source: { url: s.sourceUrl, title: s.sourceTitle, publisher: s.sourcePublisher, confidence: s.confidence, checkedOn: s.checkedOn, note: s.note },
    })),
    sources: sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, confidence: s.confidence, checkedOn: s.checkedOn, note: s.note, role: s.role })),
    instruments: [...grouped.values()].map((group) => ({
      slug: group[0]!.instrumentSlug,
      shortName: group[0]!.instrumentShortName,
      title: pick(locale, group[0]!.instrumentTitleEn, group[0]!.instrumentTitleTh),
      links: group.map((l) => ({
        code: l.commitmentCode,
        reference: l.reference,
        title: pick(locale, l.commitmentTitleEn, l.commitmentTitleTh),
        extent: l.extent,
        extentLabel: EXTENT_LABELS[locale][l.extent],
        note: l.noteEn ? pick(locale, l.noteEn, l.noteTh) : null,
        noteLang: l.noteEn ? langOf(locale, translations, l.noteEn, l.noteTh) : locale,
      })),
    })),
    publishedAt: measure.publishedAt,
  };
}

/** Everything /parties/{code}/measures shows. */
export interface PartyMeasuresView {
  party: { slug: string; name: string };
  measures: { id: string; title: string; titleLang: Locale; kind: MeasureKind; kindLabel: string; stepLabel: string | null; stepOn: string | null; commitments: number }[];
}

/** A party's published measures, grouped by kind in the vocabulary's order; null when there is no such party. */
export async function buildPartyMeasuresView(db: Executor, partySlug: string, { locale, translations }: ViewOptions): Promise<PartyMeasuresView | null> {
  const pick = pickerOf(translations);
  const [party] = await db.select().from(parties).where(eq(parties.slug, partySlug));
  if (!party) return null;
  const rows = await listPartyMeasures(db, partySlug);
  const kinds = Object.keys(MEASURE_KIND_LABELS.en);
  rows.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (b.currentStepOn ?? '').localeCompare(a.currentStepOn ?? '') || a.titleEn.localeCompare(b.titleEn));
  return {
    party: { slug: party.slug, name: pick(locale, party.nameEn, party.nameTh) },
    measures: rows.map((m) => ({
      id: m.id,
      title: pick(locale, m.titleEn, m.titleTh),
      titleLang: langOf(locale, translations, m.titleEn, m.titleTh),
      kind: m.kind,
      kindLabel: MEASURE_KIND_LABELS[locale][m.kind],
      stepLabel: m.currentStep ? MEASURE_STEP_LABELS[locale][m.currentStep] : null,
      stepOn: m.currentStepOn,
      commitments: Number(m.commitments),
    })),
  };
}

/** Everything /commitments/{code} shows. */
export interface CommitmentView {
  code: string;
  reference: string;
  title: string;
  summary: string;
  theme: Theme;
  partyKinds: PartyKindScope;
  instrument: { slug: string; shortName: string; title: string };
  source: { url: string; publisher: string; confidence: Confidence; note: string | null };
  /** Parties with a measure for it, by name; each party's measures, covering ones first. */
  parties: {
    slug: string;
    name: string;
    /** The furthest any of its measures goes. */
    extent: MeasureExtent;
    extentLabel: string;
    measures: { id: string; title: string; kindLabel: string; extent: MeasureExtent; extentLabel: string; note: string | null; stepLabel: string | null }[];
  }[];
}

/** One commitment and who has a measure for it; null when there is no such commitment. */
export async function buildCommitmentView(db: Executor, code: string, { locale, translations }: ViewOptions): Promise<CommitmentView | null> {
  const pick = pickerOf(translations);
  const [row] = await db
    .select({ commitment: commitments, instrument: instruments })
    .from(commitments)
    .innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug))
    .where(eq(commitments.code, code));
  if (!row) return null;
  const { commitment: c, instrument: i } = row;
  const measures = await listCommitmentMeasures(db, c.code);
  const byParty = Map.groupBy(measures, (m) => m.partySlug);
  return {
    code: c.code,
    reference: c.reference,
    title: pick(locale, c.titleEn, c.titleTh),
    summary: pick(locale, c.summaryEn, c.summaryTh),
    theme: c.theme,
    partyKinds: c.partyKinds,
    instrument: { slug: i.slug, shortName: i.shortName, title: pick(locale, i.titleEn, i.titleTh) },
    source: { url: c.sourceUrl, publisher: c.sourcePublisher, confidence: c.confidence, note: c.note },
    parties: [...byParty.values()]
      .map((group) => {
        const sorted = [...group].sort((a, b) => (a.extent === b.extent ? 0 : a.extent === 'covers' ? -1 : 1));
        const extent: MeasureExtent = sorted[0]!.extent;
        return {
          slug: group[0]!.partySlug,
          name: pick(locale, group[0]!.partyNameEn, group[0]!.partyNameTh),
          extent,
          extentLabel: EXTENT_LABELS[locale][extent],
          measures: sorted.map((m) => ({
            id: m.id,
            title: pick(locale, m.titleEn, m.titleTh),
            kindLabel: MEASURE_KIND_LABELS[locale][m.kind],
            extent: m.extent,
            extentLabel: EXTENT_LABELS[locale][m.extent],
            note: m.noteEn ? pick(locale, m.noteEn, m.noteTh) : null,
            stepLabel: m.currentStep ? MEASURE_STEP_LABELS[locale][m.currentStep] : null,
          })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, locale === 'th' ? 'th' : 'en')),
  };
}

/** The scorecard's measures section: the count and link, the research note, what the assessments rest on. */
export interface ScorecardMeasuresView {
  measureCount: number;
  /** `lang`: the language the note is in (research notes are written in English and Thai only). */
  research: { checkedOn: string; note: string; notFound: string[]; lang: Locale } | null;
  basis: Record<Basis, number>;
  /** Per assessment id, the measures it cites (for links beside its evidence). */
  /** Per assessment, the measures it cites: title in the page's language, or English (`lang` says which). */
  cited: Map<number, { id: string; title: string; lang: Locale }[]>;
}

/**
 * The measures section of a party's scorecard: the basis of every assessment that counts
 * (`counting`, each with its basis), and the measures
 * cited by the assessments the page prints (`shownIds`).
 */
export async function buildScorecardMeasuresView(
  db: Executor,
  partySlug: string,
  { counting, shownIds }: { counting: readonly Pick<CountingAssessment, 'basis'>[]; shownIds: readonly number[] },
  { locale, translations }: ViewOptions,
): Promise<ScorecardMeasuresView> {
  const pick = pickerOf(translations);
  const [measureCount, [note], cited] = await Promise.all([
    countPartyMeasures(db, partySlug),
    db.select().from(researchNotes).where(eq(researchNotes.partySlug, partySlug)),
    getCitedMeasures(db, [...shownIds]),
  ]);
  const citedBy = Map.groupBy(cited, (m) => m.assessmentId);
  const notFound = note ? (JSON.parse(note.notFound) as { en: string; th?: string }[]) : [];
  return {
    measureCount,
    research: note ? { checkedOn: note.checkedOn, note: pick(locale, note.noteEn, note.noteTh), notFound: notFound.map((n) => pick(locale, n.en, n.th)), lang: langOf(locale, translations, note.noteEn, note.noteTh) } : null,
    basis: countBases(counting.map((a) => a.basis)),
    cited: new Map([...citedBy].map(([id, list]) => [id, list.map((m) => ({ id: m.id, title: pick(locale, m.titleEn, m.titleTh), lang: langOf(locale, translations, m.titleEn, m.titleTh) }))])),
  };
}
