/** Number, date and score formatters that follow the page's language. */
import { LANGUAGE_TAGS, type Locale } from './locales';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** Distinct values kept per locale by the memos of formatted numbers before they start afresh. */
const FORMATTED_VALUES_LIMIT = 10_000;
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** Whole numbers by locale and value, as `percents` below: counts repeat down a page. */
const wholes: Record<Locale, Map<number, string>> = { en: new Map(), th: new Map(), id: new Map() };

/** A whole or decimal number with the locale's grouping. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  const format = () => cached(`n:${locale}:${maximumFractionDigits}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits })).format(value);
  if (maximumFractionDigits !== 0) return format();
  const byValue = wholes[locale];
  let text = byValue.get(value);
  if (text === undefined) {
    text = format();
    if (byValue.size >= FORMATTED_VALUES_LIMIT) byValue.clear();
    byValue.set(value, text);
  }
  return text;
}

/** A large number in the locale's compact form (18 billion, 1.4 million). */
export function formatCompact(locale: Locale, value: number): string {
  return cached(`c:${locale}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], { notation: 'compact', maximumFractionDigits: 2 })).format(value);
}

/** Whole percentages by language tag and value: a scorecard writes a few dozen distinct ones hundreds of times. */
const percents = new Map<string, Map<number, string>>();

/**
 * A fraction from 0 to 1 as a whole percentage in a BCP 47 language (`th-TH`): the one percent
 * formatter, for code that holds a language tag rather than a site locale (the chart layouts).
 */
export function formatPercentInLanguage(lang: string, fraction: number): string {
  let byValue = percents.get(lang);
  if (!byValue) percents.set(lang, (byValue = new Map()));
  let text = byValue.get(fraction);
  if (text === undefined) {
    text = cached(`p:${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
    if (byValue.size >= FORMATTED_VALUES_LIMIT) byValue.clear();
    byValue.set(fraction, text);
  }
  return text;
}

/** A fraction from 0 to 1 as a whole percentage; an em dash for null. */
export function formatPercent(locale: Locale, fraction: number | null): string {
  return fraction === null ? '—' : formatPercentInLanguage(LANGUAGE_TAGS[locale], fraction);
}

/** Formatted days by locale and ISO day: a long page formats the same few hundred days over and over. */
const formattedDays = new Map<string, string>();
/** Enough for every day of several decades in three languages; past it the memo starts afresh. */
const FORMATTED_DAYS_LIMIT = 50_000;

/** An ISO date (`YYYY-MM-DD`) as a long date; Thai pages use the Buddhist era, as Thai readers expect. */
export function formatDate(locale: Locale, isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const day = isoDate.slice(0, 10);
  const key = `${locale}:${day}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = cached(`d:${locale}`, () => new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(`${day}T00:00:00Z`));
    if (formattedDays.size >= FORMATTED_DAYS_LIMIT) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}

/** A money amount in a currency, compact (US$18 billion). */
export function formatMoney(locale: Locale, value: number, currency: 'USD' | 'THB'): string {
  return cached(`m:${locale}:${currency}`, () =>
    new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }),
  ).format(value);
}
