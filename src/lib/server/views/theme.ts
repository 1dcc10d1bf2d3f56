/**
 * The view model of a theme's page (/themes/{slug}): its commitments across instruments, the
 * parties with a published assessment on it first (scores and each status linking to its
 * assessment), and the parties not yet rated summarised in one line.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, instruments, parties } from '../../../../db/schema';
import { preferIndependent } from '../../../domain/aggregate';
import type { Score } from '../../../domain/scoring';
import { THEMES, type Assessor, type Status, type Theme } from '../../../domain/vocabulary';
import { formatNumber } from '../../../i18n/format';
import { countedText } from '../../../i18n/instrument-strings';
import { LANGUAGE_TAGS, type Locale } from '../../../i18n/locales';
import { localText, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { STATUS_LABELS, THEME_LABELS, THEME_SLUGS } from '../../../i18n/ui';
import { getScoresByParty } from '../derived-data';
import { getLatestStatuses } from '../queries/statuses';
import { isRating } from './instrument';

interface ViewOptions {
  locale: Locale;
  /** Data translations for a language other than English and Thai (the request's `locals.translations`). */
  translations?: DataTranslations;
  asOf: string;
}

/** Everything /themes/{slug} shows. */
export interface ThemeView {
  theme: Theme;
  label: string;
  answer: string;
  /** Every theme, for the switcher. */
  themes: { theme: Theme; label: string; slug: string; current: boolean }[];
  commitments: { code: string; title: string; instrumentSlug: string; instrumentName: string }[];
  /** True when any rated party has a self-reported score: the column is left out otherwise. */
  hasSelfReported: boolean;
  /** Parties with at least one rated commitment on the theme: best independent score first, then by name. */
  rated: {
    slug: string;
    name: string;
    independent: Score | undefined;
    selfReported: Score | undefined;
    statuses: { code: string; title: string; status: Status; label: string; assessmentId: number; assessor: Assessor }[];
  }[];
  /** Parties tracked with no rated commitment on the theme, alphabetical. */
  unrated: { slug: string; name: string }[];
}

/** A score with at least one rating, else undefined: a "not rated" cell says so without a "coverage 0%" beside it. */
const ratedOnly = (score: Score | undefined) => (score && score.rated > 0 ? score : undefined);

const pickerOf = (translations: DataTranslations = NO_TRANSLATIONS) => (locale: Locale, en: string, th: string | null | undefined) => localText(locale, translations, en, th).text;

/** The theme whose URL slug this is, or null. */
export function themeOfSlug(slug: string): Theme | null {
  return THEMES.find((th) => THEME_SLUGS[th] === slug) ?? null;
}

/** The page of one theme on `asOf`, or null when the slug names no theme. */
export async function buildThemeView(db: Database, slug: string, { locale, asOf, translations }: ViewOptions): Promise<ThemeView | null> {
  const pick = pickerOf(translations);
  const theme = themeOfSlug(slug);
  if (!theme) return null;
  const [themeCommitments, scores, partyNames, latest] = await Promise.all([
    db
      .select({ code: commitments.code, titleEn: commitments.titleEn, titleTh: commitments.titleTh, instrumentSlug: commitments.instrumentSlug, shortName: instruments.shortName })
      .from(commitments)
      .innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug))
      .where(eq(commitments.theme, theme))
      .orderBy(asc(instruments.sortOrder), asc(commitments.sortOrder)),
    getScoresByParty(db, { scope: 'theme', key: theme }, asOf),
    db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties),
    getLatestStatuses(db, { theme }, asOf),
  ]);
  const collator = new Intl.Collator(LANGUAGE_TAGS[locale]);
  const names = new Map(partyNames.map((p) => [p.slug, pick(locale, p.nameEn, p.nameTh)]));
  const titles = new Map(themeCommitments.map((c) => [c.code, pick(locale, c.titleEn, c.titleTh)]));
  const order = new Map(themeCommitments.map((c, i) => [c.code, i]));
  const cells = [...preferIndependent(latest).values()];
  const ratedSlugs = new Set(latest.filter((l) => isRating(l.status)).map((c) => c.partySlug));
  const label = THEME_LABELS[locale][theme];

  const rated = [...ratedSlugs]
    .map((partySlug) => ({
      slug: partySlug,
      name: names.get(partySlug) ?? partySlug.toUpperCase(),
      independent: ratedOnly(scores.get(partySlug)?.independent),
      selfReported: ratedOnly(scores.get(partySlug)?.self_reported),
      statuses: cells
        .filter((c) => c.partySlug === partySlug)
        .sort((a, b) => (order.get(a.commitmentCode) ?? 0) - (order.get(b.commitmentCode) ?? 0))
        .map((c) => ({ code: c.commitmentCode, title: titles.get(c.commitmentCode) ?? c.commitmentCode, status: c.status, label: STATUS_LABELS[locale][c.status], assessmentId: c.assessmentId, assessor: c.assessor })),
    }))
    .sort((a, b) => (b.independent?.score ?? -1) - (a.independent?.score ?? -1) || collator.compare(a.name, b.name));
  const unrated = partyNames
    .filter((p) => !ratedSlugs.has(p.slug))
    .map((p) => ({ slug: p.slug, name: pick(locale, p.nameEn, p.nameTh) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  const instrumentCount = new Set(themeCommitments.map((c) => c.instrumentSlug)).size;
  return {
    theme,
    label,
    answer: countedText(locale, 'answer.theme', rated.length, {
      theme: label,
      commitments: countedText(locale, 'count.commitments', themeCommitments.length),
      instruments: countedText(locale, 'count.instruments', instrumentCount),
      total: formatNumber(locale, partyNames.length),
    }),
    themes: THEMES.map((th) => ({ theme: th, label: THEME_LABELS[locale][th], slug: THEME_SLUGS[th], current: th === theme })),
    commitments: themeCommitments.map((c) => ({ code: c.code, title: pick(locale, c.titleEn, c.titleTh), instrumentSlug: c.instrumentSlug, instrumentName: c.shortName })),
    rated,
    hasSelfReported: rated.some((r) => r.selfReported !== undefined),
    unrated,
  };
}
