/**
 * The view model of an instrument's page (/instruments/{slug}) and its printed briefing: the
 * answer in one sentence, entry into force, the deposits and domestic steps, the grid of what
 * is rated (unrated parties and commitments summarised apart), the progress series as the
 * record counts it, the commitments by theme and the parties' actions. The `.astro` file only
 * renders what this returns.
 */
import type { Database } from '../../../../db/client';
import { parties } from '../../../../db/schema';
import { preferIndependent } from '../../../domain/aggregate';
import { isExactSource } from '../../../domain/data-quality';
import type { EntryIntoForce } from '../../../domain/entry-into-force';
import { recordProgress, type RecordPoint } from '../../../domain/record-progress';
import { CONSENT_ACTIONS, THEMES, type Assessor, type Confidence, type DomesticStep, type ParticipationAction, type Status, type Theme } from '../../../domain/vocabulary';
import { formatDate, formatNumber } from '../../../i18n/format';
import { countedText, instrumentText } from '../../../i18n/instrument-strings';
import { type Locale } from '../../../i18n/locales';
import { sortByName } from '../../../i18n/phone-strings';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { DOMESTIC_STEP_LABELS } from '../../../i18n/provenance-strings';
import { ACTION_LABELS, INSTRUMENT_TYPE_LABELS, LEGAL_FORCE_LABELS, STATUS_LABELS, THEME_LABELS, THEME_SLUGS } from '../../../i18n/ui';
import { fill } from '../../request-params';
import { parseStatements } from '../../treaty-statements';
import { getInstrumentCommitments, getInstrumentDomesticSteps, getInstrumentParticipations } from '../queries/instrument-dashboard';
import { getEntryIntoForce, getInstrument, type InstrumentRecord } from '../queries/instruments';
import { getLatestStatuses } from '../queries/statuses';
import { recordProgressChart, type BuiltChart } from './charts';

interface ViewOptions {
  locale: Locale;
  /** Data translations for a language other than English and Thai (the request's `locals.translations`). */
  translations?: DataTranslations;
  /** The day shown: today, or a permalink's past day. */
  asOf: string;
}

/** A fact's source as shown beside it. */
export interface SourceView {
  url: string;
  publisher: string;
  confidence: Confidence | undefined;
  checkedOn: string | null;
  note: string | null;
}

/** One cell of the rated grid: the status shown and the assessment behind it. */
export interface GridCell {
  status: Status;
  label: string;
  assessmentId: number;
  assessor: Assessor;
}

/** Everything /instruments/{slug} shows. */
export interface InstrumentView {
  instrument: InstrumentRecord;
  /** The heading: the title's main clause ("United Nations Convention against Cybercrime"). */
  heading: string;
  /** The full title, when it says more than the heading. */
  fullTitle: string | null;
  summary: string;
  /** What the numbers say, in one sentence (or two), in the page's language. */
  answer: string;
  facts: { typeLabel: string; legalForceLabel: string; adoptedOn: string; adoptedPlace: string; openedForSignatureOn: string | null };
  source: SourceView;
  eif: EntryIntoForce | null;
  deposits: { partySlug: string; name: string; actionLabel: string | null; actedOn: string | null; source: SourceView | null }[];
  reported: { partySlug: string; name: string; action: ParticipationAction; actionLabel: string; actedOn: string | null; source: SourceView | null }[];
  /** `summaryLang`: the language the summary is in (English on a page in another language where it has no translation). */
  domesticSteps: { partySlug: string; name: string; step: DomesticStep; stepLabel: string; takenOn: string | null; summary: string; summaryLang: Locale; source: SourceView }[];
  themes: {
    theme: Theme;
    label: string;
    slug: string;
    commitments: { code: string; title: string; summary: string; reference: string; pledgePartySlug: string | null; source: SourceView }[];
  }[];
  /** Parties that acted on the instrument, in the locale's alphabetical order. */
  participants: {
    slug: string;
    name: string;
    rated: boolean;
    actions: { action: ParticipationAction; label: string; actedOn: string | null; source: SourceView }[];
    statements: ReturnType<typeof parseStatements>;
  }[];
  grid: {
    /** Commitments rated for at least one party, in the instrument's order. */
    columns: { code: string; title: string }[];
    /** Parties with at least one rated commitment, alphabetical. */
    rows: { slug: string; name: string; cells: (GridCell | null)[] }[];
    unratedParties: { slug: string; name: string }[];
    unratedCommitments: { code: string; title: string }[];
  };
  progress: {
    points: RecordPoint[];
    /** Dates on which something was recorded; under 2, no chart is drawn. */
    observations: number;
    extendedToAsOf: boolean;
    /** Which series the instrument has: a treaty's pipeline, or a political instrument's joiners. */
    series: ('signatures' | 'domesticSteps' | 'deposits' | 'joined')[];
  };
  /** The progress series as a chart (the same counts as the table; also the download). */
  progressChart: BuiltChart;
  /** Every source the briefing cites, once each, in order of first use: its footnotes. */
  footnotes: { url: string; publisher: string }[];
}

