/** Number, date and score formatters that follow the page's language. */
import { LANGUAGE_TAGS, type Locale } from './locales';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A whole or decimal number with the locale's grouping. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return cached(`n:${locale}:${maximumFractionDigits}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits })).format(value);
}

/** A large number in the locale's compact form (18 billion, 1.4 million). */
export function formatCompact(locale: Locale, value: number): string {
  return cached(`c:${locale}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], { notation: 'compact', maximumFractionDigits: 2 })).format(value);
}

/** A fraction from 0 to 1 as a whole percentage; an em dash for null. */
export function formatPercent(locale: Locale, fraction: number | null): string {
  if (fraction === null) return '—';
  return cached(`p:${locale}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
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
