/**
 * The view model of the home page: the answer in one sentence (where the Convention stands and
 * how many parties are rated), the headline figures, the Convention's road to entry into force,
 * the Partnership's members, the map of scores and the latest published assessments.
 */
import type { Database } from '../../../../db/client';
import type { EntryIntoForce } from '../../../domain/entry-into-force';
import type { Score } from '../../../domain/scoring';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { formatNumber, formatPercent } from '../../../i18n/format';
import { countedText } from '../../../i18n/instrument-strings';
import { LANGUAGE_TAGS, localizePath, type Locale } from '../../../i18n/locales';
import { t } from '../../../i18n/ui';
import { NO_SCORE_COLOR, scoreColor } from '../../colors';
import { fill } from '../../request-params';
import type { MapEntry } from '../../world-map';
import { getScoresByParty } from '../derived-data';
import { getEntryIntoForce, getInstrument, type InstrumentRecord } from '../queries/instruments';
import { getCounts, getLatestPublished, getMembers } from '../queries/overview';
import { listParties } from '../queries/parties';
import { headingOf, standingSentence } from './instrument';

/** The instrument whose road to entry into force the home page follows. */
export const CONVENTION_SLUG = 'un-convention-against-cybercrime';
/** The instrument whose members the home page lists. */
export const PARTNERSHIP_SLUG = 'bangkok-joint-statement-2025';

interface ViewOptions {
  locale: Locale;
  /** The day shown: today, or a past day's permalink. */
  asOf: string;
  /** True on a past day's permalink: the latest assessments are those published by its end. */
  historical: boolean;
  /** Data translations for a language other than English and Thai (the request's `locals.translations`). */
  translations?: DataTranslations;
}

/** Everything the home page shows. */
export interface HomeView {
  answer: string;
  counts: Awaited<ReturnType<typeof getCounts>>;
  convention: { instrument: InstrumentRecord; name: string; eif: EntryIntoForce } | null;
  members: { slug: string; name: string; score: Score | undefined }[];
  map: { entries: MapEntry[]; legend: { label: string; fill: string }[] };
  /** Parties with an independent rating, alphabetical: the map's table. */
  rated: { slug: string; name: string; score: Score }[];
  latest: Awaited<ReturnType<typeof getLatestPublished>>;
}

/** The home page on `asOf`. */
export async function buildHomeView(db: Database, { locale, asOf, historical, translations = NO_TRANSLATIONS }: ViewOptions): Promise<HomeView> {
  const [counts, convention, members, latest, allParties, scores] = await Promise.all([
    getCounts(db, asOf),
    getInstrument(db, CONVENTION_SLUG),
    getMembers(db, PARTNERSHIP_SLUG, 'membership', asOf),
    getLatestPublished(db, 6, historical ? asOf : undefined),
    listParties(db),
    getScoresByParty(db, { scope: 'overall' }, asOf),
  ]);
  const eif = convention ? await getEntryIntoForce(db, convention, asOf) : null;
  const link = (path: string) => localizePath(locale, path);
  const name = (row: { nameEn: string; nameTh: string }) => localText(locale, translations, row.nameEn, row.nameTh).text;
  const collator = new Intl.Collator(LANGUAGE_TAGS[locale]);

  const entries: MapEntry[] = allParties
    .filter((p) => p.isoNumeric && scores.has(p.slug))
    .map((p) => {
      const s = scores.get(p.slug)!.independent;
      const label = name(p);
      return {
        isoNumeric: p.isoNumeric!,
        label,
        href: link(`/parties/${p.slug}`),
        score: s.score,
        fill: scoreColor(s.score),
        summary: s.score === null ? fill(t(locale, 'map.summaryNone'), { name: label }) : fill(t(locale, 'map.summary'), { name: label, score: formatPercent(locale, s.score), coverage: formatPercent(locale, s.coverage) }),
      };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
  const legend = [{ label: t(locale, 'map.noScore'), fill: NO_SCORE_COLOR }, ...[0, 1 / 3, 2 / 3, 1].map((v) => ({ label: formatPercent(locale, v), fill: scoreColor(v) }))];
  const rated = allParties
    .filter((p) => (scores.get(p.slug)?.independent.rated ?? 0) > 0)
    .map((p) => ({ slug: p.slug, name: name(p), score: scores.get(p.slug)!.independent }))
    .sort((a, b) => collator.compare(a.name, b.name));
  // Rated by either assessor, as the instrument pages count it (scores count no "no evidence" status).
  const anyRated = allParties.filter((p) => {
    const s = scores.get(p.slug);
    return (s?.independent.rated ?? 0) > 0 || (s?.self_reported.rated ?? 0) > 0;
  }).length;

  const conventionName = convention ? headingOf(localText(locale, translations, convention.titleEn, convention.titleTh).text) : '';
  const conventionSentence = convention && eif ? standingSentence(locale, { name: conventionName, eif, joined: 0 }) : '';
  const ratedSentence = countedText(locale, 'answer.home.rated', anyRated, { total: formatNumber(locale, counts.parties) });
  return {
    answer: [conventionSentence, ratedSentence].filter(Boolean).join(' '),
    counts,
    convention: convention && eif ? { instrument: convention, name: conventionName, eif } : null,
    members: members.map((m) => ({ slug: m.slug, name: name(m), score: scores.get(m.slug)?.independent })),
    map: { entries, legend },
    rated,
    latest,
  };
}