/** True for a status that rates a commitment: not "no evidence" (not yet rated) and not "not applicable". */
export function isRating(status: Status): boolean {
  return status !== 'no_evidence' && status !== 'not_applicable';
}

const pickerOf = (translations: DataTranslations = NO_TRANSLATIONS) => (locale: Locale, en: string, th: string | null | undefined) => localText(locale, translations, en, th).text;

/** The main clause of a long title: up to its first ';' or ':', when that leaves a title of its own. */
export function headingOf(title: string): string {
  const cut = title.search(/[;:]/);
  return cut > 12 ? title.slice(0, cut).trim() : title;
}

const sourceOf = (row: { sourceUrl: string; sourcePublisher: string; confidence?: Confidence; checkedOn?: string | null; note?: string | null }): SourceView => ({
  url: row.sourceUrl,
  publisher: row.sourcePublisher,
  confidence: row.confidence,
  checkedOn: row.checkedOn ?? null,
  note: row.note ?? null,
});

/** The page of one instrument on `asOf`, or null when there is no such instrument. */
export async function buildInstrumentView(db: Database, slug: string, { locale, asOf, translations }: ViewOptions): Promise<InstrumentView | null> {
  const pick = pickerOf(translations);
  const instrument = await getInstrument(db, slug);
  if (!instrument) return null;
  const [commitments, actions, steps, latest, eif, partyNames] = await Promise.all([
    getInstrumentCommitments(db, instrument.slug),
    getInstrumentParticipations(db, instrument.slug, asOf),
    getInstrumentDomesticSteps(db, instrument.slug, asOf),
    getLatestStatuses(db, { instrument: instrument.slug }, asOf),
    getEntryIntoForce(db, instrument, asOf),
    db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties),
  ]);
  const names = new Map(partyNames.map((p) => [p.slug, pick(locale, p.nameEn, p.nameTh)]));
  const nameOf = (partySlug: string) => names.get(partySlug) ?? partySlug.toUpperCase();
  const title = pick(locale, instrument.titleEn, instrument.titleTh);
  const heading = headingOf(title);

  // The grid: what is known first. Rows are parties with a published assessment, columns the commitments rated for someone.
  const cells = preferIndependent(latest);
  // As the methodology counts: "no evidence" is not yet rated, and "not applicable" takes a commitment out.
  const counted = latest.filter((l) => isRating(l.status));
  const ratedParties = new Set(counted.map((l) => l.partySlug));
  const ratedCodes = new Set(counted.map((l) => l.commitmentCode));
  const columns = commitments.filter((c) => ratedCodes.has(c.code)).map((c) => ({ code: c.code, title: pick(locale, c.titleEn, c.titleTh) }));
  const rows = sortByName(
    locale,
    [...ratedParties].map((partySlug) => ({
      slug: partySlug,
      name: nameOf(partySlug),
      cells: columns.map((c): GridCell | null => {
        const cell = cells.get(`${partySlug}|${c.code}`);
        return cell ? { status: cell.status, label: STATUS_LABELS[locale][cell.status], assessmentId: cell.assessmentId, assessor: cell.assessor } : null;
      }),
    })),
    (row) => row.name,
  );

  const participantSlugs = [...new Set(actions.map((a) => a.partySlug))];
  // In the reader's order: "Côte d'Ivoire" before "Czechia", Thai names in Thai order.
  const participants = sortByName(
    locale,
    participantSlugs.map((partySlug) => {
      const own = actions.filter((a) => a.partySlug === partySlug);
      return {
        slug: partySlug,
        name: nameOf(partySlug),
        rated: ratedParties.has(partySlug),
        actions: own.map((a) => ({ action: a.action, label: ACTION_LABELS[locale][a.action], actedOn: a.actedOn, source: sourceOf(a) })),
        statements: own.flatMap((a) => parseStatements(a)),
      };
    }),
    (participant) => participant.name,
  );
  const unratedParties = participants.filter((p) => !p.rated).map(({ slug: s, name }) => ({ slug: s, name }));

  const consentRow = (partySlug: string, actedOn: string | null) => actions.find((a) => a.partySlug === partySlug && CONSENT_ACTIONS.includes(a.action) && a.actedOn === actedOn);
  const deposits = (eif?.qualifying ?? []).map((q) => {
    const row = consentRow(q.partySlug, q.actedOn);
    return { partySlug: q.partySlug, name: nameOf(q.partySlug), actionLabel: row ? ACTION_LABELS[locale][row.action] : null, actedOn: q.actedOn, source: row ? sourceOf(row) : null };
  });
  const reported = (eif?.reportedNotDeposited ?? []).map((r) => {
    const row = actions.find((a) => a.partySlug === r.partySlug && a.action === r.action);
    return { partySlug: r.partySlug, name: nameOf(r.partySlug), action: r.action, actionLabel: ACTION_LABELS[locale][r.action], actedOn: r.actedOn, source: row ? sourceOf(row) : null };
  });
  const domesticSteps = steps.map((d) => ({
    partySlug: d.partySlug,
    name: nameOf(d.partySlug),
    step: d.step,
    stepLabel: DOMESTIC_STEP_LABELS[locale][d.step],
    takenOn: d.takenOn,
    summary: pick(locale, d.summaryEn, d.summaryTh),
    summaryLang: localText(locale, translations ?? NO_TRANSLATIONS, d.summaryEn, d.summaryTh).lang,
    source: sourceOf(d),
  }));

  const progress = recordProgress(
    {
      signatures: actions.filter((a) => a.action === 'signature'),
      domesticSteps: steps,
      deposits: eif?.qualifying ?? [],
      joins: actions,
    },
    asOf,
  );
  const series: InstrumentView['progress']['series'] = eif ? ['signatures', 'domesticSteps', 'deposits'] : ['joined'];

  const themes = THEMES.filter((theme) => commitments.some((c) => c.theme === theme)).map((theme) => ({
    theme,
    label: THEME_LABELS[locale][theme],
    slug: THEME_SLUGS[theme],
    commitments: commitments
      .filter((c) => c.theme === theme)
      .map((c) => ({
        code: c.code,
        title: pick(locale, c.titleEn, c.titleTh),
        summary: pick(locale, c.summaryEn, c.summaryTh),
        reference: c.reference,
        pledgePartySlug: c.applicability === 'party_pledge' ? c.pledgePartySlug : null,
        source: sourceOf(c),
      })),
  }));

  const source = sourceOf(instrument);
  const footnotes = new Map<string, { url: string; publisher: string }>();
  for (const s of [source, ...deposits.map((d) => d.source), ...reported.map((r) => r.source), ...domesticSteps.map((d) => d.source), ...participants.flatMap((p) => p.actions.map((a) => a.source))]) {
    if (s && isExactSource(s.url) && !footnotes.has(s.url)) footnotes.set(s.url, { url: s.url, publisher: s.publisher });
  }

  return {
    instrument,
    heading,
    fullTitle: heading === title ? null : title,
    summary: pick(locale, instrument.summaryEn, instrument.summaryTh),
    answer: answerFor(locale, { name: heading, eif, joined: participants.length, rated: rows.length, total: new Set([...participantSlugs, ...ratedParties]).size }),
    facts: {
      typeLabel: INSTRUMENT_TYPE_LABELS[locale][instrument.type],
      legalForceLabel: LEGAL_FORCE_LABELS[locale][instrument.legalForce],
      adoptedOn: instrument.adoptedOn,
      adoptedPlace: instrument.adoptedPlace,
      openedForSignatureOn: instrument.openedForSignatureOn,
    },
    source,
    eif,
    deposits,
    reported,
    domesticSteps,
    themes,
    participants,
    grid: {
      columns,
      rows,
      unratedParties,
      unratedCommitments: commitments.filter((c) => !ratedCodes.has(c.code)).map((c) => ({ code: c.code, title: pick(locale, c.titleEn, c.titleTh) })),
    },
    progress: { ...progress, series },
    progressChart: recordProgressChart(
      locale,
      heading,
      { ...progress, series },
      { signatures: instrumentText(locale, 'progress.signatures'), domesticSteps: instrumentText(locale, 'progress.domesticSteps'), deposits: instrumentText(locale, 'progress.deposits'), joined: instrumentText(locale, 'progress.joined') },
      asOf,
    ),
    footnotes: [...footnotes.values()],
  };
}

