/**
 * The view model of a party's scorecard (`/parties/{code}`, `/th/parties/{code}`) and of its
 * printed briefing: it reads, joins, sorts and shapes everything the page shows, in the page's
 * language; the `.astro` file only renders.
 *
 * What it reads follows what the page shows, not the size of the party's record: scores need
 * every current status (one row per commitment and assessor, no texts), but narratives,
 * evidence and cited measures are read only for the one page of assessed commitments shown
 * (`COMMITMENTS_PER_PAGE`) and for the few the briefing names. Commitments without a rating are
 * listed once per instrument by code and title, collapsed.
 */
import type { Database } from '../../../../db/client';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { addDays } from '../../../domain/dates';
import { partyEntryIntoForce, type PartyEntryIntoForce } from '../../../domain/entry-into-force';
import { STATUS_VALUE, scoreParty, type PartyScores, type Score } from '../../../domain/scoring';
import { buildPipeline, type Pipeline } from '../../../domain/treaty-pipeline';
import { ASSESSORS, PARTICIPATION_ACTIONS, THEMES, type Assessor, type Confidence, type Status, type Theme } from '../../../domain/vocabulary';
import { formatNumber, formatPercent } from '../../../i18n/format';
import type { Locale } from '../../../i18n/locales';
import { scorecardCount, scorecardText } from '../../../i18n/scorecard-strings';
import { THEME_LABELS } from '../../../i18n/ui';
import { fill } from '../../request-params';
import { depositaryHostsOf, getEntryIntoForce, listInstruments, ruleOf, type InstrumentRecord } from '../queries/instruments';
import { getParty, getPartyDomesticSteps, getPartyIndicators, getPartyParticipations, getPartyTimeline, type PartyRecord } from '../queries/parties';
import { getApplicableCommitments, getAssessmentTexts, getCountingAssessments, getEvidence, type CommitmentRecord, type CountingAssessment, type EvidenceItem } from '../queries/scorecard';
import { openReferenceMemo } from '../reference-memo';
import { buildScorecardMeasuresView, type ScorecardMeasuresView } from './measures';

/**
 * Assessed commitments shown in full (narrative, evidence) on one page of the scorecard. Twelve
 * keep the largest scorecard's HTML under the 150 KB budget in Thai, whose letters take three
 * bytes each (issue 17); the pager reaches the rest.
 */
export const COMMITMENTS_PER_PAGE = 12;
/** The timeline shows this many of a party's published assessments; the rest are in the open-data API. */
export const TIMELINE_LIMIT = 25;
/** The briefing lists at most this many moved and overdue commitments each; it says how many more. */
export const BRIEF_LIST_LIMIT = 8;
/** "Moved" in the briefing: published assessments dated in this many days up to the view's day. */
export const MOVED_WINDOW_DAYS = 90;
/** When nothing moved in that window, the briefing names this many of the latest changes instead. */
export const LATEST_LIMIT = 5;

export interface ScorecardOptions {
  locale: Locale;
  /** The day the view shows (ISO): today, or a permalink's past day. */
  asOf: string;
  /** Page of assessed commitments, from 1 (out of range: the nearest page). */
  page?: number;
  /**
   * Without `page`: show the page that holds this commitment (code) or this current assessment
   * (id), so a link to one entry of a long list (`?assessment=ID#assessment-ID`) lands on it.
   */
  focus?: { commitment?: string; assessment?: number };
  /** Data translations for a language other than English and Thai (the request's `locals.translations`). */
  translations?: DataTranslations;
}

type Participation = Awaited<ReturnType<typeof getPartyParticipations>>[number];
type DomesticStepRow = Awaited<ReturnType<typeof getPartyDomesticSteps>>[number];
type Indicator = Awaited<ReturnType<typeof getPartyIndicators>>[number];
type TimelineRow = Awaited<ReturnType<typeof getPartyTimeline>>[number];

/** One score cell: the score with its coverage, or undefined where the assessor rates nothing of the group. */
export type ScoreBy = Partial<Record<Assessor, Score>>;


/** One assessor's current assessment of a commitment, with what the page prints beside it. */
export interface AssessmentView {
  id: number;
  assessor: Assessor;
  status: Status;
  asOf: string;
  narrative: string;
  /** The language the narrative is in (English where the page's language has none). */
  narrativeLang: Locale;
  confidence: Confidence;
  evidence: EvidenceItem[];
  citedMeasures: { id: string; title: string; lang: Locale }[];
}

