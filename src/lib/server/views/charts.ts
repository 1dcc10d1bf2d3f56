/**
 * The charts a page shows and a download serves, built once from the records: a party's score
 * bars (by instrument and by theme, per assessor) and indicator series, an instrument's parties
 * over time. Each comes with the words its frame and its file carry (title, source, date), so
 * that the page's chart, its SVG and its PNG say the same thing.
 */
import type { Database } from '../../../../db/client';
import type { ChartSpec, ChartWords, TimeSeries, ValueUnit } from '../../../domain/chart-layout';
import { indicatorPoints } from '../../../domain/chart-series';
import { CHART_FILE_WIDTH, renderChartFile } from '../../../domain/chart-svg';
import { ASSESSORS, THEMES, type Assessor } from '../../../domain/vocabulary';
import { chartText } from '../../../i18n/chart-strings';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { formatDate } from '../../../i18n/format';
import { LANGUAGE_TAGS, type Locale } from '../../../i18n/locales';
import { ASSESSOR_LABELS, THEME_LABELS, t } from '../../../i18n/ui';
import { scoreColor, SERIES_COLORS } from '../../colors';
import { fill } from '../../request-params';
import { listInstruments } from '../queries/instruments';
import { getPartyIndicators } from '../queries/parties';
import { getPartyScores } from '../queries/scorecard';
import { loadDataTranslations } from '../translations';
import { buildInstrumentView } from './instrument';

/** A chart ready to frame or to download. */
export interface BuiltChart {
  /** File name without extension (`instruments-independent`, `progress`, `indicator-…`). */
  name: string;
  spec: ChartSpec;
  title: string;
  subtitle?: string;
  source: string;
  legend: { label: string; color: string }[];
  /** The day the chart shows (the page's `as_of`). */
  asOf: string;
}

/** The words the layouts write, in `locale`. */
export function chartWords(locale: Locale): ChartWords {
  return { lang: LANGUAGE_TAGS[locale], notRated: chartText(locale, 'chart.notRated'), coverage: t(locale, 'common.coverage') };
}

type PartyScores = Awaited<ReturnType<typeof getPartyScores>>;

/** A party's score bars by instrument or by theme for one assessor (null: no such chart). */
export function partyScoreChart(
  locale: Locale,
  partyName: string,
  scores: PartyScores['scores'],
  instruments: readonly { slug: string; shortName: string }[],
  kind: 'instruments' | 'themes',
  assessor: Assessor,
  asOf: string,
): BuiltChart {
  const of = scores.byAssessor[assessor];
  const bars =
    kind === 'instruments'
      ? instruments.map((i) => ({ label: i.shortName, score: of.byInstrument[i.slug]?.score ?? null, coverage: of.byInstrument[i.slug]?.coverage ?? null }))
      : THEMES.filter((theme) => scores.byAssessor.independent.byTheme[theme] || of.byTheme[theme]).map((theme) => ({ label: THEME_LABELS[locale][theme], score: of.byTheme[theme]?.score ?? null, coverage: of.byTheme[theme]?.coverage ?? null }));
  return {
    name: `${kind}-${assessor}`,
    spec: { kind: 'bars', bars },
    title: fill(chartText(locale, kind === 'instruments' ? 'chart.byInstrument' : 'chart.byTheme'), { name: partyName, assessor: ASSESSOR_LABELS[locale][assessor] }),
    subtitle: bars.some((b) => b.score === null) ? chartText(locale, 'chart.notRatedKey') : undefined,
    source: `${chartText(locale, 'chart.source')}: ${fill(chartText(locale, 'chart.sourceScores'), { version: scores.methodologyVersion })}`,
    legend: [],
    asOf,
  };
}

type PartyIndicator = Awaited<ReturnType<typeof getPartyIndicators>>[number];

/** One of a party's indicators as dots over time, named in the page's language where the name is translated. */
export function indicatorChart(locale: Locale, indicator: PartyIndicator, asOf: string, translations: DataTranslations = NO_TRANSLATIONS): BuiltChart {
  const label = localText(locale, translations, indicator.nameEn, indicator.nameTh).text;
  const series: TimeSeries[] = [{ key: 'value', label, color: SERIES_COLORS.indicator, style: 'dots', points: indicatorPoints(indicator.values) }];
  const publishers = [...new Set(indicator.values.map((v) => v.sourcePublisher))].join('; ');
  return {
    name: `indicator-${indicator.slug}`,
    spec: { kind: 'time', series, endDate: asOf, unit: indicator.unit as ValueUnit },
    title: label,
    subtitle: chartText(locale, 'chart.dotsKey'),
    source: `${chartText(locale, 'chart.source')}: ${fill(chartText(locale, 'chart.sourceIndicator'), { publishers })}`,
    legend: [],
    asOf,
  };
}

