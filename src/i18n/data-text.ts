/**
 * Seeded data (titles, names, summaries, source notes) in the page's language. English comes
 * from the data's own columns, and Thai too where the data has a Thai column; any other text
 * (every text in Indonesian, and Thai without a column, such as a source's note) from the
 * translations table (migration 0012), found by the English text it restates, so that a
 * translation of text that has since changed is never shown. Where there is none, the English
 * is returned with `lang: 'en'`, for the page to mark it.
 */
import { DEFAULT_LOCALE, type Locale } from './locales';

/** Translations of data into one language, keyed by the English they restate. */
export interface DataTranslations {
  readonly locale: Locale;
  readonly bySource: ReadonlyMap<string, string>;
}

/** A text and the language it is actually in. */
export interface LocalText {
  text: string;
  lang: Locale;
}

/** No translations (English pages, and any language before its data is loaded). */
export const NO_TRANSLATIONS: DataTranslations = { locale: DEFAULT_LOCALE, bySource: new Map() };

/** `en` (and `th`, the Thai column) in `locale`, or English marked as such. */
export function localText(locale: Locale, translations: DataTranslations, en: string, th?: string | null): LocalText {
  if (locale === DEFAULT_LOCALE) return { text: en, lang: DEFAULT_LOCALE };
  if (locale === 'th' && th) return { text: th, lang: 'th' };
  const own = translations.locale === locale ? translations.bySource.get(en) : undefined;
  return own ? { text: own, lang: locale } : { text: en, lang: DEFAULT_LOCALE };
}

/** A `txt(en, th)` for one page: the text in its language (or English). */
export function dataTextOf(locale: Locale, translations: DataTranslations): (en: string, th?: string | null) => string {
  return (en, th) => localText(locale, translations, en, th).text;
}