/**
 * Where the instrument stands, in one sentence: for a treaty, signatures, deposits and what
 * entry into force needs (or when it happened); for a political instrument, who joined.
 */
export function standingSentence(locale: Locale, figures: { name: string; eif: EntryIntoForce | null; joined: number }): string {
  const { name, eif, joined } = figures;
  const text = (key: Parameters<typeof instrumentText>[1]) => instrumentText(locale, key);
  if (!eif) return countedText(locale, 'answer.joined', joined, { name });
  const eifPart =
    eif.status === 'in_force'
      ? fill(text('answer.inForce'), { date: formatDate(locale, eif.entryIntoForceOn) })
      : eif.status === 'threshold_reached'
        ? fill(text('answer.thresholdReached'), { date: formatDate(locale, eif.entryIntoForceOn) })
        : eif.status === 'date_unknown'
          ? text('answer.dateUnknown')
          : fill(text('answer.pending'), { threshold: formatNumber(locale, eif.threshold) });
  return [countedText(locale, 'answer.signed', eif.signatories, { name }), countedText(locale, 'answer.deposits', eif.counted), eifPart].join(locale === 'th' ? ' ' : '; ');
}

/** The instrument page's answer: where it stands, then how many of its parties are rated. */
export function answerFor(locale: Locale, figures: { name: string; eif: EntryIntoForce | null; joined: number; rated: number; total: number }): string {
  return `${standingSentence(locale, figures)} ${countedText(locale, 'answer.rated', figures.rated, { total: formatNumber(locale, figures.total) })}`;
}