/** An assessed commitment (at least one assessor has published on it). */
export interface RatedCommitmentView {
  code: string;
  title: string;
  dueOn: string | null;
  overdue: boolean;
  assessments: AssessmentView[];
}

/** A commitment nobody has assessed yet: code and title only. */
export interface UnratedCommitmentView {
  code: string;
  title: string;
  dueOn: string | null;
  overdue: boolean;
}

/** The commitments of one instrument that apply to the party. */
export interface CommitmentGroupView {
  instrument: { slug: string; shortName: string; title: string };
  /** Assessed commitments of this group on the page shown. */
  rated: RatedCommitmentView[];
  /** Assessed commitments of this group in all. */
  ratedTotal: number;
  unrated: UnratedCommitmentView[];
}

/** A line of the briefing: a commitment with its status and the footnote of its first source. */
export interface BriefLine {
  code: string;
  title: string;
  assessmentId: number | null;
  status: Status | null;
  assessor: Assessor | null;
  date: string | null;
  dueOn: string | null;
  footnote: number | null;
}

/** A numbered source of the briefing. */
export interface Footnote {
  n: number;
  url: string;
  publisher: string;
  title: string | null;
}

export interface ScorecardView {
  party: PartyRecord;
  name: string;
  asOf: string;
  methodologyVersion: string;
  /** The page's answer in one sentence, from the data. */
  headline: string;
  /** Applicable commitments, and those rated by at least one assessor. */
  applicable: number;
  rated: number;
  /** Assessors who rated anything, independent first; empty when nothing is rated. */
  assessors: Assessor[];
  overall: ScoreBy;
  /** Per instrument with applicable commitments, the score of each assessor. */
  byInstrument: { slug: string; shortName: string; scores: ScoreBy }[];
  byTheme: { theme: Theme; label: string; scores: ScoreBy }[];
  pipelines: { instrument: InstrumentRecord; pipeline: Pipeline<Participation, DomesticStepRow> }[];
  otherActions: Participation[];
  treatyActionCount: number;
  measures: ScorecardMeasuresView;
  groups: CommitmentGroupView[];
  /** Paging of assessed commitments: `page` of `pages`, rows `from`..`to` of `total`. */
  paging: { page: number; pages: number; from: number; to: number; total: number };
  /** The page of the assessed list each commitment is on (for links from the timeline and the briefing). */
  pageOf: Map<string, number>;
  timeline: TimelineRow[];
  indicators: Indicator[];
  brief: {
    moved: BriefLine[];
    movedMore: number;
    /** When nothing moved in the window: the latest published changes before it, so the briefing still dates the record. */
    latest: BriefLine[];
    overdue: BriefLine[];
    overdueMore: number;
    footnotes: Footnote[];
  };
}

const pickerOf = (translations: DataTranslations = NO_TRANSLATIONS) => (locale: Locale, en: string, th: string | null | undefined) => localText(locale, translations, en, th).text;

/** A commitment counts as rated once one assessor gives it a status that scores (not "no evidence", not "not applicable"). */
function isRated(status: Status | undefined): boolean {
  return status !== undefined && STATUS_VALUE[status] !== null;
}

/** The opening sentence: how much is rated, and each assessor's score beside the other. */
export function headlineSentence(locale: Locale, name: string, applicable: number, rated: number, overall: ScoreBy, assessors: readonly Assessor[]): string {
  const count = (n: number) => formatNumber(locale, n);
  // Thai ends a sentence without a full stop.
  const end = locale === 'th' ? '' : '.';
  if (applicable === 0) return `${fill(scorecardText(locale, 'headline.noCommitments'), { name })}${end}`;
  if (rated === 0) return `${fill(scorecardCount(locale, 'headline.none', applicable), { name, applicable: count(applicable) })}${end}`;
  const head = fill(scorecardCount(locale, 'headline.rated', applicable), { name, rated: count(rated), applicable: count(applicable) });
  const scores = assessors.map((a) => fill(scorecardText(locale, `headline.score.${a}`), { score: formatPercent(locale, overall[a]!.score), rated: count(overall[a]!.rated) }));
  return `${head}; ${scores.join(locale === 'th' ? ' ' : ', ')}${end}`;
}

/**
 * Everything the scorecard of `code` shows on `asOf`, or null when no such party exists.
 * `page` picks the page of assessed commitments shown in full.
 */