/** A party's chart by file name, or null when there is no such chart. */
export async function buildPartyChart(db: Database, party: { slug: string; nameEn: string; nameTh: string }, name: string, asOf: string, locale: Locale): Promise<BuiltChart | null> {
  const translations = await loadDataTranslations(db, locale);
  const partyName = localText(locale, translations, party.nameEn, party.nameTh).text;
  const bars = /^(instruments|themes)-(.+)$/.exec(name);
  if (bars) {
    const assessor = ASSESSORS.find((a) => a === bars[2]);
    if (!assessor) return null;
    const [{ scores, commitments }, instruments] = await Promise.all([getPartyScores(db, party.slug, asOf), listInstruments(db)]);
    const scored = instruments.filter((i) => commitments.some((c) => c.instrumentSlug === i.slug));
    return partyScoreChart(locale, partyName, scores, scored, bars[1] as 'instruments' | 'themes', assessor, asOf);
  }
  const indicatorSlug = /^indicator-(.+)$/.exec(name)?.[1];
  if (indicatorSlug) {
    const indicator = (await getPartyIndicators(db, party.slug, asOf)).find((i) => i.slug === indicatorSlug);
    return indicator ? indicatorChart(locale, indicator, asOf, translations) : null;
  }
  return null;
}

/** The record's running counts (the instrument page's series and table) as one chart. */
export type RecordSeriesKey = 'signatures' | 'domesticSteps' | 'deposits' | 'joined';
export function recordProgressChart(
  locale: Locale,
  instrumentName: string,
  progress: { points: readonly ({ date: string } & Record<RecordSeriesKey, number>)[]; observations: number; series: readonly RecordSeriesKey[] },
  labels: Record<RecordSeriesKey, string>,
  asOf: string,
): BuiltChart {
  const colors: Record<RecordSeriesKey, string> = { signatures: SERIES_COLORS.signatures, domesticSteps: SERIES_COLORS.domesticSteps, deposits: SERIES_COLORS.deposits, joined: SERIES_COLORS.deposits };
  const series: TimeSeries[] = progress.series.map((key) => ({
    key,
    label: labels[key],
    color: colors[key],
    style: 'step',
    points: progress.points.map((p) => ({ date: p.date, value: p[key] })),
  }));
  return {
    name: 'progress',
    // Fewer than two dated observations make no chart: the page says it in words.
    spec: { kind: 'time', series: progress.observations >= 2 ? series : [], endDate: asOf, unit: 'count' },
    title: fill(chartText(locale, 'chart.progress'), { name: instrumentName }),
    source: `${chartText(locale, 'chart.source')}: ${chartText(locale, 'chart.sourceTreaty')}`,
    legend: series.map((s) => ({ label: s.label, color: s.color })),
    asOf,
  };
}

/** An instrument's chart by file name, or null: the same counts as the instrument page draws. */
export async function buildInstrumentChart(db: Database, instrument: { slug: string; shortName: string }, name: string, asOf: string, locale: Locale): Promise<BuiltChart | null> {
  if (name !== 'progress') return null;
  const view = await buildInstrumentView(db, instrument.slug, { locale, asOf });
  return view ? view.progressChart : null;
}

/** The chart as a standalone SVG document with its title, source, date and address inside. */
export function chartFileSvg(chart: BuiltChart, locale: Locale, pageUrl: string, fontFamily: string): string {
  return renderChartFile(
    chart.spec,
    {
      title: chart.title,
      subtitle: chart.subtitle,
      source: chart.source,
      date: fill(chartText(locale, 'chart.dataAsOf'), { date: formatDate(locale, chart.asOf) }),
      url: pageUrl,
      words: chartWords(locale),
      legend: chart.legend,
      fontFamily,
    },
    scoreColor,
  );
}

/** Width of the downloaded files, for the docs and tests. */
export { CHART_FILE_WIDTH };
