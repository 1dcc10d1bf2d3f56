/** Reading query parameters that pages share, with a clear message for junk instead of a 500. */
import { isIsoDate, todayIso } from '../domain/dates';
import type { Locale } from '../i18n/locales';

/** Years from this one on are read as Buddhist-era years on Thai pages (2569 BE is 2026 CE). */
const FIRST_BUDDHIST_ERA_YEAR = 2400;
/** Buddhist era minus common era, in years. */
const BUDDHIST_ERA_OFFSET = 543;

/**
 * A date parameter as the pages and the API read it: trimmed, and on Thai pages a
 * Buddhist-era year (2400 or later) turned into the common era (`2569-01-31` → `2026-01-31`),
 * since a Thai reader writes dates that way. Anything else is returned as given, to be checked.
 */
export function readDateParam(raw: string, locale: Locale = 'en'): string {
  const value = raw.trim();
  const match = /^(\d{4})(-\d{2}-\d{2})$/.exec(value);
  if (locale !== 'th' || !match || Number(match[1]) < FIRST_BUDDHIST_ERA_YEAR) return value;
  return `${String(Number(match[1]) - BUDDHIST_ERA_OFFSET).padStart(4, '0')}${match[2]}`;
}

export interface AsOfParam {
  /** The day to show: the one asked for, or today when none (or junk) was given. */
  asOf: string;
  /** True when the page shows a past day rather than today. */
  historical: boolean;
  /** The raw value when it was not a usable date. */
  invalid: string | null;
}

/** Reads `as_of=YYYY-MM-DD` (a Buddhist-era year on Thai pages); a date in the future is treated as today. */
export function readAsOf(params: URLSearchParams, today: string = todayIso(), locale: Locale = 'en'): AsOfParam {
  const given = params.get('as_of');
  if (given === null || given.trim() === '') return { asOf: today, historical: false, invalid: null };
  const raw = readDateParam(given, locale);
  if (!isIsoDate(raw)) return { asOf: today, historical: false, invalid: raw.slice(0, 40) };
  if (raw >= today) return { asOf: today, historical: false, invalid: null };
  return { asOf: raw, historical: true, invalid: null };
}

/** Fills `{name}` placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