export async function buildScorecardView(db: Database, code: string, { locale, asOf, page, focus, translations }: ScorecardOptions): Promise<ScorecardView | null> {
  const pick = pickerOf(translations);
  // Reference data is read once per `world` version and day; assessments, measures and domestic steps on every render.
  const reference = await openReferenceMemo(db);
  const party = await reference.remember(`party:${code}`, () => getParty(db, code));
  if (!party) return null;
  const slug = party.slug;
  const instrumentsRead = reference.remember('instruments', () => listInstruments(db));
  const [applicableRows, current, participationRows, stepRows, timeline, indicators, instruments] = await Promise.all([
    reference.remember(`applicable:${slug}`, () => getApplicableCommitments(db, slug)),
    getCountingAssessments(db, slug, asOf),
    reference.remember(`participations:${slug}:${asOf}`, async () => {
      const [rows, all] = await Promise.all([getPartyParticipations(db, slug, asOf), instrumentsRead]);
      const instrumentOrder = new Map(all.map((i, n) => [i.slug, n]));
      return rows.sort(
        (a, b) => (instrumentOrder.get(a.instrumentSlug) ?? 0) - (instrumentOrder.get(b.instrumentSlug) ?? 0) || PARTICIPATION_ACTIONS.indexOf(a.action) - PARTICIPATION_ACTIONS.indexOf(b.action),
      );
    }),
    getPartyDomesticSteps(db, slug, asOf),
    getPartyTimeline(db, slug, asOf, TIMELINE_LIMIT),
    reference.remember(`indicators:${slug}:${asOf}`, () => getPartyIndicators(db, slug, asOf)),
    instrumentsRead,
  ]);
  const scores = scoreParty(slug, applicableRows, current, asOf);
  const name = pick(locale, party.nameEn, party.nameTh);

  // Scores, side by side per assessor; an assessor who rated nothing gets no column and no chart.
  const assessors = ASSESSORS.filter((a) => scores.byAssessor[a].overall.rated > 0).sort((a, b) => (a === 'independent' ? -1 : b === 'independent' ? 1 : 0));
  const scoreBy = (get: (s: PartyScores<CountingAssessment>['byAssessor'][Assessor]) => Score | undefined): ScoreBy =>
    Object.fromEntries(assessors.map((a) => [a, get(scores.byAssessor[a])]).filter(([, s]) => s !== undefined)) as ScoreBy;
  const overall = scoreBy((s) => s.overall);
  const applicableSlugs = new Set(applicableRows.map((c) => c.instrumentSlug));
  const scoredInstruments = instruments.filter((i) => applicableSlugs.has(i.slug));
  const byInstrument = scoredInstruments.map((i) => ({ slug: i.slug, shortName: pick(locale, i.shortName, i.shortNameTh), scores: scoreBy((s) => s.byInstrument[i.slug]) }));
  const byTheme = THEMES.filter((theme) => scores.byAssessor.independent.byTheme[theme]).map((theme) => ({ theme, label: THEME_LABELS[locale][theme], scores: scoreBy((s) => s.byTheme[theme]) }));
  const ratedCount = scores.commitments.filter((s) => ASSESSORS.some((a) => isRated(s.byAssessor[a]?.status))).length;
  // A commitment an assessor found not applicable leaves the count unless the other assessor rates it.
  const applicableCount = scores.commitments.filter((s) => !ASSESSORS.some((a) => s.byAssessor[a]?.status === 'not_applicable') || ASSESSORS.some((a) => isRated(s.byAssessor[a]?.status))).length;

  // Treaty actions: treaties get a pipeline (signed → domestic steps → deposited → in force); other instruments a table.
  const joined = instruments.filter((i) => participationRows.some((p) => p.instrumentSlug === i.slug) || stepRows.some((d) => d.instrumentSlug === i.slug) || applicableSlugs.has(i.slug));
  const treaties = joined.filter((i) => i.type === 'treaty' && (participationRows.some((p) => p.instrumentSlug === i.slug) || stepRows.some((d) => d.instrumentSlug === i.slug)));
  // Entry into force only where a pipeline shows it: the treaties this party acted on.
  const inForce = new Map<string, PartyEntryIntoForce>();
  await Promise.all(
    treaties.map(async (instrument) => {
      const rule = ruleOf(instrument);
      const eif = rule ? await reference.remember(`entry-into-force:${instrument.slug}:${asOf}`, () => getEntryIntoForce(db, instrument, asOf)) : null;
      if (rule && eif) inForce.set(instrument.slug, partyEntryIntoForce(eif, rule, slug, asOf));
    }),
  );
  // Instruments by their name in the page's language (Thai short names where the data has them).
  const named = (instrument: InstrumentRecord): InstrumentRecord => ({ ...instrument, shortName: pick(locale, instrument.shortName, instrument.shortNameTh) });
  const pipelines = treaties.map((instrument) => ({
    instrument: named(instrument),
    pipeline: buildPipeline(
      participationRows.filter((p) => p.instrumentSlug === instrument.slug),
      stepRows.filter((d) => d.instrumentSlug === instrument.slug),
      depositaryHostsOf(instrument),
      inForce.get(instrument.slug) ?? null,
    ),
  }));
  const otherActions = participationRows
    .filter((p) => !treaties.some((i) => i.slug === p.instrumentSlug))
    .map((p) => {
      const instrument = instruments.find((i) => i.slug === p.instrumentSlug);
      return instrument ? { ...p, instrumentShortName: named(instrument).shortName } : p;
    });

  // Assessed commitments, paged in instrument order; the rest collapsed per instrument.
  const records = new Map(applicableRows.map((c) => [c.code, c]));
  const assessed = scores.commitments.filter((s) => s.latest !== null);
  const pages = Math.max(1, Math.ceil(assessed.length / COMMITMENTS_PER_PAGE));
  const pageOf = new Map(assessed.map((s, n) => [s.commitment.code, Math.floor(n / COMMITMENTS_PER_PAGE) + 1]));
  const focused = page === undefined && focus ? (focus.commitment ?? assessed.find((s) => ASSESSORS.some((a) => s.byAssessor[a]?.id === focus.assessment))?.commitment.code) : undefined;
  const pageNo = Math.min(Math.max(1, Math.trunc((focused !== undefined ? pageOf.get(focused) : page) ?? 1) || 1), pages);
  const shown = assessed.slice((pageNo - 1) * COMMITMENTS_PER_PAGE, pageNo * COMMITMENTS_PER_PAGE);
  const shownIds = shown.flatMap((s) => ASSESSORS.flatMap((a) => (s.byAssessor[a] ? [s.byAssessor[a].id] : [])));

  // The briefing: what moved lately and what is overdue, each with its first source.
  const movedSince = addDays(asOf, -MOVED_WINDOW_DAYS);
  const movedRows = timeline.filter((row) => row.asOf > movedSince);
  const movedCodes = new Set<string>();
  const moved = movedRows.filter((row) => (movedCodes.has(row.commitmentCode) ? false : (movedCodes.add(row.commitmentCode), true)));
  // The timeline holds the latest rows only; the count comes from the assessments that count. A
  // commitment moved in the window exactly when one of its counting assessments is dated in it:
  // the counting one is the latest shown on the day, so an earlier one in the window implies it.
  const movedTotal = new Set(current.filter((a) => a.asOf > movedSince).map((a) => a.commitmentCode)).size;
  const overdueStates = scores.commitments.filter((s) => s.overdue);
  const briefMoved = moved.slice(0, BRIEF_LIST_LIMIT);
  const latestCodes = new Set<string>();
  const briefLatest = moved.length > 0 ? [] : timeline.filter((row) => (latestCodes.has(row.commitmentCode) ? false : (latestCodes.add(row.commitmentCode), true))).slice(0, LATEST_LIMIT);
  const briefOverdue = overdueStates.slice(0, BRIEF_LIST_LIMIT);
  const briefIds = [...briefMoved.map((r) => r.id), ...briefLatest.map((r) => r.id), ...briefOverdue.flatMap((s) => (s.latest ? [s.latest.id] : []))];

  // The basis is counted over the assessments behind the scores: those of applicable commitments.
  const scored = scores.commitments.flatMap((s) => ASSESSORS.flatMap((a) => (s.byAssessor[a] ? [s.byAssessor[a]] : [])));
  const [evidenceRows, measures, texts] = await Promise.all([getEvidence(db, [...new Set([...shownIds, ...briefIds])]), buildScorecardMeasuresView(db, slug, { counting: scored, shownIds }, { locale, translations }), getAssessmentTexts(db, shownIds)]);
  const evidenceBy = Map.groupBy(evidenceRows, (e) => e.assessmentId);

  const shownCodes = new Set(shown.map((s) => s.commitment.code));
  const groups: CommitmentGroupView[] = scoredInstruments.map((instrument) => {
    const states = scores.commitments.filter((s) => s.commitment.instrumentSlug === instrument.slug);
    return {
      instrument: { slug: instrument.slug, shortName: pick(locale, instrument.shortName, instrument.shortNameTh), title: pick(locale, instrument.titleEn, instrument.titleTh) },
      ratedTotal: states.filter((s) => s.latest !== null).length,
      rated: states
        .filter((s) => shownCodes.has(s.commitment.code))
        .map((s) => {
          const record = records.get(s.commitment.code)!;
          return {
            code: record.code,
            title: pick(locale, record.titleEn, record.titleTh),
            dueOn: record.dueOn,
            overdue: s.overdue,
            assessments: ASSESSORS.flatMap((assessor) => {
              const a = s.byAssessor[assessor];
              if (!a) return [];
              // Every assessment shown had its texts read (shownIds).
              const text = texts.get(a.id)!;
              const narrative = localText(locale, translations ?? NO_TRANSLATIONS, text.narrativeEn, text.narrativeTh);
              return [{ id: a.id, assessor, status: a.status, asOf: a.asOf, narrative: narrative.text, narrativeLang: narrative.lang, confidence: text.confidence, evidence: evidenceBy.get(a.id) ?? [], citedMeasures: measures.cited.get(a.id) ?? [] }];
            }),
          };
        }),
      unrated: states
        .filter((s) => s.latest === null)
        .map((s) => {
          const record = records.get(s.commitment.code)!;
          return { code: record.code, title: pick(locale, record.titleEn, record.titleTh), dueOn: record.dueOn, overdue: s.overdue };
        }),
    };
  });

  // Footnotes: the briefing's sources, numbered once each in order of first use.
  const footnotes: Footnote[] = [];
  const noteFor = (url: string | null | undefined, publisher: string, title: string | null = null): number | null => {
    if (!url) return null;
    const found = footnotes.find((f) => f.url === url);
    if (found) return found.n;
    footnotes.push({ n: footnotes.length + 1, url, publisher, title });
    return footnotes.length;
  };
  for (const { pipeline } of pipelines) for (const item of pipeline.items) if (item.kind !== 'in_force') noteFor(item.row.sourceUrl, item.row.sourcePublisher);
  for (const row of otherActions) noteFor(row.sourceUrl, row.sourcePublisher);
  const firstSource = (id: number | undefined) => {
    const e = id === undefined ? undefined : evidenceBy.get(id)?.[0];
    return e ? noteFor(e.url, e.publisher, e.title) : null;
  };
  const briefLine = (row: TimelineRow): BriefLine => ({ code: row.commitmentCode, title: commitmentTitle(records.get(row.commitmentCode), row.titleEn, row.titleTh), assessmentId: row.id, status: row.status, assessor: row.assessor, date: row.asOf, dueOn: records.get(row.commitmentCode)?.dueOn ?? null, footnote: firstSource(row.id) });
  const commitmentTitle = (c: CommitmentRecord | undefined, en: string, th: string | null) => (c ? pick(locale, c.titleEn, c.titleTh) : pick(locale, en, th));

  return {
    party,
    name,
    asOf,
    methodologyVersion: scores.methodologyVersion,
    headline: headlineSentence(locale, name, applicableCount, ratedCount, overall, assessors),
    applicable: applicableCount,
    rated: ratedCount,
    assessors,
    overall,
    byInstrument,
    byTheme,
    pipelines,
    otherActions,
    treatyActionCount: participationRows.length + stepRows.length,
    measures,
    groups,
    paging: { page: pageNo, pages, from: assessed.length === 0 ? 0 : (pageNo - 1) * COMMITMENTS_PER_PAGE + 1, to: (pageNo - 1) * COMMITMENTS_PER_PAGE + shown.length, total: assessed.length },
    pageOf,
    timeline,
    indicators,
    brief: {
      moved: briefMoved.map(briefLine),
      latest: briefLatest.map(briefLine),
      movedMore: Math.max(movedTotal, moved.length) - briefMoved.length,
      overdue: briefOverdue.map((s) => {
        const record = records.get(s.commitment.code)!;
        return { code: record.code, title: pick(locale, record.titleEn, record.titleTh), assessmentId: s.latest?.id ?? null, status: s.latest?.status ?? null, assessor: s.latest?.assessor ?? null, date: s.latest?.asOf ?? null, dueOn: record.dueOn, footnote: firstSource(s.latest?.id) };
      }),
      overdueMore: overdueStates.length - briefOverdue.length,
      footnotes,
    },
  };
}
